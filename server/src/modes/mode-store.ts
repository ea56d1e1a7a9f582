// The modes in force: one for the house, and a satellite's own when it has one (which wins over
// the house's). A mode may end at a time; then the room goes back to the house's mode, and the
// house to normal. Kept in `<data_dir>/modes.json` so a restart keeps them. `modeOf(satellite)`
// is what the gate, the satellite controls and the speech scheduler read.
import { type Logger, silentLogger } from 'wyoming-ts';
import { z } from 'zod';
import { JsonFile } from '../json-file.js';
import type { Clock } from '../speech/clock.js';
import type { RoomMode } from '../speech/schedule.js';
import { ROOM_MODES } from './policy.js';

export interface ModeSetting {
  readonly mode: RoomMode;
  /** When it ends, milliseconds since the epoch; none: until changed. */
  readonly until?: number;
}

export interface ModesSnapshot {
  readonly house: ModeSetting;
  /** The satellites that have a mode of their own, by id. */
  readonly satellites: Readonly<Record<string, ModeSetting>>;
}

export interface ModeStoreOptions {
  readonly clock: Clock;
  /** Where the modes are kept; none: not kept. */
  readonly file?: string;
  readonly logger?: Logger;
}

const SettingSchema = z.object({ mode: z.enum(ROOM_MODES), until: z.string().optional() }).strict();
const FileSchema = z
  .object({
    version: z.literal(1),
    house: SettingSchema,
    satellites: z.record(z.string(), SettingSchema),
  })
  .strict();
type StoredSetting = z.infer<typeof SettingSchema>;

const NORMAL: ModeSetting = { mode: 'normal' };

export class ModeStore {
  private house: ModeSetting = NORMAL;
  private readonly own = new Map<string, ModeSetting>();
  private readonly listeners = new Set<() => void>();
  private readonly json?: JsonFile<z.infer<typeof FileSchema>>;
  private readonly logger: Logger;
  private cancelTimer?: () => void;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly options: ModeStoreOptions) {
    this.logger = options.logger ?? silentLogger;
    if (options.file) this.json = new JsonFile(options.file, FileSchema);
  }

  /** Reads the kept modes; those that ended while the server was down are dropped. */
  async load(): Promise<void> {
    const stored = await this.json?.load();
    if (!stored) return;
    this.house = settingOf(stored.house);
    for (const [id, setting] of Object.entries(stored.satellites))
      this.own.set(id, settingOf(setting));
    this.expire();
  }

  /** The mode a satellite is in (the house's when none is given or it has none of its own). */
  modeOf(satellite?: string): RoomMode {
    return this.settingOf(satellite).mode;
  }

  /** The setting in force for a satellite, and where it comes from. */
  settingOf(satellite?: string): ModeSetting & { readonly scope: 'house' | 'satellite' } {
    const now = this.options.clock.now();
    const own = satellite === undefined ? undefined : this.own.get(satellite);
    if (own && live(own, now)) return { ...own, scope: 'satellite' };
    return { ...(live(this.house, now) ? this.house : NORMAL), scope: 'house' };
  }

  snapshot(): ModesSnapshot {
    const now = this.options.clock.now();
    const satellites = [...this.own].filter(([, setting]) => live(setting, now));
    return {
      house: live(this.house, now) ? this.house : NORMAL,
      satellites: Object.fromEntries(satellites),
    };
  }

  /**
   * Sets the house's mode (which every satellite then follows: their own modes are dropped), or
   * one satellite's. `until` in the past is refused.
   */
  set(mode: RoomMode, where: { satellite?: string; until?: number } = {}): ModeSetting {
    const { satellite, until } = where;
    if (until !== undefined && until <= this.options.clock.now())
      throw new RangeError('until: the time has passed');
    const setting: ModeSetting = until === undefined ? { mode } : { mode, until };
    if (satellite === undefined) {
      this.house = setting;
      this.own.clear();
    } else {
      this.own.set(satellite, setting);
    }
    this.changed();
    return setting;
  }

  /** Drops a satellite's own mode: it follows the house's again. */
  clear(satellite: string): void {
    if (this.own.delete(satellite)) this.changed();
  }

  /** Called when a mode is set or ends; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Settles once the last change is written. */
  flush(): Promise<void> {
    return this.saving;
  }

  /** Stops the timer of the next mode to end; settles once the last change is written. */
  stop(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    return this.saving;
  }

  private changed(): void {
    this.save();
    this.arm();
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.logger.warn(`a mode listener failed: ${(error as Error).message}`);
      }
    }
  }

  /** Drops the modes that ended; true when one did. */
  private expire(): boolean {
    const now = this.options.clock.now();
    let ended = false;
    if (!live(this.house, now)) {
      this.house = NORMAL;
      ended = true;
    }
    for (const [id, setting] of this.own) {
      if (live(setting, now)) continue;
      this.own.delete(id);
      ended = true;
    }
    this.arm();
    return ended;
  }

  /** A timer for the next mode to end. */
  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const ends = [this.house, ...this.own.values()].flatMap((s) => (s.until ? [s.until] : []));
    if (ends.length === 0) return;
    this.cancelTimer = this.options.clock.at(Math.min(...ends), () => {
      if (this.expire()) this.changed();
    });
  }

  private save(): void {
    if (!this.json) return;
    const satellites = Object.fromEntries([...this.own].map(([id, s]) => [id, stored(s)]));
    const file = this.json.file;
    this.saving = this.json
      .save({ version: 1, house: stored(this.house), satellites })
      .catch((error: Error) => this.logger.warn(`modes not kept in ${file}: ${error.message}`));
  }
}

function live(setting: ModeSetting, now: number): boolean {
  return setting.until === undefined || setting.until > now;
}

function settingOf(stored: StoredSetting): ModeSetting {
  const until = stored.until === undefined ? undefined : Date.parse(stored.until);
  return until === undefined || Number.isNaN(until)
    ? { mode: stored.mode }
    : { mode: stored.mode, until };
}

function stored(setting: ModeSetting): StoredSetting {
  return setting.until === undefined
    ? { mode: setting.mode }
    : { mode: setting.mode, until: new Date(setting.until).toISOString() };
}
