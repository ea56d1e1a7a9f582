// `jarvis-room`: one room, drawn from its own entities only. The house card and the room card
// both use it; it re-renders when its entities object is replaced (the tracker replaces it only
// when one of them changed) and, while timers run, once a second for their countdown.
import { LitElement, type PropertyValues, html, nothing } from 'lit';
import * as act from './actions.js';
import type { ServiceCall } from './actions.js';
import type { SatelliteEntities } from './discovery.js';
import { ms } from '@jarvis/ui/kit/format.js';
import { listenIcon, micIcon, micOffIcon } from '@jarvis/ui/kit/icons.js';
import { LATENCY_TARGET_MS, latencyMeter, latencyStyles } from '@jarvis/ui/kit/latency.js';
import { controlStyles } from '@jarvis/ui/kit/styles.js';
import { timerList, timerStyles } from '@jarvis/ui/kit/timers.js';
import type { HassEntities } from './hass.js';
import { type Localize, modeLabel } from './localize.js';
import { roomStyles } from './room-styles.js';
import { type RoomView, type Said, roomView } from './state-map.js';

/** What a room needs from its card besides its entities; replaced only when the locale changes. */
export interface RoomContext {
  readonly localize: Localize;
  readonly time: (when: string | number) => string;
  readonly call: (action: ServiceCall) => void;
}

/** What the mute button says: the mute the satellite reports, and whether its own button did it. */
const mutedLabel = (view: RoomView, t: Localize) =>
  view.mutedLocally ? t('muted.locally') : view.muted ? t('muted') : t('mute');

export class JarvisRoomElement extends LitElement {
  static override properties = {
    satellite: { attribute: false },
    entities: { attribute: false },
    context: { attribute: false },
    compact: { type: Boolean },
    now: { state: true },
  };
  static override styles = [controlStyles, roomStyles, latencyStyles, timerStyles];

  declare satellite: SatelliteEntities | undefined;
  declare entities: HassEntities;
  declare context: RoomContext | undefined;
  declare compact: boolean;
  declare now: number;
  /** Renders for a change of what the room shows (not the countdown's ticks); for tests. */
  renders = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.entities = {};
    this.compact = false;
    this.now = Date.now();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTicking();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if ([...changed.keys()].some((key) => key !== 'now')) this.renders += 1;
    const timers = this.satellite ? roomView(this.satellite, this.entities).timers : [];
    if (timers.some((t) => t.endsAt > this.now) && this.isConnected) this.startTicking();
    else this.stopTicking();
  }

  private startTicking(): void {
    this.ticker ??= setInterval(() => (this.now = Date.now()), 1000);
  }

  private stopTicking(): void {
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  protected override render() {
    const { satellite, context } = this;
    if (!satellite || !context) return nothing;
    const view = roomView(satellite, this.entities);
    const t = context.localize;
    const label = t(`activity.${view.activity}`);
    return html`
      <section class=${view.activity} aria-label=${`${view.name}: ${label}`} data-room=${view.id}>
        <div class="head">
          <span class="dot" aria-hidden="true"></span>
          <h3>${view.name}</h3>
          <span class="activity" aria-live="polite">${label}</span>
        </div>
        ${this.controls(view, t)} ${this.compact ? nothing : this.details(view, context)}
      </section>
    `;
  }

  private controls(view: RoomView, t: Localize) {
    const { mute, listen, mode } = view.actions;
    if (view.source === 'assist_satellite') {
      return html`<div class="note">${t('adopted.note')}</div>`;
    }
    if (!mute && !listen && !mode) return nothing;
    const call = (action: ServiceCall) => this.context?.call(action);
    return html`<div class="controls">
      ${
        mute
          ? html`<button
              class="mute"
              aria-label=${t('mute')}
              aria-pressed=${view.muted ? 'true' : 'false'}
              title=${view.muted ? t('muted') : t('unmuted')}
              @click=${() => call(act.setMute(mute, !view.muted))}
            >
              ${view.muted ? micOffIcon : micIcon}<span>${mutedLabel(view, t)}</span>
            </button>`
          : nothing
      }
      ${
        listen
          ? html`<button class="listen" @click=${() => call(act.listen(listen))}>
              ${listenIcon}<span>${t('listen')}</span>
            </button>`
          : nothing
      }
      ${
        mode && view.modes.length > 0 && !this.compact
          ? html`<label
              >${t('mode')}
              <select
                class="mode"
                @change=${(e: Event) => call(act.setMode(mode, (e.target as HTMLSelectElement).value))}
              >
                ${view.modes.map(
                  (option) =>
                    html`<option value=${option} ?selected=${option === view.mode}>
                      ${modeLabel(t, option)}
                    </option>`,
                )}
              </select></label
            >`
          : nothing
      }
    </div>`;
  }

  private details(view: RoomView, context: RoomContext) {
    const t = context.localize;
    const said = (key: 'heard' | 'answered', value: Said | undefined, cls: string) =>
      value
        ? html`<dt>${t(key)}</dt>
            <dd class=${cls}>
              ${value.text}
              <time datetime=${value.at}>${t('at', { time: context.time(value.at) })}</time>
            </dd>`
        : nothing;
    return html`
      ${
        view.transcript || view.response
          ? html`<dl>
              ${said('heard', view.transcript, 'transcript')}
              ${said('answered', view.response, 'response')}
            </dl>`
          : nothing
      }
      ${timerList(view.timers, this.now, t('timers'), t('timer'))}
      ${view.latencyMs === undefined ? nothing : this.latency(view.latencyMs, t)}
    `;
  }

  private latency(value: number, t: Localize) {
    const text = t('latency.value', { ms: ms(value), target: LATENCY_TARGET_MS });
    return latencyMeter(value, t('latency'), text);
  }
}
