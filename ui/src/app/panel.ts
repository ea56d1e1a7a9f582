// What every panel of the web UI shares: the API, the hub on which the page re-dispatches the
// server's live events (`phase`, `turn`, `satellites-changed`, ...) and `reload`, and loading
// with its error shown in the panel (a 401 asks the page for the token).
import { LitElement, css, html, nothing } from 'lit';
import { controlStyles } from '@jarvis/ui/kit/styles.js';
import { type Api, ApiError } from './api.js';

/** A server event as the hub dispatches it: its type, its data in `detail`. */
export type HubEvent = CustomEvent<Record<string, unknown>>;

export const panelStyles = css`
  :host {
    display: block;
    padding: 16px;
    border: 1px solid var(--divider-color);
    border-radius: 12px;
    background: var(--card-background-color);
    color: var(--primary-text-color);
    min-width: 0;
  }
  h2 {
    margin: 0 0 12px;
    font-size: 18px;
    font-weight: 500;
  }
  .error,
  .bad {
    color: var(--error-color);
  }
  .ok {
    color: var(--success-color);
  }
  .muted-text {
    color: var(--secondary-text-color);
    font-size: 12px;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  input[type='text'],
  input[type='search'],
  input[type='datetime-local'],
  select {
    flex: 1 1 160px;
    min-width: 0;
  }
  input[type='search'],
  input[type='datetime-local'] {
    padding: 8px 10px;
    border: 1px solid var(--divider-color);
    border-radius: 4px;
    background: var(--secondary-background-color, transparent);
    color: var(--primary-text-color);
    font: inherit;
  }
  .icon {
    width: 18px;
    height: 18px;
    flex: none;
  }
  ul.items {
    list-style: none;
    margin: 12px 0 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  ul.items > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 8px 0;
    border-top: 1px solid var(--divider-color);
  }
  .grow {
    flex: 1 1 200px;
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;

export abstract class Panel extends LitElement {
  static override properties = {
    api: { attribute: false },
    hub: { attribute: false },
    error: { state: true },
  };
  static override styles = [controlStyles, panelStyles];

  declare api: Api | undefined;
  declare hub: EventTarget | undefined;
  declare error: string | undefined;
  private readonly unsubscribes: Array<() => void> = [];

  /** Reads what the panel shows. */
  protected abstract load(): Promise<void>;

  /** The server events that make the panel read again. */
  protected readonly reloadOn: readonly string[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of ['reload', ...this.reloadOn]) this.listen(type, () => void this.refresh());
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  /** Calls `handler` for hub events of `type` while connected. */
  protected listen(type: string, handler: (event: HubEvent) => void): void {
    const listener = (event: Event) => handler(event as HubEvent);
    this.hub?.addEventListener(type, listener);
    this.unsubscribes.push(() => this.hub?.removeEventListener(type, listener));
  }

  /** Loads, showing what failed in the panel. */
  protected async refresh(): Promise<void> {
    await this.attempt(() => this.load());
  }

  /** Runs `action`; a failure is shown (a 401 asks the page for the token). */
  protected async attempt(action: () => Promise<void>): Promise<boolean> {
    if (!this.api) return false;
    try {
      await action();
      this.error = undefined;
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401)
        this.hub?.dispatchEvent(new CustomEvent('unauthorized'));
      this.error = (error as Error).message;
      return false;
    }
  }

  protected errorLine() {
    return this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing;
  }
}
