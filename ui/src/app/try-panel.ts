// Try a sentence: text in (as if said to a satellite, or to the house), the answer out, and what
// it did: the intent or the agent that understood it, the Home Assistant services it called,
// the timer it set. `POST /api/conversation`.
import { css, html, nothing } from 'lit';
import { take, textAndSend } from '@jarvis/ui/kit/send-form.js';
import { Panel } from './panel.js';
import type { SatelliteEntry } from './satellite-timers.js';

export interface ConversationReply {
  readonly response: string;
  readonly intent: string | null;
  readonly language: string;
  readonly handled: boolean;
  readonly handled_by: string;
  readonly calls?: readonly {
    domain: string;
    service: string;
    target?: { entity_id?: readonly string[]; area_id?: readonly string[] };
    data?: Record<string, unknown>;
  }[];
  readonly timer?: { type: string; seconds?: number; name?: string };
  readonly error?: string;
}

/** One service call as a line: `light.turn_on light.kitchen (brightness_pct: 50)`. */
export function callLine(call: NonNullable<ConversationReply['calls']>[number]): string {
  const targets = [...(call.target?.entity_id ?? []), ...(call.target?.area_id ?? [])];
  const data = Object.entries(call.data ?? {}).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return [
    `${call.domain}.${call.service}`,
    targets.join(', '),
    data.length > 0 ? `(${data.join(', ')})` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export class TryPanel extends Panel {
  static override properties = {
    ...Panel.properties,
    reply: { state: true },
    asked: { state: true },
    satellites: { state: true },
    busy: { state: true },
  };
  static override styles = [
    ...Panel.styles,
    css`
      .answer {
        margin: 12px 0 0;
        font-size: 16px;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 4px 12px;
        margin: 8px 0 0;
      }
      dt {
        color: var(--secondary-text-color);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];
  protected override readonly reloadOn = ['satellites-changed', 'satellite-connected'];
  declare reply: ConversationReply | undefined;
  declare asked: string | undefined;
  declare satellites: readonly SatelliteEntry[];
  declare busy: boolean;

  constructor() {
    super();
    this.satellites = [];
    this.busy = false;
  }

  protected async load(): Promise<void> {
    const all = await this.api!.get<SatelliteEntry[]>('api/satellites');
    this.satellites = all.filter((entry) => entry.status === 'connected');
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const satellite = (form.elements.namedItem('satellite') as HTMLSelectElement | null)?.value;
    const text = take(form, 'text');
    if (!text) return;
    this.busy = true;
    this.asked = text;
    await this.attempt(async () => {
      this.reply = undefined;
      this.reply = await this.api!.request<ConversationReply>('POST', 'api/conversation', {
        text,
        ...(satellite ? { satellite } : {}),
      });
    });
    this.busy = false;
  }

  protected override render() {
    return html`<h2>Try a sentence</h2>
      <form @submit=${(e: SubmitEvent) => this.submit(e)} aria-busy=${this.busy ? 'true' : 'false'}>
        ${
          this.satellites.length > 0
            ? html`<select name="satellite" aria-label="Said to">
                <option value="">the house</option>
                ${this.satellites.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
              </select>`
            : nothing
        }
        ${textAndSend(
          { send: 'Send', what: 'Try a sentence', placeholder: 'Turn on the kitchen light' },
          'jarvis-try-text',
          'text',
          'primary',
        )}
      </form>
      ${this.errorLine()} ${this.reply ? this.answer(this.reply) : nothing}`;
  }

  private answer(reply: ConversationReply) {
    const calls = reply.calls ?? [];
    const understood =
      reply.handled_by === 'intent'
        ? `local intent ${reply.intent}`
        : reply.handled_by === 'agent'
          ? 'the language model'
          : 'nothing understood it';
    return html`<p class="answer" data-answer>${reply.response}</p>
      <dl aria-label="What it did">
        <dt>You said</dt>
        <dd>${this.asked}</dd>
        <dt>Understood by</dt>
        <dd data-understood class=${reply.handled ? 'ok' : 'bad'}>${understood}</dd>
        <dt>Language</dt>
        <dd>${reply.language}</dd>
        <dt>Did</dt>
        <dd data-calls>
          ${calls.length === 0 ? 'no service call' : calls.map((call) => html`<div>${callLine(call)}</div>`)}
          ${reply.timer ? html`<div>timer: ${reply.timer.type} ${reply.timer.name ?? ''}</div>` : nothing}
        </dd>
        ${
          reply.error
            ? html`<dt>Error</dt>
                <dd class="bad">${reply.error}</dd>`
            : nothing
        }
      </dl>`;
  }
}
