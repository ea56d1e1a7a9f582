// Enrolment: from clips of the household saying the wake word and clips of other speech, the
// embedding windows a verifier learns from, and the verifier. The positives are the windows at
// the steps where the wake word's classifier scored highest in each clip (where it would fire);
// the negatives are windows all through the other speech. Every clip is also learnt with noise
// added (`augment`): a wake word clip's noisy copies at its clean version's best steps.
import { augment } from './augment.js';
import { type ClipFeatures, windowAt } from './batch.js';
import { EMBEDDING_SIZE } from './onnx-models.js';
import { trainVerifier, type VerifierFile } from './verifier.js';

/** Windows per wake word clip: its best steps. */
const BEST_STEPS = 3;
/** One negative window every this many steps (160 ms). */
const NEGATIVE_STRIDE = 2;

export interface EnrolSource {
  /** The wake word's scores and the clip's embeddings (`OpenWakeWord.batchFeatures`). */
  features(samples: Int16Array): Promise<ClipFeatures>;
  /** Which of the detector's models is the wake word, and its classifier's window. */
  readonly model: number;
  readonly window: number;
}

/** The windows at a clip's best-scoring steps, the steps, and the best score. */
export function positiveWindows(clip: ClipFeatures, model: number, window: number) {
  const scores = clip.scores[model]!;
  const best = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, BEST_STEPS);
  return {
    windows: best.map((s) => windowAt(clip, window, s).slice()),
    steps: best,
    bestScore: best.length > 0 ? scores[best[0]!]! : 0,
  };
}

export function negativeWindows(clip: ClipFeatures, window: number): Float32Array[] {
  const steps = clip.history.length / EMBEDDING_SIZE - (clip.longest - 1);
  const windows: Float32Array[] = [];
  for (let s = 0; s < steps; s += NEGATIVE_STRIDE) windows.push(windowAt(clip, window, s).slice());
  return windows;
}

export interface Enrolled {
  readonly verifier: VerifierFile;
  /** Each wake word clip's best score: a clip far below the threshold was probably not it. */
  readonly bestScores: number[];
}

/**
 * Trains a verifier for `wakeWord` from the clips and their noisy copies (babble made of the
 * other speech).
 */
export async function enrol(
  source: EnrolSource,
  wakeWord: string,
  clips: { positives: readonly Int16Array[]; negatives: readonly Int16Array[] },
  threshold?: number,
): Promise<Enrolled> {
  const positives: Float32Array[] = [];
  const bestScores: number[] = [];
  for (const [i, clip] of clips.positives.entries()) {
    const found = positiveWindows(await source.features(clip), source.model, source.window);
    positives.push(...found.windows);
    bestScores.push(found.bestScore);
    for (const copy of augment(clip, 'wake', i, clips.negatives)) {
      const features = await source.features(copy);
      positives.push(...found.steps.map((s) => windowAt(features, source.window, s).slice()));
    }
  }
  const negatives: Float32Array[] = [];
  for (const [i, clip] of clips.negatives.entries()) {
    for (const copy of [clip, ...augment(clip, 'other', i, clips.negatives)]) {
      negatives.push(...negativeWindows(await source.features(copy), source.window));
    }
  }
  const verifier = trainVerifier({
    wakeWord,
    window: source.window,
    positives,
    negatives,
    threshold,
  });
  return { verifier, bestScores };
}
