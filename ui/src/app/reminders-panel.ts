// Reminders (`/api/reminders`: GET the list of {id, at, text, satellite?}, POST one, DELETE
// /api/reminders/<id>) and the timers running on the satellites. A server without the reminders
// route (404) is told as it is: reminders are not available there.
import { css, html, nothing } from 'lit';
import { timerList } from '@jarvis/ui/kit/timers.js';
import { ApiError } from './api.js';
import { SatelliteTimersPanel } from './satellite-timers.js';

export interface Reminder {
  readonly id: string;
  /** ISO date and time. */
  readonly at: string;
  readonly text: string;
  readonly satellite?: string;
}

/** The list, whether the server sends it bare or as `{reminders}`. */
export function remindersOf(reply: unknown): Reminder[] {
  if (Array.isArray(reply)) return reply as Reminder[];
  const list = (reply as { reminders?: unknown } | undefined)?.reminders;
  return Array.isArray(list) ? (list as Reminder[]) : [];
}

export class RemindersPanel extends SatelliteTimersPanel {
  static override properties = {
    ...SatelliteTimersPanel.properties,
    reminders: { state: true },
    available: { state: true },
  };
  static override styles = [
    ...SatelliteTimersPanel.styles,
    css`
      h3 {
        margin: 16px 0 0;
        font-size: 15px;
        font-weight: 500;
      }
    `,
  ];
  protected override readonly reloadOn = ['turn', 'satellites-changed', 'satellite-connected'];
  declare reminders: readonly Reminder[];
  declare available: boolean | undefined;

  constructor() {
    super();
    this.reminders = [];
  }

  protected async load(): Promise<void> {
    await this.readSatellites();
    try {
      this.reminders = remindersOf(await this.api!.get('api/reminders'));
      this.available = true;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      this.available = false;
      this.reminders = [];
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const field = (name: string) =>
      (
        form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null
      )?.value.trim() ?? '';
    const text = field('text');
    const when = new Date(field('at'));
    if (!text || Number.isNaN(when.getTime())) {
      this.error = 'A reminder needs its text and a date and time.';
      return;
    }
    const satellite = field('satellite');
    const body = { at: when.toISOString(), text, ...(satellite ? { satellite } : {}) };
    if (await this.attempt(() => this.api!.request('POST', 'api/reminders', body))) {
      form.reset();
      await this.refresh();
    }
  }

  private async cancel(reminder: Reminder): Promise<void> {
    const path = `api/reminders/${encodeURIComponent(reminder.id)}`;
    if (await this.attempt(() => this.api!.request('DELETE', path))) await this.refresh();
  }

  protected override render() {
    const timers = this.timers();
    const running = timers.filter((timer) => timer.endsAt > this.now);
    return html`<h2>Reminders and timers</h2>
      ${this.errorLine()}
      ${this.available === false ? html`<p class="muted-text" data-unavailable>reminders are not available on this server</p>` : nothing}
      ${this.available ? this.list() : nothing}
      <h3>Timers</h3>
      ${running.length === 0 ? html`<p class="muted-text" data-no-timers>No timer is running.</p>` : timerList(timers, this.now, 'Timers', 'timer')}`;
  }

  private list() {
    const when = (at: string) => {
      const date = new Date(at);
      return Number.isNaN(date.getTime()) ? at : date.toLocaleString();
    };
    return html`<ul class="items" aria-label="Reminders">
        ${
          this.reminders.length === 0
            ? html`<li class="muted-text">No reminder.</li>`
            : this.reminders.map(
                (reminder) =>
                  html`<li data-reminder=${reminder.id}>
                    <span class="grow">
                      <span data-text>${reminder.text}</span>
                      <span class="muted-text"
                        >${when(reminder.at)}${reminder.satellite ? `, ${reminder.satellite}` : ''}</span
                      >
                    </span>
                    <button
                      aria-label=${`Delete reminder: ${reminder.text}`}
                      @click=${() => this.cancel(reminder)}
                    >
                      Delete
                    </button>
                  </li>`,
              )
        }
      </ul>
      <form @submit=${(e: SubmitEvent) => this.create(e)} aria-label="New reminder">
        <input
          type="text"
          name="text"
          maxlength="255"
          aria-label="Remind me to"
          placeholder="Take the dog out"
        />
        <input type="datetime-local" name="at" aria-label="When" />
        <select name="satellite" aria-label="Where">
          <option value="">where I am</option>
          ${this.satellites.filter((s) => s.status !== 'discovered').map((s) => html`<option value=${s.name}>${s.name}</option>`)}
        </select>
        <button class="primary" type="submit">Add</button>
      </form>`;
  }
}
