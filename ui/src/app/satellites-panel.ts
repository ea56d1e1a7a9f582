// The satellites: every one the server knows (configured, adopted, discovered, connected), online
// or not, its room, its state live (the `phase` events), its timers; adopt a discovered one,
// mute or unmute the microphone of one the server drives.
import { css, html, nothing } from 'lit';
import { type Activity, activityOf } from '@jarvis/ui/kit/activity.js';
import { micIcon, micOffIcon } from '@jarvis/ui/kit/icons.js';
import { timerList } from '@jarvis/ui/kit/timers.js';
import type { HubEvent } from './panel.js';
import { type SatelliteEntry, SatelliteTimersPanel } from './satellite-timers.js';

const ACTIVITY_WORDS: Readonly<Record<Activity, string>> = {
  idle: 'idle',
  listening: 'listening',
  thinking: 'thinking',
  speaking: 'speaking',
  offline: 'offline',
  unknown: 'unknown',
};

export class SatellitesPanel extends SatelliteTimersPanel {
  static override styles = [
    ...SatelliteTimersPanel.styles,
    css`
      .dot {
        width: 12px;
        height: 12px;
        border-radius: 50%;
        flex: none;
        background: var(--state-inactive-color, var(--disabled-text-color));
      }
      li.listening .dot {
        background: var(--info-color);
      }
      li.thinking .dot {
        background: var(--warning-color);
      }
      li.speaking .dot {
        background: var(--success-color);
      }
      li.connected.idle .dot {
        background: var(--primary-color);
      }
      button[aria-pressed='true'] {
        border-color: var(--error-color);
        color: var(--error-color);
      }
    `,
  ];
  protected override readonly reloadOn = [
    'satellite-connected',
    'satellite-disconnected',
    'satellites-changed',
    'satellite-settings',
    'turn',
  ];
  /** Phases heard live, numbered, so that a list read before one cannot undo it. */
  private phasesHeard = new Map<string, { state: string | null; seq: number }>();
  private phaseSeq = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // The state live: a phase changes one row, no need to read the list again.
    this.listen('phase', (event: HubEvent) => {
      const { satellite, phase } = event.detail as { satellite?: string; phase?: string };
      if (!satellite) return;
      this.phasesHeard.set(satellite, { state: phase ?? null, seq: ++this.phaseSeq });
      this.satellites = this.satellites.map((entry) =>
        entry.id === satellite ? { ...entry, state: phase ?? null } : entry,
      );
    });
  }

  protected async load(): Promise<void> {
    const since = this.phaseSeq;
    await this.readSatellites();
    // A phase heard while the list was on its way is newer than what the list says.
    this.satellites = this.satellites.map((entry) => {
      const heard = this.phasesHeard.get(entry.id);
      return heard && heard.seq > since ? { ...entry, state: heard.state } : entry;
    });
  }

  private async adopt(entry: SatelliteEntry): Promise<void> {
    const path = `api/satellites/${encodeURIComponent(entry.id)}/adopt`;
    if (await this.attempt(() => this.api!.request('POST', path, {}))) await this.refresh();
  }

  private async mute(entry: SatelliteEntry): Promise<void> {
    const path = `api/satellites/${encodeURIComponent(entry.id)}/mute`;
    const muted = !entry.muted;
    if (await this.attempt(() => this.api!.request('POST', path, { muted }))) await this.refresh();
  }

  protected override render() {
    const timers = this.timers();
    return html`<h2>Satellites</h2>
      ${this.errorLine()}
      ${
        this.satellites.length === 0
          ? html`<p class="muted-text">
              No satellite yet: one appears here when it connects, is listed under
              <code>satellites:</code> in the config, or is found on the network.
            </p>`
          : nothing
      }
      <ul class="items" aria-label="Satellites">
        ${this.satellites.map((entry) => this.row(entry))}
      </ul>
      ${timerList(timers, this.now, 'Timers', 'timer')}`;
  }

  private row(entry: SatelliteEntry) {
    const online = entry.status === 'connected';
    const activity = online ? activityOf(entry.state ?? undefined) : 'offline';
    const status =
      entry.status === 'discovered' ? 'discovered, not driven' : online ? 'online' : 'offline';
    return html`<li class="${entry.status} ${activity}" data-satellite=${entry.name}>
      <span class="dot" aria-hidden="true"></span>
      <span class="grow">
        <strong>${entry.name}</strong>
        <span class="muted-text">${entry.area ?? 'no room'}</span>
      </span>
      <span data-status>${status}</span>
      ${online ? html`<span data-state=${activity}>${ACTIVITY_WORDS[activity]}</span>` : nothing}
      ${
        entry.status === 'discovered'
          ? html`<button class="primary adopt" @click=${() => this.adopt(entry)}>Adopt</button>`
          : nothing
      }
      ${
        entry.muted === undefined
          ? nothing
          : html`<button
              class="mute"
              aria-label=${`Mute ${entry.name}`}
              aria-pressed=${entry.muted ? 'true' : 'false'}
              @click=${() => this.mute(entry)}
            >
              ${entry.muted ? micOffIcon : micIcon}<span>${entry.muted ? 'Muted' : 'Mute'}</span>
            </button>`
      }
    </li>`;
  }
}
