// One scoring pass of the wake word benchmark over its corpus, for one front end (the audio as
// it is, or RNNoise first): hey_jarvis's score at every 80 ms step, and where a step could
// detect (score >= VERIFY_FROM), each verifier's probability for the window the classifier read.
// Silero VAD's frames (for the speech gate) come from the audio as it is. Cached on disk.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RnnoiseDenoiser } from '../src/engines/denoise/rnnoise.js';
import { SileroVad } from '../src/engines/vad/silero-vad.js';
import { type ClipFeatures, windowAt } from '../src/engines/wake/batch.js';
import { resolveWakeWordModels } from '../src/engines/wake/builtin-models.js';
import { OpenWakeWord } from '../src/engines/wake/openwakeword.js';
import { Verifier, type VerifierFile } from '../src/engines/wake/verifier.js';
import type { Corpus } from './wake-corpus.js';

export type FrontEnd = 'raw' | 'rnnoise';
/** Verifier probabilities are computed only where the wake score reaches this. */
export const VERIFY_FROM = 0.2;
/** The denoiser hears this much of a clip before the clip itself: it has learnt the room. */
const WARM_UP_SAMPLES = 16000 * 5;

export interface ItemScores {
  readonly scores: Float32Array;
  /** Per verifier name, the probability at each step (NaN where not computed). */
  readonly verified: Record<string, Float32Array>;
}

export interface Pass {
  readonly positives: ItemScores[];
  readonly negatives: ItemScores[];
}

/** Runs `samples` through a fresh denoiser that first heard up to 5 s of the same clip. */
export function denoised(denoiser: RnnoiseDenoiser, samples: Int16Array): Int16Array {
  denoiser.reset();
  denoiser.process(samples.subarray(0, Math.min(samples.length, WARM_UP_SAMPLES)));
  // The output is 160 samples late: feed 160 more (silence) and drop the first 160.
  const out = denoiser.process(samples);
  const tail = denoiser.process(new Int16Array(160));
  const aligned = new Int16Array(samples.length);
  aligned.set(out.subarray(160));
  aligned.set(tail, samples.length - 160);
  return aligned;
}

/** Loads a detector and, for RNNoise, a denoiser: `features(samples)` through the front end. */
export async function frontEnd(kind: FrontEnd) {
  const detector = await OpenWakeWord.load({
    models: resolveWakeWordModels({ names: ['hey_jarvis'] }),
  });
  const denoiser = kind === 'rnnoise' ? await RnnoiseDenoiser.load() : undefined;
  return {
    features: (samples: Int16Array): Promise<ClipFeatures> =>
      detector.batchFeatures(denoiser ? denoised(denoiser, samples) : samples),
    close: async () => {
      denoiser?.close();
      await detector.close();
    },
  };
}

function itemScores(clip: ClipFeatures, verifiers: Record<string, Verifier>): ItemScores {
  const scores = clip.scores[0]!;
  const verified: Record<string, Float32Array> = {};
  for (const [name, verifier] of Object.entries(verifiers)) {
    const values = new Float32Array(scores.length).fill(NaN);
    for (let s = 0; s < scores.length; s++) {
      if (scores[s]! >= VERIFY_FROM) {
        values[s] = verifier.probability(windowAt(clip, verifier.window, s));
      }
    }
    verified[name] = values;
  }
  return { scores, verified };
}

