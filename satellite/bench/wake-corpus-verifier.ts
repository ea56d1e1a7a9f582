// The corpus verifier (issue 14, openWakeWord's verifier trained as openWakeWord trains its
// models): trained on the calibration voices' whole corpus, every positive clip in every
// condition and speed (its windows in the phrase, slowed copies included) against every window
// of their negative streams that the wake word model scored at HARD_FROM or more (near misses
// and ordinary speech). Never on a held-out voice. To choose its threshold on the calibration
// voices without scoring a verifier's own training clips, each calibration voice is also scored
// by a verifier trained on the other calibration voices (cross-validation by voice).
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
import { featureCache, type FrontEnd } from './wake-features.js';
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
const MLP = { hidden: 8, epochs: 10, l2: 0.1, seed: 1 };

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

/** Each calibration voice's hard windows. */
async function windowsPerVoice(
  corpus: Corpus,
  kind: FrontEnd,
  acceptAfterMs: number,
): Promise<Map<string, Windows>> {
  const features = featureCache(corpus.key, kind);
  const variants = variantCache(corpus.key, kind);
  const out = new Map<string, Windows>();
  const of = (voice: string) => {
    const known = out.get(voice) ?? { positives: [], negatives: [] };
    out.set(voice, known);
    return known;
  };
  const read = async (item: { file: string }, keep?: (step: number) => boolean) => {
    const samples = corpus.audio(item);
    const slowed = variants.cached(samples);
    return hardWindows(await features.features(samples), slowed, {
      model: 0,
      window: WINDOW,
      from: HARD_FROM,
      keep,
    });
  };
  try {
    for (const p of corpus.positives) {
      if (splitOf(p.voice) !== 'calibration') continue;
      const keep = stepsBetween(p.phraseStartMs, p.phraseEndMs + acceptAfterMs);
      of(p.voice).positives.push(...(await read(p, keep)));
    }
    for (const n of corpus.negatives) {
      if (splitOf(n.voice) !== 'calibration') continue;
      of(n.voice).negatives.push(...(await read(n)));
    }
  } finally {
    await features.close();
    await variants.close();
  }
  return out;
}

function train(windows: readonly Windows[], kind: FrontEnd, model: CorpusModel): VerifierFile {
  const options = {
    wakeWord: 'hey_jarvis',
    window: WINDOW,
    positives: windows.flatMap((w) => w.positives),
    negatives: windows.flatMap((w) => w.negatives),
  };
  const file =
    model === 'corpus'
      ? trainVerifier({ ...options, l2: LOGISTIC_L2 })
      : trainMlpVerifier({ ...options, ...MLP });
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
): Promise<Record<string, VerifierFile>> {
  const hash = createHash('sha1');
  for (const path of TRAINING_CODE) {
    hash.update(readFileSync(fileURLToPath(new URL(path, import.meta.url))));
  }
  for (const item of [...corpus.positives, ...corpus.negatives]) hash.update(item.file);
  hash.update(`${acceptAfterMs}/${model}`);
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
  const perVoice = await windowsPerVoice(corpus, kind, acceptAfterMs);
  const counts = [...perVoice.values()].reduce(
    (sum, w) => [sum[0]! + w.positives.length, sum[1]! + w.negatives.length],
    [0, 0],
  );
  log(`${kind}: ${model} verifier: ${counts[0]} positive and ${counts[1]} negative windows`);
  const out: Record<string, VerifierFile> = { [model]: train([...perVoice.values()], kind, model) };
  for (const voice of perVoice.keys()) {
    out[outOfFold(model, voice)] = train(
      [...perVoice].filter(([v]) => v !== voice).map(([, w]) => w),
      kind,
      model,
    );
  }
  log(
    `${kind}: ${model} verifiers trained in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  writeFileSync(`${file}.tmp`, JSON.stringify(out));
  renameSync(`${file}.tmp`, file);
  return out;
}
