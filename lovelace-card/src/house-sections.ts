// The house-wide parts of the Jarvis card: ask, announce, the bridge's stats and health, the
// last arbitration. Templates from views; the card passes in what a submit does.
import { html, nothing } from 'lit';
import type { Arbitration } from './arbitration.js';
import { ms } from './format.js';
import { sendIcon } from './icons.js';
import type { Localize } from './localize.js';
import type { BridgeView } from './state-map.js';

export interface AskTarget {
  /** The `ask` text entity: a room's or the bridge's. */
  readonly entityId: string;
  readonly label: string;
}

/** Reads a form's field and clears it; nothing when it is blank. */
function take(form: HTMLFormElement, name: string): string | undefined {
  const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const value = field?.value.trim();
  if (field instanceof HTMLInputElement) field.value = '';
  return value ? value : undefined;
}

/** A one-line text field and its send button. */
function textAndSend(
  t: Localize,
  id: string,
  name: string,
  placeholder: string,
  what: string,
  kind = '',
) {
  return html`<input
      id=${id}
      name=${name}
      type="text"
      maxlength="255"
      autocomplete="off"
      placeholder=${placeholder}
    />
    <button class=${kind} type="submit" aria-label=${`${what}: ${t('send')}`}>
      ${sendIcon}<span>${t('send')}</span>
    </button>`;
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
    ${textAndSend(t, 'jarvis-ask-text', 'text', t('ask.placeholder'), t('ask'), 'primary')}
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
    ${textAndSend(t, 'jarvis-announce-text', 'message', t('announce.placeholder'), t('announce'))}
  </form>`;
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