const encode = (a: Float32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const decode = (s: string) => {
  const bytes = Buffer.from(s, 'base64');
  return new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
};
type Stored = { scores: string; verified: Record<string, string> }[];
const store = (items: ItemScores[]): Stored =>
  items.map((i) => ({
    scores: encode(i.scores),
    verified: Object.fromEntries(Object.entries(i.verified).map(([k, v]) => [k, encode(v)])),
  }));
const restore = (items: Stored): ItemScores[] =>
  items.map((i) => ({
    scores: decode(i.scores),
    verified: Object.fromEntries(Object.entries(i.verified).map(([k, v]) => [k, decode(v)])),
  }));

/** Scores the corpus through `kind`, with the verifiers trained for it; cached by all inputs. */
export async function scorePass(
  corpus: Corpus & { key: string },
  kind: FrontEnd,
  verifierFiles: Record<string, VerifierFile>,
  log: (line: string) => void,
  shard?: { index: number; count: number },
): Promise<Pass> {
  const strip = Object.fromEntries(
    Object.entries(verifierFiles).map(([k, f]) => [k, { ...f, trained: undefined }]),
  );
  const key = createHash('sha1')
    .update(JSON.stringify([1, kind, strip]))
    .digest('hex');
  const file = join(
    tmpdir(),
    'jarvis-bench-wake',
    corpus.key,
    `scores-${kind}-${key.slice(0, 12)}.json`,
  );
  const read = (path: string) => {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Record<
      'positives' | 'negatives',
      Stored
    >;
    return { positives: restore(stored.positives), negatives: restore(stored.negatives) };
  };
  if (existsSync(file)) {
    log(`${kind}: scores cached in ${file}`);
    return read(file);
  }
  const shardFile = (index: number, count: number) => `${file}.shard-${index}-of-${count}`;
  for (const count of [2, 3]) {
    const files = Array.from({ length: count }, (_, k) => shardFile(k, count));
    if (!shard && files.every((f) => existsSync(f))) {
      const parts = files.map(read);
      const merge = (kind: 'positives' | 'negatives') =>
        parts[0]![kind].map((_, i) => parts[i % count]![kind][i]!);
      log(`${kind}: scores cached in ${count} shards`);
      return { positives: merge('positives'), negatives: merge('negatives') };
    }
  }
  const mine = (i: number) => !shard || i % shard.count === shard.index;
  const empty: ItemScores = { scores: new Float32Array(0), verified: {} };
  const verifiers = Object.fromEntries(
    Object.entries(verifierFiles).map(([k, f]) => [k, new Verifier(f)]),
  );
  const front = await frontEnd(kind);
  const started = performance.now();
  try {
    const positives: ItemScores[] = [];
    for (const [i, item] of corpus.positives.entries()) {
      positives.push(
        mine(i) ? itemScores(await front.features(corpus.audio(item)), verifiers) : empty,
      );
    }
    const negatives: ItemScores[] = [];
    for (const [i, item] of corpus.negatives.entries()) {
      negatives.push(
        mine(i) ? itemScores(await front.features(corpus.audio(item)), verifiers) : empty,
      );
    }
    const out = shard ? shardFile(shard.index, shard.count) : file;
    log(`${kind}: scored the corpus in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    writeFileSync(
      `${out}.tmp`,
      JSON.stringify({ positives: store(positives), negatives: store(negatives) }),
    );
    renameSync(`${out}.tmp`, out);
    return { positives, negatives };
  } finally {
    await front.close();
  }
}

/** Silero VAD's speech probability for every 32 ms frame of `samples`. */
async function vadFrames(vad: SileroVad, samples: Int16Array): Promise<Float32Array> {
  vad.reset();
  const frame = new Float32Array(vad.frameSamples);
  const out = new Float32Array(Math.floor(samples.length / frame.length));
  for (let f = 0; f < out.length; f++) {
    for (let i = 0; i < frame.length; i++) frame[i] = samples[f * frame.length + i]! / 32768;
    out[f] = await vad.process(frame);
  }
  return out;
}

/** VAD runs this long before each candidate step, from a reset state. */
const VAD_LEAD_MS = 2000;

/**
 * Silero VAD's frames where the speech gate can look: in the 2 s before every step that could
 * detect in either pass (score >= VERIFY_FROM), each run of them from a reset VAD (zeros
 * elsewhere). Running the VAD over all the audio would cost as much as the wake word.
 */
async function candidateFrames(
  vad: SileroVad,
  samples: Int16Array,
  candidates: (step: number) => boolean,
  steps: number,
): Promise<Float32Array> {
  const frameMs = (vad.frameSamples * 1000) / 16000;
  const out = new Float32Array(Math.floor(samples.length / vad.frameSamples));
  const spans: [number, number][] = [];
  for (let s = 0; s < steps; s++) {
    if (!candidates(s)) continue;
    const endMs = (s + 1) * STEP_MS;
    const from = Math.max(0, Math.floor((endMs - VAD_LEAD_MS) / frameMs));
    const to = Math.min(out.length, Math.ceil(endMs / frameMs));
    const last = spans.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else spans.push([from, to]);
  }
  for (const [from, to] of spans) {
    const frames = await vadFrames(
      vad,
      samples.subarray(from * vad.frameSamples, to * vad.frameSamples),
    );
    out.set(frames, from);
  }
  return out;
}

const STEP_MS = 80;

/** VAD frames of every positive and negative, from the audio as it is; cached. */
export async function vadPass(
  corpus: Corpus & { key: string },
  passes: readonly Pass[],
  log: (line: string) => void,
): Promise<{ positives: Float32Array[]; negatives: Float32Array[] }> {
  const file = join(
    tmpdir(),
    'jarvis-bench-wake',
    corpus.key,
    `vad-${corpus.positives.length}-${corpus.negatives.length}-${passes.length}.json`,
  );
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<
      'positives' | 'negatives',
      string[]
    >;
    return { positives: stored.positives.map(decode), negatives: stored.negatives.map(decode) };
  }
  const vad = await SileroVad.load();
  const started = performance.now();
  const frames = async (kind: 'positives' | 'negatives', items: readonly { file: string }[]) => {
    const out: Float32Array[] = [];
    for (const [i, item] of items.entries()) {
      const scores = passes.map((p) => p[kind][i]!.scores);
      const candidate = (s: number) => scores.some((x) => x[s]! >= VERIFY_FROM);
      out.push(await candidateFrames(vad, corpus.audio(item), candidate, scores[0]!.length));
    }
    return out;
  };
  try {
    const positives = await frames('positives', corpus.positives);
    const negatives = await frames('negatives', corpus.negatives);
    log(`VAD before the candidate steps in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const stored = { positives: positives.map(encode), negatives: negatives.map(encode) };
    writeFileSync(`${file}.tmp`, JSON.stringify(stored));
    renameSync(`${file}.tmp`, file);
    return { positives, negatives };
  } finally {
    await vad.close();
  }
}
