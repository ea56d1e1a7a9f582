// The speed variants' cache: for each clip and front end, every step where the detector with
// speed variants would hear the last 2 s again slowed down (a score peak at or above the
// lowest pre-threshold the benchmark tries), with the slowed copies' best score per factor and
// the embeddings the best of them was read from (a verifier reads those, as in the detector).
// One file per clip, named by a hash of its samples; a run stopped half way keeps what it did.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RnnoiseDenoiser } from '../src/engines/denoise/rnnoise.js';
import { resolveWakeWordModels } from '../src/engines/wake/builtin-models.js';
import { loadWakeModels } from '../src/engines/wake/openwakeword.js';
import { releaseAll } from '../src/engines/wake/onnx-models.js';
import {
  SPEED_FACTORS,
  slowedScore,
  variantSteps,
  windowOfClip,
} from '../src/engines/wake/speed-variants.js';
import { denoised, featureCache, type FrontEnd } from './wake-features.js';

/** Pre-thresholds tried on the calibration voices; the cache holds the peaks of the lowest. */
export const PRE_THRESHOLDS = [0.02, 0.05, 0.1, 0.2];
const LOWEST = PRE_THRESHOLDS[0]!;
const FORMAT = 2;

/** One peak step heard again: the best slowed score of each factor in `SPEED_FACTORS` order. */
export interface SlowedAt {
  readonly scores: readonly number[];
  /** The classifier's window of embeddings of the best slowed copy. */
  readonly window: Float32Array;
}

/** Per peak step, what its slowed copies gave. */
export type SlowedScores = ReadonlyMap<number, SlowedAt>;

const folder = (corpusKey: string, kind: FrontEnd) =>
  join(tmpdir(), 'jarvis-bench-wake', corpusKey, `variants-${FORMAT}-${kind}-${LOWEST}`);

const hashOf = (samples: Int16Array) =>
  createHash('sha1')
    .update(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength))
    .digest('hex')
    .slice(0, 20);

/** Per peak: step, one score per factor, the window's length, the window. */
function encode(scores: SlowedScores): Uint8Array {
  const parts: number[][] = [];
  let length = 0;
  for (const [step, at] of scores) {
    parts.push([step, ...at.scores, at.window.length]);
    length += SPEED_FACTORS.length + 2 + at.window.length;
  }
  const out = new Float32Array(length);
  let offset = 0;
  for (const [k, at] of [...scores.values()].entries()) {
    out.set(parts[k]!, offset);
    offset += parts[k]!.length;
    out.set(at.window, offset);
    offset += at.window.length;
  }
  return new Uint8Array(out.buffer);
}

function decode(bytes: Buffer): SlowedScores {
  const all = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const out = new Map<number, SlowedAt>();
  const factors = SPEED_FACTORS.length;
  for (let i = 0; i < all.length;) {
    const length = all[i + 1 + factors]!;
    const from = i + 2 + factors;
    out.set(all[i]!, {
      scores: Array.from(all.subarray(i + 1, i + 1 + factors)),
      window: all.subarray(from, from + length),
    });
    i = from + length;
  }
  return out;
}

export interface VariantCache {
  /** The clip's slowed scores, or undefined when they are not cached. */
  cached(samples: Int16Array): SlowedScores | undefined;
  /** Computes and caches them (its plain features must be cached). */
  compute(samples: Int16Array): Promise<{ scores: SlowedScores; peaks: number }>;
  close(): Promise<void>;
}

export function variantCache(corpusKey: string, kind: FrontEnd): VariantCache {
  const dir = folder(corpusKey, kind);
  mkdirSync(dir, { recursive: true });
  const path = (samples: Int16Array) => join(dir, `${hashOf(samples)}.f32`);
  const features = featureCache(corpusKey, kind);
  let models: ReturnType<typeof load> | undefined;
  const load = async () => ({
    ...(await loadWakeModels({ models: resolveWakeWordModels({ names: ['hey_jarvis'] }) })),
    denoiser: kind === 'rnnoise' ? await RnnoiseDenoiser.load() : undefined,
  });
  return {
    cached(samples) {
      const file = path(samples);
      return existsSync(file) ? decode(readFileSync(file)) : undefined;
    },
    async compute(samples) {
      const plain = (await features.features(samples)).scores[0]!;
      const steps = variantSteps(plain, LOWEST);
      const scores = new Map<number, SlowedAt>();
      if (steps.length > 0) {
        const { features: shared, classifiers, denoiser } = await (models ??= load());
        const heard = denoiser ? denoised(denoiser, samples) : samples;
        for (const step of steps) {
          const window = windowOfClip(heard, step);
          const each = [];
          for (const factor of SPEED_FACTORS) {
            each.push(await slowedScore(shared, classifiers[0]!, window, [factor]));
          }
          // The first best, as `slowedScore` over every factor picks it.
          const best = each.reduce((a, b) => (b.score > a.score ? b : a));
          scores.set(step, { scores: each.map((e) => e.score), window: best.window });
        }
      }
      const file = path(samples);
      writeFileSync(`${file}.tmp`, encode(scores));
      renameSync(`${file}.tmp`, file);
      return { scores, peaks: steps.length };
    },
    async close() {
      await features.close();
      if (!models) return;
      const { features: shared, classifiers, denoiser } = await models;
      denoiser?.close();
      await releaseAll([
        shared.melspectrogram,
        shared.embedding,
        ...classifiers.map((c) => c.session),
      ]);
    },
  };
}

/**
 * Computes and caches the slowed scores of every clip whose plain features are cached (in
 * order), through `kind`; `uncachedToo`, of every clip (its plain features computed first).
 * Logs progress every 50 clips.
 */
export async function extractVariants(
  corpusKey: string,
  kind: FrontEnd,
  clips: readonly (() => Int16Array)[],
  log: (line: string) => void,
  uncachedToo = false,
): Promise<void> {
  const cache = variantCache(corpusKey, kind);
  const plain = featureCache(corpusKey, kind);
  const started = performance.now();
  let done = 0;
  let peaks = 0;
  let seconds = 0;
  try {
    for (const clip of clips) {
      const samples = clip();
      if ((!uncachedToo && !plain.has(samples)) || cache.cached(samples)) continue;
      peaks += (await cache.compute(samples)).peaks;
      seconds += samples.length / 16000;
      if (++done % 50 === 0) {
        const wall = ((performance.now() - started) / 1000).toFixed(0);
        log(`${kind} variants: ${done} clips, ${seconds.toFixed(0)} s, ${peaks} peaks, ${wall} s`);
      }
    }
  } finally {
    await cache.close();
    await plain.close();
  }
  log(`${kind} variants: ${done} clips done, ${peaks} peaks in ${seconds.toFixed(0)} s of audio`);
}
