// `jarvis-web-ui`: the page behind ingress and on port 8099. Holds the API, asks for the token
// when the server wants one, reads the server's live events and passes them to the panels on a
// hub (each panel reads what it shows and reads again on the events that change it).
import { LitElement, css, html, nothing } from 'lit';
import { controlStyles } from '@jarvis/ui/kit/styles.js';
import { Api, ApiError } from './api.js';

/** Home Assistant's theme variables, light and dark, so the kit's styles look as in the card. */
const theme = css`
  :host {
    --primary-color: #03a9f4;
    --text-primary-color: #fff;
    --primary-text-color: #212121;
    --secondary-text-color: #727272;
    --disabled-text-color: #bdbdbd;
    --divider-color: rgba(0, 0, 0, 0.12);
    --primary-background-color: #fafafa;
    --secondary-background-color: #e5e5e5;
    --card-background-color: #fff;
    --error-color: #db4437;
    --warning-color: #ffa600;
    --success-color: #43a047;
    --info-color: #039be5;
    --state-inactive-color: #9e9e9e;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --primary-text-color: #e1e1e1;
      --secondary-text-color: #9b9b9b;
      --disabled-text-color: #6f6f6f;
      --divider-color: rgba(225, 225, 225, 0.12);
      --primary-background-color: #111;
      --secondary-background-color: #202020;
      --card-background-color: #1c1c1c;
      --error-color: #ef5350;
      --state-inactive-color: #6f6f6f;
    }
  }
`;

export class JarvisWebUi extends LitElement {
  static override properties = { needsToken: { state: true }, live: { state: true } };
  static override styles = [
    theme,
    controlStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        padding: 16px;
        box-sizing: border-box;
        background: var(--primary-background-color);
        color: var(--primary-text-color);
        font-family: Roboto, 'Liberation Sans', 'DejaVu Sans', system-ui, sans-serif;
        font-size: 14px;
      }
      header {
        display: flex;
        align-items: baseline;
        gap: 12px;
        margin-bottom: 16px;
      }
      h1 {
        margin: 0;
        font-size: 22px;
        font-weight: 400;
      }
      .live {
        color: var(--secondary-text-color);
        font-size: 12px;
      }
      main {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(340px, 1fr));
        gap: 16px;
        align-items: start;
      }
      form.login {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        margin-bottom: 16px;
        padding: 16px;
        border: 1px solid var(--warning-color);
        border-radius: 12px;
        background: var(--card-background-color);
      }
      form.login p {
        flex-basis: 100%;
        margin: 0;
      }
      input {
        padding: 8px 10px;
        border: 1px solid var(--divider-color);
        border-radius: 4px;
        background: var(--secondary-background-color);
        color: var(--primary-text-color);
        font: inherit;
      }
    `,
  ];

  declare needsToken: boolean;
  declare live: boolean;
  readonly api = new Api(localStorage);
  readonly hub = new EventTarget();
  private stopping: AbortController | undefined;

  constructor() {
    super();
    this.needsToken = false;
    this.live = false;
    this.hub.addEventListener('unauthorized', () => (this.needsToken = true));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopping?.abort();
  }

  /** Reads /api/events, again after a pause when it ends; each event goes to the hub. */
  private follow(): void {
    this.stopping?.abort();
    const stopping = new AbortController();
    this.stopping = stopping;
    void (async () => {
      let pause = 1000;
      let first = true;
      while (!stopping.signal.aborted) {
        try {
          await this.api.events((event) => {
            this.live = true;
            pause = 1000;
            if (event.type === 'hello') {
              // After a reconnection, what changed meanwhile is read again.
              if (!first) this.hub.dispatchEvent(new CustomEvent('reload'));
              first = false;
              return;
            }
            this.hub.dispatchEvent(new CustomEvent(event.type, { detail: parseData(event.data) }));
          }, stopping.signal);
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) {
            this.needsToken = true;
            this.live = false;
            return;
          }
        }
        this.live = false;
        if (stopping.signal.aborted) return;
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, 30_000);
      }
    })();
  }

  private login(event: SubmitEvent): void {
    event.preventDefault();
    const field = (event.currentTarget as HTMLFormElement).elements.namedItem('token');
    const token = (field as HTMLInputElement).value.trim();
    if (!token) return;
    this.api.setToken(token);
    this.needsToken = false;
    this.follow();
    this.hub.dispatchEvent(new CustomEvent('reload'));
  }

  protected override render() {
    const { api, hub } = this;
    return html`<header>
        <h1>Jarvis</h1>
        <span class="live" data-live=${this.live ? 'yes' : 'no'}
          >${this.live ? 'live' : 'not live'}</span
        >
      </header>
      ${
        this.needsToken
          ? html`<form class="login" @submit=${(e: SubmitEvent) => this.login(e)}>
              <p>
                This server wants its API token (in its start-up log, or the data dir's
                <code>http-token</code> file).
              </p>
              <input
                name="token"
                type="password"
                autocomplete="current-password"
                aria-label="API token"
              />
              <button class="primary" type="submit">Use</button>
            </form>`
          : nothing
      }
      <main>
        <jarvis-status-panel .api=${api} .hub=${hub}></jarvis-status-panel>
        <jarvis-satellites-panel .api=${api} .hub=${hub}></jarvis-satellites-panel>
        <jarvis-try-panel .api=${api} .hub=${hub}></jarvis-try-panel>
        <jarvis-latency-chart .api=${api} .hub=${hub}></jarvis-latency-chart>
        <jarvis-memories-panel .api=${api} .hub=${hub}></jarvis-memories-panel>
        <jarvis-reminders-panel .api=${api} .hub=${hub}></jarvis-reminders-panel>
      </main>`;
  }
}

function parseData(data: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
