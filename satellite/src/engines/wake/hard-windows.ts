// The windows a verifier trained on a whole corpus learns from (openWakeWord's way of training
// its models): only the windows the wake word model would hand it, those where its score, on
// the audio as heard or on a slowed copy, reached a low threshold. On the wake word's clips,
// those in the phrase; on other speech, every one of them (near misses and ordinary speech
// alike): the hard negatives a verifier behind a low wake threshold has to refuse.
import { type ClipFeatures, windowAt } from './batch.js';
import { EMBEDDING_SIZE } from './onnx-models.js';

/** A step heard again slowed down: each factor's score and the best copy's window. */
export interface SlowedWindow {
  readonly scores: readonly number[];
  readonly window: Float32Array;
}

export interface HardWindowOptions {
  /** The wake word's model among the clip's scores. */
  readonly model: number;
  /** Embeddings per window. */
  readonly window: number;
  /** A step is learnt when its score (or its best slowed score) reaches this. */
  readonly from: number;
  /** Which steps count (on a wake word clip: those where a detection is the phrase). */
  readonly keep?: (step: number) => boolean;
}

/**
 * The windows of `clip` whose score reaches `from` (copies), then those of its slowed copies
 * (`slowed`, per peak step) whose best score does.
 */
export function hardWindows(
  clip: ClipFeatures,
  slowed: ReadonlyMap<number, SlowedWindow> | undefined,
  options: HardWindowOptions,
): Float32Array[] {
  const keep = options.keep ?? (() => true);
  const scores = clip.scores[options.model]!;
  const out: Float32Array[] = [];
  for (let s = 0; s < scores.length; s++) {
    if (scores[s]! >= options.from && keep(s)) out.push(windowAt(clip, options.window, s).slice());
  }
  const size = options.window * EMBEDDING_SIZE;
  for (const [step, at] of slowed ?? []) {
    if (Math.max(...at.scores) >= options.from && keep(step)) {
      out.push(at.window.slice(at.window.length - size));
    }
  }
  return out;
}

/** The steps of a clip at which a detection falls between `fromMs` and `toMs`. */
export const stepsBetween =
  (fromMs: number, toMs: number, stepMs = 80) =>
  (step: number) =>
    (step + 1) * stepMs >= fromMs && (step + 1) * stepMs <= toMs;
