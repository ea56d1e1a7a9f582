// What Home Assistant (or the API) set on each satellite, kept in
// `<data_dir>/satellite-settings.json` so mute, volume, wake word and mode survive a restart.
import { z } from 'zod';
import { JsonFile } from '../json-file.js';
import { SATELLITE_MODES, type SatelliteMode } from './controls.js';

/** The settings of one satellite that are kept. */
export interface StoredSettings {
  readonly muted?: boolean;
  readonly volume?: number;
  readonly wakeWord?: string;
  readonly mode?: SatelliteMode;
}

const SettingsSchema = z
  .object({
    muted: z.boolean().optional(),
    volume: z.number().min(0).max(100).optional(),
    wake_word: z.string().min(1).optional(),
    mode: z.enum(SATELLITE_MODES).optional(),
  })
  .strict();

const FileSchema = z
  .object({ version: z.literal(1), satellites: z.record(z.string(), SettingsSchema) })
  .strict();

export class SettingsStore {
  private readonly json: JsonFile<z.infer<typeof FileSchema>>;

  constructor(readonly file: string) {
    this.json = new JsonFile(file, FileSchema);
  }

  /** Every satellite's kept settings, by id; none when the file does not exist yet. */
  async load(): Promise<Map<string, StoredSettings>> {
    const stored = (await this.json.load())?.satellites ?? {};
    return new Map(
      Object.entries(stored).map(([id, s]) => [
        id,
        { muted: s.muted, volume: s.volume, wakeWord: s.wake_word, mode: s.mode },
      ]),
    );
  }

  save(settings: ReadonlyMap<string, StoredSettings>): Promise<void> {
    const satellites = Object.fromEntries(
      [...settings].map(([id, s]) => [
        id,
        { muted: s.muted, volume: s.volume, wake_word: s.wakeWord, mode: s.mode },
      ]),
    );
    return this.json.save({ version: 1, satellites });
  }
}
