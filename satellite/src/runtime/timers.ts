import {
  type Event,
  type Logger,
  silentLogger,
  TimerCancelled,
  TimerFinished,
  TimerStarted,
  TimerUpdated,
} from 'wyoming-ts';

export interface TimerView {
  readonly id: string;
  readonly name?: string;
  readonly active: boolean;
  readonly secondsLeft: number;
  readonly ringing: boolean;
}

interface TimerEntry {
  id: string;
  name?: string;
  /** When it ends (ms on the clock), while active. */
  endsAt?: number;
  /** Seconds left, while paused. */
  pausedLeft?: number;
  handle?: ReturnType<typeof setTimeout>;
  rung: boolean;
}

export interface LocalTimersOptions {
  /** Plays the timer sound once; resolves true if it played to the end. */
  ringOnce: () => Promise<boolean>;
  /** Called once per timer when it finishes, by the local countdown or the server. */
  onFinished?: (id: string) => void;
  /** Stop ringing after this long. */
  maxRingMs: number;
  /** Pause between rings. */
  ringGapMs?: number;
  now?: () => number;
  logger?: Logger;
}

/**
 * Timers as the server announces them (`timer-*` events), counted down locally so they ring
 * even if the server's `timer-finished` never comes. Each timer rings once, until silenced
 * (a wake word, cancellation) or for at most `maxRingMs`.
 */
export class LocalTimers {
  private readonly timers = new Map<string, TimerEntry>();
  private readonly ringing = new Set<string>();
  private readonly now: () => number;
  private readonly logger: Logger;

  constructor(private readonly options: LocalTimersOptions) {
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
  }

  handle(event: Event): void {
    if (TimerStarted.isType(event.type)) {
      const started = TimerStarted.fromEvent(event);
      this.clear(started.id);
      const entry: TimerEntry = { id: started.id, name: started.name, rung: false };
      this.timers.set(started.id, entry);
      this.run(entry, started.total_seconds);
    } else if (TimerUpdated.isType(event.type)) {
      const updated = TimerUpdated.fromEvent(event);
      const entry = this.timers.get(updated.id);
      if (!entry) return;
      clearTimeout(entry.handle);
      if (updated.is_active) this.run(entry, updated.total_seconds);
      else Object.assign(entry, { endsAt: undefined, pausedLeft: updated.total_seconds });
    } else if (TimerCancelled.isType(event.type)) {
      const { id } = TimerCancelled.fromEvent(event);
      this.ringing.delete(id);
      this.clear(id);
    } else if (TimerFinished.isType(event.type)) {
      this.finish(TimerFinished.fromEvent(event).id);
    }
  }

  /** Stops every ringing timer. */
  silence(): void {
    this.ringing.clear();
  }

  list(): TimerView[] {
    return [...this.timers.values()].map((entry) => ({
      id: entry.id,
      name: entry.name,
      active: entry.endsAt !== undefined,
      secondsLeft:
        entry.endsAt !== undefined
          ? Math.max(0, Math.ceil((entry.endsAt - this.now()) / 1000))
          : (entry.pausedLeft ?? 0),
      ringing: this.ringing.has(entry.id),
    }));
  }

  /** Cancels every countdown (shutdown). */
  stop(): void {
    this.silence();
    for (const id of [...this.timers.keys()]) this.clear(id);
  }

  private run(entry: TimerEntry, seconds: number): void {
    entry.endsAt = this.now() + seconds * 1000;
    entry.pausedLeft = undefined;
    entry.handle = setTimeout(() => this.finish(entry.id), seconds * 1000);
  }

  private finish(id: string): void {
    const entry = this.timers.get(id) ?? { id, rung: false };
    clearTimeout(entry.handle);
    this.timers.delete(id);
    if (entry.rung) return;
    entry.rung = true;
    this.timers.set(id, { ...entry, endsAt: undefined, pausedLeft: 0 });
    this.options.onFinished?.(id);
    void this.ring(id);
  }

  private async ring(id: string): Promise<void> {
    this.ringing.add(id);
    const until = this.now() + this.options.maxRingMs;
    this.logger.info(`timer ${id} finished: ringing`);
    while (this.ringing.has(id) && this.now() < until) {
      await this.options.ringOnce();
      await new Promise((resolve) => setTimeout(resolve, this.options.ringGapMs ?? 300));
    }
    this.ringing.delete(id);
    this.timers.delete(id);
    this.logger.info(`timer ${id}: ringing stopped`);
  }

  private clear(id: string): void {
    clearTimeout(this.timers.get(id)?.handle);
    this.timers.delete(id);
  }
}
