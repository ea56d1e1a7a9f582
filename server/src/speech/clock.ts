// Time for things that happen at a time: the system clock, and a manual one tests drive.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `run` once at `at` (at once when past); returns the cancel. */
  at(at: number, run: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  at(at, run) {
    // setTimeout's delay is a signed 32-bit number: a far time is reached in steps.
    let timer: NodeJS.Timeout;
    const arm = () => {
      const wait = Math.min(at - Date.now(), 2 ** 31 - 1);
      timer = setTimeout(() => (Date.now() >= at ? run() : arm()), Math.max(0, wait));
    };
    arm();
    return () => clearTimeout(timer);
  },
};

/** A clock that moves only when told; timers run in time order as it passes them. */
export class ManualClock implements Clock {
  #now: number;
  #timers: { at: number; seq: number; run: () => void }[] = [];
  #seq = 0;

  constructor(start: number) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  at(at: number, run: () => void): () => void {
    const timer = { at, seq: this.#seq++, run };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward by `ms`, running each timer due on the way at its own time. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const next = this.#timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.#timers = this.#timers.filter((t) => t !== next);
      this.#now = Math.max(this.#now, next.at);
      next.run();
    }
    this.#now = end;
  }

  /** Timers not yet run. */
  get pending(): number {
    return this.#timers.length;
  }
}
