// The scores of a whole clip in one go: one melspectrogram run over the clip, the embedding
// windows in batches, then the classifier windows. Equal, within float rounding, to streaming
// the clip after a reset.
//
// Edge alignment. Mel frame j covers samples [160j, 160j + 512). Streaming step s (1, 2, ...)
// ends at sample 1280s and runs the melspectrogram on the 1760 samples before that, which
// gives frames 8s - 11 ... 8s - 4; its embedding window is the 76 frames ending at frame
// 8s - 4, i.e. starting at 8s - 79, one frame after a multiple of 8. So the windows are not
// the `range(0, frames, 8)` windows of openWakeWord's batch `_get_embeddings`, which start at
// frame 0 and would be one frame (10 ms) early: here window s starts at 8(s - 1) in a frame
// array that begins at frame -71. Frames before 0 come from the silence the stream starts
// with: frames -3 ... -1 overlap the clip and are computed from 480 zero samples put in front
// of it (as the stream's initial context is zeros), frames -71 ... -4 are pure silence. The
// classifier window at step s is the embeddings of steps s - 15 ... s, those of steps <= 0
// being the silence embedding the stream's history starts with. Samples after the last whole
// step are ignored, as the stream keeps them waiting for the next one.
//
// The melspectrogram is not frame-local: the model (its ReduceMax/Sub/Clip nodes, librosa's
// `top_db`) raises every value to at least its whole input's maximum - 80 dB. Streaming
// applies that floor per 1760-sample step, the whole-clip run per clip, so they differ
// wherever a step holds something 80 dB below the loudest part of the clip: digital silence
// next to speech, never a real microphone's noise floor. Those steps, and only those, are
// recomputed from their own 1760 samples, as the stream does.
import * as ort from '../onnx-runtime.js';
import { EngineError } from '../../errors.js';
import { type Classifier, longestWindow } from './classifier.js';
import { embed, type FeatureModels, melFrames, transform } from './features.js';
import {
  EMBEDDING_FRAMES,
  EMBEDDING_SIZE,
  ENGINE,
  FRAMES_PER_STEP,
  MEL_BINS,
  MEL_CONTEXT,
  STEP_SAMPLES,
} from './onnx-models.js';

/** The melspectrogram model's dynamic range. */
const TOP_DB = 80;
/** Values this close to the floor may be floored: recomputing a step needlessly is harmless. */
const FLOOR_TOLERANCE_DB = 1e-3;
/** Embedding windows per run of the embedding model: bounds memory on long clips. */
const EMBEDDING_BATCH = 128;
/** Silence frames in front of the clip's frames: -71 ... -4. */
const LEADING_FRAMES = EMBEDDING_FRAMES - FRAMES_PER_STEP;

/** One score array per classifier, one score per whole 80 ms step of `samples`. */
export async function batchScores(
  features: FeatureModels,
  classifiers: readonly Classifier[],
  samples: Int16Array,
): Promise<Float32Array[]> {
  return (await batchFeatures(features, classifiers, samples)).scores;
}

/**
 * The scores and the embeddings of a whole clip: `history` holds `longest - 1` silence
 * embeddings and then one per step, so the window a classifier read at step `s` is
 * `windowAt(result, window, s)`.
 */
export interface ClipFeatures {
  readonly scores: Float32Array[];
  readonly history: Float32Array;
  readonly longest: number;
}

export async function batchFeatures(
  features: FeatureModels,
  classifiers: readonly Classifier[],
  samples: Int16Array,
): Promise<ClipFeatures> {
  const steps = Math.floor(samples.length / STEP_SAMPLES);
  const longest = longestWindow(classifiers);
  const history = new Float32Array((longest - 1 + steps) * EMBEDDING_SIZE);
  for (let i = 0; i < longest - 1; i++) history.set(features.silenceEmbedding, i * EMBEDDING_SIZE);
  if (steps === 0) return { scores: classifiers.map(() => new Float32Array(0)), history, longest };
  const frames = await clipFrames(features, samples, steps);
  const embeddings = await clipEmbeddings(features, frames, steps);
  history.set(embeddings, (longest - 1) * EMBEDDING_SIZE);
  const scores: Float32Array[] = [];
  for (const classifier of classifiers) {
    scores.push(await classify(classifier, history, longest, steps));
  }
  return { scores, history, longest };
}

