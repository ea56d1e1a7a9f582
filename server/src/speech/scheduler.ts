// Runs the speech schedule (`schedule.ts`) on a clock: arms one timer for the next due item,
// asks for the surroundings (modes, where someone was last heard) when something is due, and
// hands each item to `speak` one at a time; `spoken(id)` when it has been said lets the next go.
import type { Clock } from './clock.js';
import {
  EMPTY_SCHEDULE,
  type ScheduleEvent,
  type ScheduleState,
  type SpeechItem,
  type Surroundings,
  transition,
} from './schedule.js';

export interface SpeechSchedulerOptions {
  readonly clock: Clock;
  /** The satellites and their modes, and where a person was last heard, now. */
  readonly around: () => Surroundings;
  /**
   * Says `item` on `satellites` (after "you have `messages` messages" when held ones are let go
   * together); call `spoken(item.id)` once it has been said (or failed).
   */
  readonly speak: (item: SpeechItem, satellites: readonly string[], messages?: number) => void;
  /** An item is due but no satellite may speak it now (do not disturb, silent). */
  readonly held?: (item: SpeechItem) => void;
  /** Default 10 minutes. */
  readonly lastHeardWindowMs?: number;
  /** After every change of the state (to keep it). */
  readonly changed?: (state: ScheduleState) => void;
}

export class SpeechScheduler {
  readonly #options: SpeechSchedulerOptions;
  #state: ScheduleState = EMPTY_SCHEDULE;
  #disarm: (() => void) | undefined;
  #armedAt: number | undefined;

  constructor(options: SpeechSchedulerOptions) {
    this.#options = options;
  }

  get state(): ScheduleState {
    return this.#state;
  }

  /** Schedules `item`; what is due now is said (or held) before this returns. */
  add(item: SpeechItem): void {
    this.#apply({ type: 'add', item });
    this.refresh();
  }

  cancel(id: string): void {
    this.#apply({ type: 'cancel', id });
  }

  spoken(id: string): void {
    this.#apply({
      type: 'spoken',
      id,
      now: this.#options.clock.now(),
      around: this.#options.around(),
    });
  }

  /** Speaks what is due now: on a timer, and when the surroundings change (a mode ended). */
  refresh(): void {
    this.#apply({ type: 'tick', now: this.#options.clock.now(), around: this.#options.around() });
  }

  stop(): void {
    this.#disarm?.();
    this.#disarm = undefined;
    this.#armedAt = undefined;
  }

  #apply(event: ScheduleEvent): void {
    const { state, effects } = transition(this.#state, event, {
      lastHeardWindowMs: this.#options.lastHeardWindowMs ?? 600_000,
    });
    const before = this.#state;
    this.#state = state;
    if (state !== before) this.#options.changed?.(state);
    for (const effect of effects) {
      if (effect.type === 'speak')
        this.#options.speak(effect.item, effect.satellites, effect.messages);
      else if (effect.type === 'held') this.#options.held?.(effect.item);
      else this.#arm(effect.at);
    }
  }

  #arm(at: number | undefined): void {
    if (at === this.#armedAt) return;
    this.stop();
    if (at === undefined) return;
    this.#armedAt = at;
    this.#disarm = this.#options.clock.at(at, () => {
      this.#armedAt = undefined;
      this.#disarm = undefined;
      this.refresh();
    });
  }
}
