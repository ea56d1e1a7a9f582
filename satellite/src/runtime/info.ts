import { Info, type WakeModel } from 'wyoming-ts';
import type { WakeWordModel } from '../engines/wake/wake-word.js';
import type { SatelliteMode } from '../machine/types.js';

export const SATELLITE_VERSION = '0.1.0';

const ATTRIBUTION = { name: 'Jarvis', url: '' };

export interface InfoSettings {
  name: string;
  area?: string;
  mode: SatelliteMode;
  wakeModels: readonly WakeWordModel[];
  /** False for an output-only satellite: no VAD, no wake word, nothing to trigger. */
  hasMic?: boolean;
}

/** The `info` a satellite answers `describe` with: its satellite section and wake words. */
export function buildInfo(settings: InfoSettings): Info {
  const hasMic = settings.hasMic ?? true;
  const local = settings.mode === 'wake' && hasMic;
  const models: WakeModel[] = settings.wakeModels.map((model) => ({
    name: model.name,
    phrase: model.phrase,
    attribution: { name: 'openWakeWord', url: 'https://github.com/dscripka/openWakeWord' },
    installed: true,
    description: model.phrase,
    version: '0.1',
    languages: ['en'],
  }));
  return new Info({
    wake: local
      ? [
          {
            name: 'openwakeword',
            attribution: { name: 'openWakeWord', url: 'https://github.com/dscripka/openWakeWord' },
            installed: true,
            description: 'openWakeWord on the satellite',
            version: SATELLITE_VERSION,
            models,
          },
        ]
      : [],
    satellite: {
      name: settings.name,
      area: settings.area,
      attribution: ATTRIBUTION,
      installed: true,
      description: `Jarvis satellite ${settings.name}`,
      version: SATELLITE_VERSION,
      has_vad: hasMic,
      active_wake_words: local ? settings.wakeModels.map((model) => model.name) : [],
      max_active_wake_words: local ? settings.wakeModels.length : 0,
      supports_trigger: hasMic,
    },
  });
}
