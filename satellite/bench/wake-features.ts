// The wake word benchmark's feature cache: for each clip and front end (the audio as it is, or
// RNNoise first), hey_jarvis's score at every 80 ms step and the clip's speech embeddings, one
// file per clip named by a hash of its samples. Verifiers and thresholds are applied to these
// afterwards, so retraining a verifier or choosing settings never runs the models again, and a
// run stopped half way keeps what it scored.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RnnoiseDenoiser } from '../src/engines/denoise/rnnoise.js';
import type { ClipFeatures } from '../src/engines/wake/batch.js';
import { resolveWakeWordModels } from '../src/engines/wake/builtin-models.js';
import { OpenWakeWord } from '../src/engines/wake/openwakeword.js';

export type FrontEnd = 'raw' | 'rnnoise';
/** The denoiser hears this much of a clip before the clip itself: it has learnt the room. */
const WARM_UP_SAMPLES = 16000 * 5;
/** Bump when what a feature file holds changes. */
const FORMAT = 1;

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

const folder = (corpusKey: string, kind: FrontEnd) =>
  join(tmpdir(), 'jarvis-bench-wake', corpusKey, `features-${FORMAT}-${kind}`);

const hashOf = (samples: Int16Array) =>
  createHash('sha1')
    .update(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength))
    .digest('hex')
    .slice(0, 20);

/** Header: steps, longest; then the scores, then the embedding history. */
function encode(clip: ClipFeatures): Uint8Array {
  const scores = clip.scores[0]!;
  const out = new Float32Array(2 + scores.length + clip.history.length);
  out[0] = scores.length;
  out[1] = clip.longest;
  out.set(scores, 2);
  out.set(clip.history, 2 + scores.length);
  return new Uint8Array(out.buffer);
}

function decode(bytes: Buffer): ClipFeatures {
  const all = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  const steps = all[0]!;
  return {
    scores: [all.subarray(2, 2 + steps)],
    history: all.subarray(2 + steps),
    longest: all[1]!,
  };
}

export interface FeatureCache {
  /** The clip's features through this front end, from the cache or computed and cached. */
  features(samples: Int16Array): Promise<ClipFeatures>;
  /** Whether the clip's features are cached. */
  has(samples: Int16Array): boolean;
  close(): Promise<void>;
}

/**
 * A feature cache for one front end of one corpus. The models load on the first miss only, so
 * a run that finds everything cached costs no model time.
 */
export function featureCache(corpusKey: string, kind: FrontEnd): FeatureCache {
  const dir = folder(corpusKey, kind);
  mkdirSync(dir, { recursive: true });
  const path = (samples: Int16Array) => join(dir, `${hashOf(samples)}.f32`);
  let models: Promise<{ detector: OpenWakeWord; denoiser?: RnnoiseDenoiser }> | undefined;
  const load = () =>
    (models ??= (async () => ({
      detector: await OpenWakeWord.load({
        models: resolveWakeWordModels({ names: ['hey_jarvis'] }),
      }),
      denoiser: kind === 'rnnoise' ? await RnnoiseDenoiser.load() : undefined,
    }))());
  return {
    has: (samples) => existsSync(path(samples)),
    async features(samples) {
      const file = path(samples);
      if (existsSync(file)) return decode(readFileSync(file));
      const { detector, denoiser } = await load();
      const clip = await detector.batchFeatures(denoiser ? denoised(denoiser, samples) : samples);
      writeFileSync(`${file}.tmp`, encode(clip));
      renameSync(`${file}.tmp`, file);
      return clip;
    },
    async close() {
      if (!models) return;
      const { detector, denoiser } = await models;
      denoiser?.close();
      await detector.close();
    },
  };
}

/**
 * Computes and caches the features of every clip `audio` gives (in order), through `kind`;
 * with `shard`, only every `count`-th clip from `index` (run one process per shard). Logs
 * progress every 100 clips.
 */
export async function extractAll(
  corpusKey: string,
  kind: FrontEnd,
  clips: readonly (() => Int16Array)[],
  log: (line: string) => void,
  shard = { index: 0, count: 1 },
): Promise<void> {
  const cache = featureCache(corpusKey, kind);
  const started = performance.now();
  let audioSeconds = 0;
  try {
    for (let i = shard.index; i < clips.length; i += shard.count) {
      const samples = clips[i]!();
      if (cache.has(samples)) continue;
      await cache.features(samples);
      audioSeconds += samples.length / 16000;
      if ((i - shard.index) % (100 * shard.count) === 0) {
        const wall = (performance.now() - started) / 1000;
        log(
          `${kind}: clip ${i + 1} of ${clips.length}, ${audioSeconds.toFixed(0)} s of audio in ${wall.toFixed(0)} s`,
        );
      }
    }
  } finally {
    await cache.close();
  }
  log(`${kind}: features of ${clips.length} clips cached`);
}
