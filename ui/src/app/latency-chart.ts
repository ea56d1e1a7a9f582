// The last turns' latency as a chart against the target line (500 ms): one bar per turn, what
// the person waited from the end of speech to the answer, slow ones in the warning colour.
// Read from `/api/turns`, read again after each turn.
import { css, html, nothing, svg } from 'lit';
import { ms } from '@jarvis/ui/kit/format.js';
import { LATENCY_TARGET_MS, latencyMeter, latencyStyles } from '@jarvis/ui/kit/latency.js';
import { Panel } from './panel.js';

export interface RecentTurn {
  readonly at: string;
  readonly satellite: string | null;
  readonly intent: string | null;
  readonly failed: boolean;
  readonly waited_ms: number | null;
}

export interface TurnsReply {
  readonly target_ms: number;
  readonly stats: { turns: number; errors: number; average: number | null; p95: number | null };
  readonly turns: readonly RecentTurn[];
}

const WIDTH = 600;
const HEIGHT = 180;
const PAD = { left: 72, right: 8, top: 12, bottom: 8 };

/** The chart's geometry, pure: bars, the target's height, the top of the scale. */
export function chartOf(turns: readonly RecentTurn[], target: number) {
  const timed = turns.filter((turn) => turn.waited_ms !== null);
  const top = Math.max(2 * target, ...timed.map((turn) => turn.waited_ms! * 1.1));
  const inner = { w: WIDTH - PAD.left - PAD.right, h: HEIGHT - PAD.top - PAD.bottom };
  const y = (value: number) => PAD.top + inner.h - (value / top) * inner.h;
  const step = inner.w / Math.max(timed.length, 10);
  const bars = timed.map((turn, i) => ({
    turn,
    x: PAD.left + i * step + step * 0.15,
    y: y(turn.waited_ms!),
    width: step * 0.7,
    height: PAD.top + inner.h - y(turn.waited_ms!),
    slow: turn.waited_ms! > target,
  }));
  return { bars, targetY: y(target), top, bottomY: PAD.top + inner.h };
}

export class LatencyChart extends Panel {
  static override properties = { ...Panel.properties, reply: { state: true } };
  static override styles = [
    ...Panel.styles,
    latencyStyles,
    css`
      svg.chart {
        width: 100%;
        height: auto;
        display: block;
      }
      rect.turn {
        fill: var(--success-color);
      }
      rect.turn.slow {
        fill: var(--warning-color);
      }
      rect.turn.failed {
        fill: var(--error-color);
      }
      line.target {
        stroke: var(--primary-text-color);
        stroke-width: 1.5;
        stroke-dasharray: 6 4;
      }
      line.axis {
        stroke: var(--divider-color);
      }
      text {
        fill: var(--secondary-text-color);
        font-size: 18px;
      }
    `,
  ];
  protected override readonly reloadOn = ['turn'];
  declare reply: TurnsReply | undefined;

  protected async load(): Promise<void> {
    this.reply = await this.api!.get<TurnsReply>('api/turns');
  }

  protected override render() {
    const reply = this.reply;
    const target = reply?.target_ms ?? LATENCY_TARGET_MS;
    const turns = reply?.turns ?? [];
    const chart = chartOf(turns, target);
    const last = chart.bars.at(-1)?.turn.waited_ms;
    const slow = chart.bars.filter((bar) => bar.slow).length;
    const summary =
      chart.bars.length === 0
        ? 'No turn yet.'
        : `${chart.bars.length} recent turns, ${slow} over ${target} ms.`;
    return html`<h2>Latency of recent turns</h2>
      ${this.errorLine()}
      <p class="muted-text" data-summary>${summary}</p>
      <svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${summary}>
        <line
          class="axis"
          x1=${PAD.left}
          x2=${WIDTH - PAD.right}
          y1=${chart.bottomY}
          y2=${chart.bottomY}
        ></line>
        <text x="2" y=${PAD.top + 14}>${ms(chart.top)} ms</text>
        ${chart.bars.map(
          (
            bar,
          ) => svg`<rect class="turn ${bar.slow ? 'slow' : ''} ${bar.turn.failed ? 'failed' : ''}"
            x=${bar.x} y=${bar.y} width=${bar.width} height=${Math.max(bar.height, 1)}
            data-ms=${bar.turn.waited_ms!}>
            <title>${ms(bar.turn.waited_ms!)} ms, ${bar.turn.intent ?? 'not understood'}${bar.turn.satellite ? ` (${bar.turn.satellite})` : ''}</title>
          </rect>`,
        )}
        <line
          class="target"
          x1=${PAD.left}
          x2=${WIDTH - PAD.right}
          y1=${chart.targetY}
          y2=${chart.targetY}
          data-target=${target}
        ></line>
        <text x="2" y=${chart.targetY + 6}>${target} ms</text>
      </svg>
      ${last === undefined || last === null ? nothing : latencyMeter(last, 'Last turn', `${ms(last)} ms (target ${target} ms)`)}`;
  }
}
