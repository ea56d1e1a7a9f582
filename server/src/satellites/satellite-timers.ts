import { type Eventable, TimerCancelled, TimerFinished, TimerStarted } from 'wyoming-ts';
import type { TimerAction, TimerInfo } from '../intents/types.js';

interface RunningTimer {
  id: string;
  name?: string;
  endsAt: number;
  handle: ReturnType<typeof setTimeout>;
}

/**
 * The timers of one satellite as the server keeps them: started and cancelled by intents,
 * announced to the satellite as `timer-*` events, finished on time.
 */
export class SatelliteTimers {
  private readonly running = new Map<string, RunningTimer>();

  constructor(
    private readonly send: (event: Eventable) => void,
    private readonly now: () => number = Date.now,
  ) {}

  apply(action: TimerAction): void {
    if (action.type === 'start') {
      this.cancelQuietly(action.id);
      const handle = setTimeout(() => this.finish(action.id), action.seconds * 1000);
      this.running.set(action.id, {
        id: action.id,
        name: action.name,
        endsAt: this.now() + action.seconds * 1000,
        handle,
      });
      const hours = Math.floor(action.seconds / 3600);
      const minutes = Math.floor((action.seconds % 3600) / 60);
      this.send(
        new TimerStarted({
          id: action.id,
          total_seconds: action.seconds,
          name: action.name,
          start_hours: hours,
          start_minutes: minutes,
          start_seconds: action.seconds % 60,
        }),
      );
    } else if (action.type === 'cancel') {
      if (this.cancelQuietly(action.id)) this.send(new TimerCancelled({ id: action.id }));
    }
  }

  list(): TimerInfo[] {
    return [...this.running.values()].map((timer) => ({
      id: timer.id,
      name: timer.name,
      secondsLeft: Math.max(0, Math.round((timer.endsAt - this.now()) / 1000)),
    }));
  }

  stop(): void {
    for (const timer of this.running.values()) clearTimeout(timer.handle);
    this.running.clear();
  }

  private finish(id: string): void {
    this.running.delete(id);
    this.send(new TimerFinished({ id }));
  }

  private cancelQuietly(id: string): boolean {
    const timer = this.running.get(id);
    if (!timer) return false;
    clearTimeout(timer.handle);
    this.running.delete(id);
    return true;
  }
}
