// Modes from the config: the store (kept in `<data_dir>/modes.json`) on the system clock, and
// the local intents wrapped so that they understand mode commands and the mode's gate.
import { join } from 'node:path';
import type { Logger } from 'wyoming-ts';
import type { JarvisConfig } from '../config/schema.js';
import type { IntentRecognizer } from '../intents/types.js';
import { type Clock, systemClock } from '../speech/clock.js';
import { withModes } from './mode-recognizer.js';
import { ModeStore } from './mode-store.js';

export { ModeStore } from './mode-store.js';
export { permits, policyOf, unprompted } from './policy.js';

export interface Modes {
  readonly store: ModeStore;
  readonly recognizer: IntentRecognizer;
}

export async function buildModes(
  config: JarvisConfig,
  recognizer: IntentRecognizer,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<Modes> {
  const store = new ModeStore({ clock, file: join(config.data_dir, 'modes.json'), logger });
  await store.load();
  return {
    store,
    recognizer: withModes(recognizer, { store, clock, language: config.language }),
  };
}
