// One scoring pass of the wake word benchmark over its corpus, for one front end (the audio as
// it is, or RNNoise first): hey_jarvis's score at every 80 ms step, and where a step could
// detect (score >= VERIFY_FROM), each verifier's probability for the window the classifier read
// (and, with speed variants, for each slowed copy's window).
// The models' features come from the feature cache; Silero VAD's frames (for the speech gate)
// come from the audio as it is, cached per clip.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SileroVad } from '../src/engines/vad/silero-vad.js';
import { type ClipFeatures, windowAt } from '../src/engines/wake/batch.js';
import { Verifier, type VerifierFile } from '../src/engines/wake/verifier.js';
import type { Corpus } from './wake-corpus.js';
import { featureCache, type FrontEnd } from './wake-features.js';
import { type SlowedScores, variantCache } from './wake-variants.js';

export type { FrontEnd } from './wake-features.js';
/** Verifier probabilities are computed only where the wake score reaches this. */
export const VERIFY_FROM = 0.1;

export interface ItemScores {
  readonly scores: Float32Array;
  /** Per verifier name, the probability at each step (NaN where not computed). */
  readonly verified: Record<string, Float32Array>;
  /** With speed variants: each peak step's slowed scores. */
  readonly slowed?: SlowedScores;
  /** With speed variants: per verifier name, its probability for each peak's slowed copy. */
  readonly slowedVerified?: Record<string, ReadonlyMap<number, number>>;
}

export interface Pass {
  readonly positives: ItemScores[];
  readonly negatives: ItemScores[];
}

function itemScores(
  clip: ClipFeatures,
  verifiers: Record<string, Verifier>,
  slowed: SlowedScores | undefined,
): ItemScores {
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
  if (!slowed) return { scores, verified };
  const slowedVerified: Record<string, Map<number, number>> = {};
  for (const [name, verifier] of Object.entries(verifiers)) {
    const values = new Map<number, number>();
    for (const [step, at] of slowed) values.set(step, verifier.probability(at.window));
    slowedVerified[name] = values;
  }
  return { scores, verified, slowed, slowedVerified };
}

/** Scores the corpus through `kind`, with the verifiers trained for it, from cached features. */
export async function scorePass(
  corpus: Corpus,
  kind: FrontEnd,
  verifierFiles: Record<string, VerifierFile>,
  log: (line: string) => void,
  withVariants = false,
): Promise<Pass> {
  const verifiers = Object.fromEntries(
    Object.entries(verifierFiles).map(([k, f]) => [k, new Verifier(f)]),
  );
  const cache = featureCache(corpus.key, kind);
  const variants = withVariants ? variantCache(corpus.key, kind) : undefined;
  const started = performance.now();
  try {
    const score = async (items: readonly { file: string }[]) => {
      const out: ItemScores[] = [];
      for (const item of items) {
        const samples = corpus.audio(item);
        const slowed =
          variants && (variants.cached(samples) ?? (await variants.compute(samples)).scores);
        out.push(itemScores(await cache.features(samples), verifiers, slowed));
      }
      return out;
    };
    const positives = await score(corpus.positives);
    const negatives = await score(corpus.negatives);
    log(`${kind}: scored the corpus in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return { positives, negatives };
  } finally {
    await cache.close();
    await variants?.close();
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

/** VAD frames of every positive and negative, from the audio as it is; cached per clip. */
export async function vadPass(
  corpus: Corpus,
  passes: readonly Pass[],
  log: (line: string) => void,
): Promise<{ positives: Float32Array[]; negatives: Float32Array[] }> {
  const dir = join(tmpdir(), 'jarvis-bench-wake', corpus.key, 'vad-1');
  mkdirSync(dir, { recursive: true });
  let vad: SileroVad | undefined;
  const started = performance.now();
  const frames = async (kind: 'positives' | 'negatives', items: readonly { file: string }[]) => {
    const out: Float32Array[] = [];
    for (const [i, item] of items.entries()) {
      const scores = passes.map((p) => p[kind][i]!.scores);
      // A step heard again slowed down can detect whatever its plain score.
      const heardAgain = passes.map((p) => p[kind][i]!.slowed ?? new Map<number, unknown>());
      const candidate = (s: number) =>
        scores.some((x) => x[s]! >= VERIFY_FROM) || heardAgain.some((h) => h.has(s));
      const steps = scores[0]!.length;
      const marks = Array.from({ length: steps }, (_, s) => (candidate(s) ? '1' : '0')).join('');
      const samples = corpus.audio(item);
      const key = createHash('sha1')
        .update(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength))
        .update(marks)
        .digest('hex')
        .slice(0, 20);
      const file = join(dir, `${key}.f32`);
      if (existsSync(file)) {
        out.push(decodeBytes(readFileSync(file)));
        continue;
      }
      vad ??= await SileroVad.load();
      const computed = await candidateFrames(vad, samples, candidate, steps);
      writeFileSync(`${file}.tmp`, new Uint8Array(computed.buffer));
      renameSync(`${file}.tmp`, file);
      out.push(computed);
    }
    return out;
  };
  try {
    const positives = await frames('positives', corpus.positives);
    const negatives = await frames('negatives', corpus.negatives);
    log(`VAD before the candidate steps in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return { positives, negatives };
  } finally {
    await vad?.close();
  }
}

const decodeBytes = (bytes: Buffer) =>
  new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
