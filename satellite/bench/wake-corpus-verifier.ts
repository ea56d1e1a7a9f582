// The corpus verifier (issue 14, openWakeWord's verifier trained as openWakeWord trains its
// models): trained on the calibration voices' whole corpus, every positive clip in every
// condition and speed (its windows in the phrase, slowed copies included) against every window
// of their negative streams that the wake word model scored at HARD_FROM or more (near misses
// and ordinary speech). Never on a held-out voice. To choose its threshold on the calibration
// voices without scoring a verifier's own training clips, each calibration voice is also scored
// by a verifier trained on the other calibration voices (cross-validation by voice). With the
// training-only corpus, its voices train every one of them, except that a copy of a calibration
// voice (pitch or formants moved) leaves with that voice.
// The verifiers are cached under a hash of the code that trains them and of the clips used.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hardWindows, stepsBetween } from '../src/engines/wake/hard-windows.js';
import { trainVerifier, type VerifierFile } from '../src/engines/wake/verifier.js';
import { trainMlpVerifier } from '../src/engines/wake/verifier-mlp.js';
import type { Corpus } from './wake-corpus.js';
import type { NegativeStream, Positive } from './wake-corpus-types.js';
import { featureCache, type FrontEnd } from './wake-features.js';
import type { TrainingCorpus } from './wake-training-corpus.js';
import { TRAINING_VOICES } from './wake-training-voices.js';
import { variantCache } from './wake-variants.js';
import { splitOf } from './wake-voices.js';

/**
 * The corpus verifiers: a logistic regression (`corpus`) or one hidden layer (`corpus-mlp`),
 * each by that name trained on every calibration voice (the one the held-out voices meet).
 */
export type CorpusModel = 'corpus' | 'corpus-mlp';
/** The verifier that scores `voice`'s clips on calibration: trained without that voice. */
export const outOfFold = (model: CorpusModel, voice: string) => `${model}-without-${voice}`;

/** A window is learnt when the wake score (plain or slowed) reached this. */
export const HARD_FROM = 0.05;
const WINDOW = 16;
/** The logistic regression's L2 penalty: stronger than enrolment's, for voices it never heard. */
const LOGISTIC_L2 = 1;
/** The hidden layer's size and training. */
export interface MlpShape {
  readonly hidden: number;
  readonly epochs: number;
  readonly l2: number;
}
export const MLP_SHAPE: MlpShape = { hidden: 8, epochs: 10, l2: 0.1 };

/** What else the corpus verifiers may learn from, and how. */
export interface CorpusTraining {
  /** The training-only voices' corpus: it trains every verifier (copies leave with a fold). */
  readonly training?: TrainingCorpus;
  readonly mlp?: MlpShape;
}

const TRAINING_CODE = [
  '../src/engines/wake/hard-windows.ts',
  '../src/engines/wake/verifier.ts',
  '../src/engines/wake/verifier-mlp.ts',
  './wake-corpus-verifier.ts',
];

interface Windows {
  positives: Float32Array[];
  negatives: Float32Array[];
}

/** What trains: the corpus's calibration voices, or the training corpus's clips. */
interface Source {
  readonly key: string;
  readonly positives: readonly Positive[];
  readonly negatives: readonly NegativeStream[];
  audio(item: { file: string }): Int16Array;
}

/** Each voice's hard windows, into `out`. */
async function addWindows(
  out: Map<string, Windows>,
  source: Source,
  kind: FrontEnd,
  acceptAfterMs: number,
): Promise<void> {
  const features = featureCache(source.key, kind);
  const variants = variantCache(source.key, kind);
  const of = (voice: string) => {
    const known = out.get(voice) ?? { positives: [], negatives: [] };
    out.set(voice, known);
    return known;
  };
  const read = async (item: { file: string }, keep?: (step: number) => boolean) => {
    const samples = source.audio(item);
    const slowed = variants.cached(samples);
    return hardWindows(await features.features(samples), slowed, {
      model: 0,
      window: WINDOW,
      from: HARD_FROM,
      keep,
    });
  };
  try {
    for (const p of source.positives) {
      const keep = stepsBetween(p.phraseStartMs, p.phraseEndMs + acceptAfterMs);
      of(p.voice).positives.push(...(await read(p, keep)));
    }
    for (const n of source.negatives) of(n.voice).negatives.push(...(await read(n)));
  } finally {
    await features.close();
    await variants.close();
  }
}