/** The `window` embeddings ending at step `step` (0-based) of a clip's features. */
export function windowAt(clip: ClipFeatures, window: number, step: number): Float32Array {
  const start = (step + clip.longest - window) * EMBEDDING_SIZE;
  return clip.history.subarray(start, start + window * EMBEDDING_SIZE);
}

/** Frames -71 ... 8 * steps - 4, transformed. */
async function clipFrames(
  features: FeatureModels,
  samples: Int16Array,
  steps: number,
): Promise<Float32Array> {
  const audio = new Float32Array(MEL_CONTEXT + steps * STEP_SAMPLES);
  for (let i = 0; i < steps * STEP_SAMPLES; i++) audio[MEL_CONTEXT + i] = samples[i]!;
  const computed = await melFrames(features.melspectrogram, audio);
  if (computed.length !== steps * FRAMES_PER_STEP * MEL_BINS) {
    throw new EngineError(ENGINE, `melspectrogram gave ${computed.length / MEL_BINS} frames`);
  }
  await recomputeFloored(features, audio, computed);
  transform(computed);
  const frames = new Float32Array(LEADING_FRAMES * MEL_BINS + computed.length);
  for (let i = 0; i < LEADING_FRAMES; i++) frames.set(features.silenceFrame, i * MEL_BINS);
  frames.set(computed, LEADING_FRAMES * MEL_BINS);
  return frames;
}

/** Replaces the frames of every step that touches the clip's 80 dB floor by the step's own. */
async function recomputeFloored(
  features: FeatureModels,
  audio: Float32Array,
  frames: Float32Array,
): Promise<void> {
  let loudest = -Infinity;
  for (const value of frames) if (value > loudest) loudest = value;
  const floor = loudest - TOP_DB + FLOOR_TOLERANCE_DB;
  const stepValues = FRAMES_PER_STEP * MEL_BINS;
  for (let start = 0; start < frames.length; start += stepValues) {
    const values = frames.subarray(start, start + stepValues);
    if (!values.some((value) => value <= floor)) continue;
    const first = (start / stepValues) * STEP_SAMPLES;
    const own = audio.subarray(first, first + MEL_CONTEXT + STEP_SAMPLES);
    values.set(await melFrames(features.melspectrogram, own));
  }
}

/** The embedding of every step, step s from the 76 frames starting at 8(s - 1). */
async function clipEmbeddings(
  features: FeatureModels,
  frames: Float32Array,
  steps: number,
): Promise<Float32Array> {
  const windowSize = EMBEDDING_FRAMES * MEL_BINS;
  const embeddings = new Float32Array(steps * EMBEDDING_SIZE);
  const windows = new Float32Array(Math.min(steps, EMBEDDING_BATCH) * windowSize);
  for (let first = 0; first < steps; first += EMBEDDING_BATCH) {
    const count = Math.min(EMBEDDING_BATCH, steps - first);
    for (let k = 0; k < count; k++) {
      const start = (first + k) * FRAMES_PER_STEP * MEL_BINS;
      windows.set(frames.subarray(start, start + windowSize), k * windowSize);
    }
    const batch = await embed(features.embedding, windows.subarray(0, count * windowSize), count);
    embeddings.set(batch, first * EMBEDDING_SIZE);
  }
  return embeddings;
}

/** Scores every step: the classifier's window ends at that step's embedding. */
async function classify(
  classifier: Classifier,
  history: Float32Array,
  longest: number,
  steps: number,
): Promise<Float32Array> {
  const { session, window } = classifier;
  const scores = new Float32Array(steps);
  const inputName = session.inputNames[0]!;
  const outputName = session.outputNames[0]!;
  for (let s = 0; s < steps; s++) {
    const start = (s + longest - window) * EMBEDDING_SIZE;
    const input = history.subarray(start, start + window * EMBEDDING_SIZE);
    const output = await session.run({
      [inputName]: new ort.Tensor('float32', input, [1, window, EMBEDDING_SIZE]),
    });
    scores[s] = (output[outputName]!.data as Float32Array)[0]!;
  }
  return scores;
}
