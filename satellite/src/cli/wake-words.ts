// The wake words and the stop word from the options, and which a detection is.
import { resolveWakeWordModels, type TriggerOverrides } from '../engines/wake/builtin-models.js';
import type { WakeDetection, WakeWordModel } from '../engines/wake/wake-word.js';
import { ConfigError } from '../errors.js';
import type { SatelliteInput } from '../machine/types.js';
import type { SatelliteOptions } from './schema.js';

/** `NAME[:THRESHOLD[:TRIGGER_LEVEL]]` entries: the names, and each one's own settings. */
function parseEntries(entries: readonly string[], flag: string) {
  const names: string[] = [];
  const perWord: Record<string, TriggerOverrides> = {};
  for (const entry of entries) {
    const [name, threshold, level] = entry.split(':');
    names.push(name!);
    const overrides: { threshold?: number; triggerLevel?: number } = {};
    if (threshold) overrides.threshold = numberIn(threshold, 0, 1, entry, flag);
    if (level) overrides.triggerLevel = numberIn(level, 1, 50, entry, flag);
    perWord[name!] = overrides;
  }
  return { names, perWord };
}

/** The models for `entries`; a problem names `flag`, not the resolver's own keys. */
function resolveEntries(options: SatelliteOptions, entries: readonly string[], flag: string) {
  try {
    return resolveWakeWordModels({
      ...parseEntries(entries, flag),
      modelDir: options['wake-model-dir'],
      threshold: options['wake-threshold'],
      triggerLevel: options['wake-trigger-level'],
      refractoryMs: options['wake-refractory-seconds'] * 1000,
    });
  } catch (error) {
    if (!(error instanceof ConfigError) || error.path === flag) throw error;
    const reason = error.path ? error.message.slice(error.path.length + 2) : error.message;
    throw new ConfigError(reason, flag);
  }
}

/** `--wake-word-name NAME[:THRESHOLD[:TRIGGER_LEVEL]]`, repeatable. */
export function wakeWordsOf(options: SatelliteOptions): WakeWordModel[] {
  return resolveEntries(options, options['wake-word-name'], '--wake-word-name');
}

/** `--stop-word NAME[:THRESHOLD]`: a model heard only to stop, never to start a turn. */
export function stopWordOf(
  options: SatelliteOptions,
  wakeModels: readonly WakeWordModel[],
): WakeWordModel | undefined {
  const entry = options['stop-word'];
  if (entry === undefined) return undefined;
  const [model] = resolveEntries(options, [entry], '--stop-word');
  if (wakeModels.some((wake) => wake.name === model!.name)) {
    throw new ConfigError(`'${model!.name}' is already a wake word`, '--stop-word');
  }
  return model;
}

/** A detection of the stop word stops; any other starts a turn. */
export function routeDetection(
  detection: WakeDetection & { levelDbfs: number },
  stopWord: string | undefined,
): SatelliteInput {
  if (detection.name === stopWord) return { type: 'stop-detected' };
  return { type: 'wake-detected', ...detection };
}

function numberIn(text: string, min: number, max: number, entry: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`'${entry}': expected NAME[:THRESHOLD[:TRIGGER_LEVEL]]`, flag);
  }
  return value;
}