const calibrationOf = (corpus: Corpus): Source => ({
  ...corpus,
  positives: corpus.positives.filter((p) => splitOf(p.voice) === 'calibration'),
  negatives: corpus.negatives.filter((n) => splitOf(n.voice) === 'calibration'),
});

/** The voices that leave a fold with `voice`: itself and its shifted copies. */
const foldOf = (voice: string) =>
  new Set([voice, ...TRAINING_VOICES.filter((t) => t.from === voice).map((t) => t.id)]);

function train(
  windows: readonly Windows[],
  kind: FrontEnd,
  model: CorpusModel,
  mlp: MlpShape,
): VerifierFile {
  const options = {
    wakeWord: 'hey_jarvis',
    window: WINDOW,
    positives: windows.flatMap((w) => w.positives),
    negatives: windows.flatMap((w) => w.negatives),
  };
  const file =
    model === 'corpus'
      ? trainVerifier({ ...options, l2: LOGISTIC_L2 })
      : trainMlpVerifier({ ...options, ...mlp, seed: 1 });
  return { ...file, trained: { ...file.trained, noiseSuppression: kind === 'rnnoise' } };
}

/**
 * The corpus verifier and one per calibration voice trained without it, from the cache when
 * the same code trained them on the same clips.
 */
export async function cachedCorpusVerifiers(
  corpus: Corpus,
  kind: FrontEnd,
  model: CorpusModel,
  acceptAfterMs: number,
  log: (line: string) => void,
  { training, mlp = MLP_SHAPE }: CorpusTraining = {},
): Promise<Record<string, VerifierFile>> {
  const hash = createHash('sha1');
  for (const path of TRAINING_CODE) {
    hash.update(readFileSync(fileURLToPath(new URL(path, import.meta.url))));
  }
  for (const item of [...corpus.positives, ...corpus.negatives]) hash.update(item.file);
  hash.update(`${acceptAfterMs}/${model}`);
  if (model === 'corpus-mlp' && mlp !== MLP_SHAPE) hash.update(JSON.stringify(mlp));
  // The training clips whose features are cached now: a run before the extraction ends
  // trains on fewer, and must not be taken for one after it.
  const trainingReady = training ? await cachedItems(training, kind) : undefined;
  if (training && trainingReady) {
    hash.update(training.key);
    for (const item of [...trainingReady.positives, ...trainingReady.negatives]) {
      hash.update(item.file);
    }
  }
  const key = hash.digest('hex').slice(0, 12);
  const file = join(
    tmpdir(),
    'jarvis-bench-wake',
    corpus.key,
    `${model}-verifiers-${kind}-${key}.json`,
  );
  if (existsSync(file))
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, VerifierFile>;
  const started = performance.now();
  const perVoice = new Map<string, Windows>();
  await addWindows(perVoice, calibrationOf(corpus), kind, acceptAfterMs);
  const calibration = [...perVoice.keys()];
  if (training && trainingReady) {
    await addWindows(perVoice, trainingReady, kind, acceptAfterMs);
    log(`${kind}: ${model}: ${perVoice.size - calibration.length} training-only voices`);
  }
  const counts = [...perVoice.values()].reduce(
    (sum, w) => [sum[0]! + w.positives.length, sum[1]! + w.negatives.length],
    [0, 0],
  );
  log(`${kind}: ${model} verifier: ${counts[0]} positive and ${counts[1]} negative windows`);
  const out: Record<string, VerifierFile> = {
    [model]: train([...perVoice.values()], kind, model, mlp),
  };
  for (const voice of calibration) {
    const fold = foldOf(voice);
    out[outOfFold(model, voice)] = train(
      [...perVoice].filter(([v]) => !fold.has(v)).map(([, w]) => w),
      kind,
      model,
      mlp,
    );
  }
  log(
    `${kind}: ${model} verifiers trained in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  writeFileSync(`${file}.tmp`, JSON.stringify(out));
  renameSync(`${file}.tmp`, file);
  return out;
}

/** The training corpus's clips whose features and speed variants are cached through `kind`. */
async function cachedItems(training: TrainingCorpus, kind: FrontEnd): Promise<TrainingCorpus> {
  const features = featureCache(training.key, kind);
  const variants = variantCache(training.key, kind);
  const ready = (item: { file: string }) => {
    const samples = training.audio(item);
    return features.has(samples) && variants.cached(samples) !== undefined;
  };
  try {
    return {
      ...training,
      positives: training.positives.filter(ready),
      negatives: training.negatives.filter(ready),
    };
  } finally {
    await features.close();
    await variants.close();
  }
}
