// Status and health: what `/health` says with the token (the home, the agent, memory, context,
// the bridges) and the commands handled, their average and p95 latency and the errors.
import { css, html, nothing } from 'lit';
import { ms } from '@jarvis/ui/kit/format.js';
import { Panel } from './panel.js';
import type { TurnsReply } from './latency-chart.js';

type Health = Record<string, unknown> & { status?: string };

/** A service's health as a word: booleans and objects with `ok`/`connected` read as ok or failing. */
export function healthWord(value: unknown): { text: string; ok?: boolean } {
  if (typeof value === 'boolean') return { text: value ? 'ok' : 'failing', ok: value };
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const flag = record.ok ?? record.connected ?? record.healthy;
    const parts = Object.entries(record)
      .filter(([key, v]) => !['ok', 'connected', 'healthy'].includes(key) && typeof v !== 'object')
      .map(([key, v]) => `${key}: ${String(v)}`);
    if (typeof flag === 'boolean')
      return { text: [flag ? 'ok' : 'failing', ...parts].join(', '), ok: flag };
    return { text: parts.join(', ') || JSON.stringify(value) };
  }
  return { text: String(value) };
}

export class StatusPanel extends Panel {
  static override properties = {
    ...Panel.properties,
    health: { state: true },
    turns: { state: true },
  };
  static override styles = [
    ...Panel.styles,
    css`
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 4px 12px;
        margin: 0;
      }
      dt {
        color: var(--secondary-text-color);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .state {
        font-size: 16px;
        margin: 0 0 12px;
      }
    `,
  ];
  protected override readonly reloadOn = ['turn', 'satellite-connected', 'satellite-disconnected'];
  declare health: Health | undefined;
  declare turns: TurnsReply | undefined;

  protected async load(): Promise<void> {
    const [health, turns] = await Promise.all([
      this.api!.get<Health>('health'),
      this.api!.get<TurnsReply>('api/turns'),
    ]);
    this.health = health;
    this.turns = turns;
  }

  protected override render() {
    const { health, turns } = this;
    const value = (n: number | null | undefined, unit = '') =>
      n === null || n === undefined ? '–' : `${ms(n)}${unit}`;
    return html`<h2>Status</h2>
      ${this.errorLine()}
      ${
        health
          ? html`<p
              class="state ${health.status === 'ok' ? 'ok' : 'bad'}"
              data-status=${String(health.status)}
            >
              ${health.status === 'ok' ? 'Everything is working.' : 'Something needs attention.'}
            </p>`
          : nothing
      }
      <dl aria-label="Health">
        ${Object.entries(health ?? {})
          .filter(([key]) => key !== 'status')
          .map(([key, v]) => {
            const word = healthWord(v);
            const cls = word.ok === undefined ? '' : word.ok ? 'ok' : 'bad';
            return html`<dt>${key}</dt>
              <dd class=${cls} data-key=${key}>${word.text}</dd>`;
          })}
        ${
          turns
            ? html`<dt>commands</dt>
                <dd data-key="commands">${value(turns.stats.turns)}</dd>
                <dt>average</dt>
                <dd data-key="average">${value(turns.stats.average, ' ms')}</dd>
                <dt>p95</dt>
                <dd data-key="p95">${value(turns.stats.p95, ' ms')}</dd>
                <dt>errors</dt>
                <dd data-key="errors">${value(turns.stats.errors)}</dd>`
            : nothing
        }
      </dl>`;
  }
}
