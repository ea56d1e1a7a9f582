// The last turns' latency for the web UI's chart (`GET /api/turns`): what each turn waited,
// from the bus's `turn` events, kept in memory. No words: the satellite, the intent, whether it
// failed and the stage timings only.
import type { EventBus } from '../event-bus.js';
import { type Stats, waitedMs } from '../metrics.js';
import type { TurnTimings } from '../pipeline/timings.js';

/** The answer should start within this of the end of speech (the project's latency target). */
export const LATENCY_TARGET_MS = 500;

export interface RecentTurn {
  /** When it ended, ISO. */
  readonly at: string;
  readonly satellite: string | null;
  readonly intent: string | null;
  readonly failed: boolean;
  /** Why nothing was done with what was heard (`not-understood`, ...). */
  readonly rejected: string | null;
  /** What the person waited: end of speech to the answer (for text, the answer itself). */
  readonly waited_ms: number | null;
  readonly timings: TurnTimings;
}

export interface RecentTurnsOptions {
  readonly bus: EventBus;
  /** How many are kept (default 50). */
  readonly limit?: number;
  readonly now?: () => Date;
}

export class RecentTurns {
  private readonly turns: RecentTurn[] = [];
  private readonly limit: number;
  private readonly now: () => Date;
  /** Stops listening to the bus. */
  readonly stop: () => void;

  constructor(options: RecentTurnsOptions) {
    this.limit = options.limit ?? 50;
    this.now = options.now ?? (() => new Date());
    this.stop = options.bus.on((event) => {
      if (event.type !== 'turn') return;
      this.turns.push({
        at: this.now().toISOString(),
        satellite: event.satellite ?? null,
        intent: event.intent ?? null,
        failed: event.failed,
        rejected: event.rejected ?? null,
        waited_ms: waitedMs(event.timings) ?? null,
        timings: event.timings,
      });
      if (this.turns.length > this.limit) this.turns.splice(0, this.turns.length - this.limit);
    });
  }

  /** Oldest first. */
  list(): RecentTurn[] {
    return [...this.turns];
  }
}

/** The body of `GET /api/turns`. */
export function turnsBody(turns: RecentTurns | undefined, stats: Stats, targetMs: number) {
  return { target_ms: targetMs, stats, turns: turns?.list() ?? [] };
}
