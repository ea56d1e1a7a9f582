// The house-wide parts of the Jarvis card: ask, announce, the house's mode, the bridge's stats
// and health, the last arbitration. Templates from views; the card passes in what a submit does.
import { html, nothing } from 'lit';
import type { Arbitration } from './arbitration.js';
import { ms } from '@jarvis/ui/kit/format.js';
import { take, textAndSend } from '@jarvis/ui/kit/send-form.js';
import { type Localize, modeLabel } from './localize.js';
import type { BridgeView } from './state-map.js';

export interface AskTarget {
  /** The `ask` text entity: a room's or the bridge's. */
  readonly entityId: string;
  readonly label: string;
}

export function askForm(
  t: Localize,
  targets: readonly AskTarget[],
  onAsk: (entityId: string, text: string) => void,
) {
  if (targets.length === 0) return nothing;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const target = (form.elements.namedItem('target') as HTMLSelectElement | null)?.value;
    const text = take(form, 'text');
    if (target && text) onAsk(target, text);
  };
  return html`<form class="ask" @submit=${submit}>
    <label for="jarvis-ask-text">${t('ask')}</label>
    ${
      targets.length > 1
        ? html`<select name="target" aria-label=${t('ask.to')}>
            ${targets.map((target) => html`<option value=${target.entityId}>${target.label}</option>`)}
          </select>`
        : html`<input type="hidden" name="target" value=${targets[0]!.entityId} />`
    }
    ${textAndSend(
      { send: t('send'), what: t('ask'), placeholder: t('ask.placeholder') },
      'jarvis-ask-text',
      'text',
      'primary',
    )}
  </form>`;
}

export function announceForm(t: Localize, entityId: string, onAnnounce: (text: string) => void) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const text = take(event.currentTarget as HTMLFormElement, 'message');
    if (text) onAnnounce(text);
  };
  return html`<form class="announce" @submit=${submit} data-entity=${entityId}>
    <label for="jarvis-announce-text">${t('announce')}</label>
    ${textAndSend(
      { send: t('send'), what: t('announce'), placeholder: t('announce.placeholder') },
      'jarvis-announce-text',
      'message',
    )}
  </form>`;
}

/** The house's mode (the bridge's select): every room follows it unless it has its own. */
export function houseModeSelect(t: Localize, bridge: BridgeView, onChange: (mode: string) => void) {
  if (!bridge.setHouseMode || bridge.houseModes.length === 0) return nothing;
  return html`<label class="house-mode"
    >${t('mode.house')}
    <select @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${bridge.houseModes.map(
        (option) =>
          html`<option value=${option} ?selected=${option === bridge.houseMode}>
            ${modeLabel(t, option)}
          </option>`,
      )}
    </select>
  </label>`;
}

export function statsList(t: Localize, bridge: BridgeView) {
  const value = (n: number | undefined, unit = '') => (n === undefined ? '–' : `${ms(n)}${unit}`);
  const health = (ok: boolean | undefined) =>
    ok === undefined
      ? html`<dd>${t('health.unknown')}</dd>`
      : html`<dd class=${ok ? 'ok' : 'bad'}>${ok ? t('health.ok') : t('health.failing')}</dd>`;
  return html`<dl class="stats" aria-label=${t('stats')}>
    <div>
      <dt>${t('commands')}</dt>
      <dd>${value(bridge.commands)}</dd>
    </div>
    <div>
      <dt>${t('average')}</dt>
      <dd>${value(bridge.latencyAverage, ' ms')}</dd>
    </div>
    <div>
      <dt>${t('p95')}</dt>
      <dd>${value(bridge.latencyP95, ' ms')}</dd>
    </div>
    <div>
      <dt>${t('errors')}</dt>
      <dd>${value(bridge.errors)}</dd>
    </div>
    ${(['agent', 'memory', 'context'] as const).map(
      (check) =>
        html`<div>
          <dt>${t(`health.${check}`)}</dt>
          ${health(bridge.health[check])}
        </div>`,
    )}
  </dl>`;
}

export function arbitrationLine(t: Localize, arbitration: Arbitration, time: string) {
  const text =
    arbitration.winner === undefined
      ? t('arbitration.unknown', { rooms: arbitration.rooms })
      : t('arbitration.winner', { rooms: arbitration.rooms, winner: arbitration.winner });
  return html`<p class="line arbitration">${text} <span class="muted-text">${time}</span></p>`;
}
