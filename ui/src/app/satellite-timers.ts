// What the satellites and the reminders panels share: the satellites as `/api/satellites` lists
// them, and their running timers counting down (the panel ticks once a second while one runs).
import type { RunningTimer } from '@jarvis/ui/kit/timers.js';
import { timerStyles } from '@jarvis/ui/kit/timers.js';
import { Panel } from './panel.js';

export interface SatelliteEntry {
  readonly id: string;
  readonly name: string;
  readonly area: string | null;
  readonly status: 'discovered' | 'adopted' | 'connected';
  readonly adopted_via: string | null;
  readonly state: string | null;
  readonly muted?: boolean;
  readonly timers: readonly { id: string; name?: string; secondsLeft: number }[];
}

/** The satellites' running timers, as the kit's list draws them (ends from `now`). */
export function timersOf(entries: readonly SatelliteEntry[], now: number): RunningTimer[] {
  return entries.flatMap((entry) =>
    entry.timers.map((timer) => ({
      name: `${timer.name ?? 'timer'} (${entry.name})`,
      endsAt: now + timer.secondsLeft * 1000,
    })),
  );
}

export abstract class SatelliteTimersPanel extends Panel {
  static override properties = {
    ...Panel.properties,
    satellites: { state: true },
    loadedAt: { state: true },
    now: { state: true },
  };
  static override styles = [...Panel.styles, timerStyles];
  declare satellites: readonly SatelliteEntry[];
  /** When the list was read: the timers' ends count from it. */
  declare loadedAt: number;
  declare now: number;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.satellites = [];
    this.loadedAt = this.now = Date.now();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.tick(false);
  }

  protected async readSatellites(): Promise<void> {
    this.satellites = await this.api!.get<SatelliteEntry[]>('api/satellites');
    this.loadedAt = this.now = Date.now();
    this.tick(this.satellites.some((entry) => entry.timers.length > 0));
  }

  protected timers(): RunningTimer[] {
    return timersOf(this.satellites, this.loadedAt);
  }

  private tick(on: boolean): void {
    if (on) this.ticker ??= setInterval(() => (this.now = Date.now()), 1000);
    else if (this.ticker !== undefined) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }
}
