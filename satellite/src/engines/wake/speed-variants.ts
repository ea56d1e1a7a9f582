// Speed variants: a wake word said fast scores low, so where the score peaks above a low
// pre-threshold, the last 2 s are heard again slowed down (time-stretched, pitch kept) through
// the same melspectrogram, embeddings and classifier, and a slowed copy that reaches the wake
// word's threshold detects. The rule for which steps are heard again is pure, so the benchmark
// applies it to cached scores exactly as the detector does while streaming.
import { ConfigError } from '../../errors.js';
import { batchFeatures, windowAt } from './batch.js';
import type { Classifier } from './classifier.js';
import type { FeatureModels } from './features.js';
import { stretch } from './stretch.js';
import { INITIAL_TRIGGER, trigger, type TriggerSettings, type TriggerState } from './trigger.js';

/** Slow-down factors: 1.3 hears the window as if said at 1/1.3 of its speed. */
export const SPEED_FACTORS: readonly number[] = [1.3, 1.15];
/** The audio heard again: the classifier's whole context (16 embeddings of 0.775 s, 80 ms apart). */
export const VARIANT_WINDOW_SAMPLES = 32000;
/** A peak is heard again this many 80 ms steps after it, when the phrase has ended. */
export const HOLD_STEPS = 3;
/** Scores kept per wake word to find peaks. */
export const RECENT_STEPS = 2 * HOLD_STEPS + 1;

export interface SpeedVariantSettings {
  /** A peak of the score at or above this is heard again slowed down. */
  readonly preThreshold: number;
  /** Default `SPEED_FACTORS`. */
  readonly factors?: readonly number[];
}

/** Rejects a pre-threshold outside (0, 1] and factors that are not positive numbers. */
export function checkSpeedVariants(settings: SpeedVariantSettings): void {
  const { preThreshold, factors = SPEED_FACTORS } = settings;
  if (!(preThreshold > 0 && preThreshold <= 1)) {
    throw new ConfigError(
      `pre-threshold must be in (0, 1], got ${preThreshold}`,
      'speedVariants.preThreshold',
    );
  }
  factors.forEach((factor, i) => {
    if (!(factor > 0) || !Number.isFinite(factor)) {
      throw new ConfigError(
        `expected a positive number, got ${factor}`,
        `speedVariants.factors[${i}]`,
      );
    }
  });
}

/**
 * Whether the step `HOLD_STEPS` before the last of `recent` (the last `RECENT_STEPS` scores,
 * oldest first) is a peak at or above `preThreshold`: higher than the steps before it, at
 * least as high as those after.
 */
export function isPeak(recent: ArrayLike<number>, preThreshold: number): boolean {
  if (recent.length < RECENT_STEPS) return false;
  const at = recent.length - 1 - HOLD_STEPS;
  const peak = recent[at]!;
  if (!(peak >= preThreshold)) return false;
  for (let i = at - HOLD_STEPS; i < at; i++) if (recent[i]! >= peak) return false;
  for (let i = at + 1; i < recent.length; i++) if (recent[i]! > peak) return false;
  return true;
}

/** The steps (0-based) of a run of scores at which a peak is heard again. */
export function variantSteps(scores: ArrayLike<number>, preThreshold: number): number[] {
  const steps: number[] = [];
  // Steps before the stream's first count as 0, as the stream starts from silence.
  const padded = new Float32Array(RECENT_STEPS - 1 + scores.length);
  for (let i = 0; i < scores.length; i++) padded[RECENT_STEPS - 1 + i] = scores[i]!;
  for (let s = 0; s < scores.length; s++) {
    if (isPeak(padded.subarray(s, s + RECENT_STEPS), preThreshold)) steps.push(s);
  }
  return steps;
}

/** Whether a step ending at `stepEndMs` is in the refractory period after a detection. */
export const refractory = (state: TriggerState, settings: TriggerSettings, stepEndMs: number) =>
  state.detectedAtMs !== undefined && stepEndMs - state.detectedAtMs < settings.refractoryMs;

/**
 * Every detection of one wake word in a run of scores with speed variants: the plain trigger,
 * and at each peak step (outside the refractory period) the slowed score `variantAt(step)`
 * detecting when it reaches the threshold. As the streaming detector does.
 */
export function detectionsWithVariants(
  scores: ArrayLike<number>,
  settings: TriggerSettings,
  preThreshold: number,
  variantAt: (step: number) => number,
  stepMs = 80,
): { timestampMs: number; score: number; slowed: boolean }[] {
  const found: { timestampMs: number; score: number; slowed: boolean }[] = [];
  const peaks = new Set(variantSteps(scores, preThreshold));
  let state: TriggerState = { activations: 0 };
  for (let i = 0; i < scores.length; i++) {
    const stepEndMs = (i + 1) * stepMs;
    const next = variantTrigger(state, settings, scores[i]!, stepEndMs, peaks.has(i));
    state = next.state;
    if (next.detected) found.push({ timestampMs: stepEndMs, score: scores[i]!, slowed: false });
    else if (next.rescore) {
      const score = variantAt(i);
      const slowed = slowedDetects(state, settings, score, stepEndMs);
      state = slowed.state;
      if (slowed.detected) found.push({ timestampMs: stepEndMs, score, slowed: true });
    }
  }
  return found;
}

/** The plain trigger, and whether this step is to be heard again slowed down. */
export function variantTrigger(
  state: TriggerState,
  settings: TriggerSettings,
  score: number,
  stepEndMs: number,
  peak: boolean,
): { state: TriggerState; detected: boolean; rescore: boolean } {
  const next = trigger(state, settings, score, stepEndMs);
  const rescore = !next.detected && peak && !refractory(next.state, settings, stepEndMs);
  return { ...next, rescore };
}

/** Whether the slowed score detects; a detection starts the refractory period. */
export function slowedDetects(
  state: TriggerState,
  settings: TriggerSettings,
  score: number,
  stepEndMs: number,
): { state: TriggerState; detected: boolean } {
  if (!(score >= settings.threshold)) return { state, detected: false };
  return { state: { activations: 0, detectedAtMs: stepEndMs }, detected: true };
}

/** The best slowed copy of a window: its score, factor, and the embeddings it was read from. */
export interface SlowedScore {
  readonly score: number;
  readonly factor: number;
  /** The classifier's window of embeddings at the best step (for a verifier). */
  readonly window: Float32Array;
}

/**
 * The highest score `classifier` gives any step of `window` slowed down by each of `factors`
 * (each stretched copy scored from silence, as a clip).
 */
export async function slowedScore(
  features: FeatureModels,
  classifier: Classifier,
  window: Int16Array,
  factors: readonly number[] = SPEED_FACTORS,
): Promise<SlowedScore> {
  let best: SlowedScore = { score: -Infinity, factor: 1, window: new Float32Array(0) };
  for (const factor of factors) {
    const clip = await batchFeatures(features, [classifier], stretch(window, factor));
    const scores = clip.scores[0]!;
    for (let s = 0; s < scores.length; s++) {
      if (scores[s]! > best.score) {
        best = { score: scores[s]!, factor, window: windowAt(clip, classifier.window, s) };
      }
    }
  }
  return best;
}

/** Hears an audio window again slowed down: its best slowed copy. */
export type Rescore = (audio: Int16Array) => Promise<SlowedScore>;

/** `slowedScore` of one classifier, as a `Rescore`. */
export const rescorer =
  (features: FeatureModels, classifier: Classifier, factors?: readonly number[]): Rescore =>
  (audio) =>
    slowedScore(features, classifier, audio, factors);

/** One step of one wake word: whether it detects, and with which score and embeddings. */
export interface VariantStep {
  readonly detected: boolean;
  /** The plain score, or the slowed copy's when the step was heard again. */
  readonly score: number;
  /** The slowed copy's embeddings when the step was heard again (for a verifier). */
  readonly window?: Float32Array;
}

/**
 * The triggers of every wake word of one stream, with speed variants when set: the last 2 s
 * of audio, each word's last scores, and at a peak the window heard again through `rescore`.
 * The streaming detectors (`OpenWakeWord`, `WakeWordStreams`) share it; it applies the rule
 * `detectionsWithVariants` applies to a clip's scores.
 */
export class VariantTriggers {
  readonly #settings: readonly TriggerSettings[];
  readonly #variants: SpeedVariantSettings | undefined;
  readonly #ring: AudioRing | undefined;
  readonly #recent: Float32Array[];
  #states: TriggerState[];

  constructor(settings: readonly TriggerSettings[], variants?: SpeedVariantSettings) {
    this.#settings = settings;
    this.#variants = variants;
    this.#ring = variants ? new AudioRing() : undefined;
    this.#recent = settings.map(() => new Float32Array(RECENT_STEPS));
    this.#states = settings.map(() => INITIAL_TRIGGER);
  }

  /** Audio of the stream, in order (kept only with speed variants). */
  push(samples: Int16Array): void {
    this.#ring?.push(samples);
  }

  /** As after silence: triggers, scores and audio forgotten. */
  reset(): void {
    this.#states = this.#settings.map(() => INITIAL_TRIGGER);
    this.#ring?.reset();
    for (const recent of this.#recent) recent.fill(0);
  }

  /** Advances wake word `word` by one step ending at `stepEndMs` with `score`. */
  async step(
    word: number,
    score: number,
    stepEndMs: number,
    rescore: Rescore,
  ): Promise<VariantStep> {
    const settings = this.#settings[word]!;
    const recent = this.#recent[word]!;
    recent.copyWithin(0, 1);
    recent[recent.length - 1] = score;
    const peak = this.#variants !== undefined && isPeak(recent, this.#variants.preThreshold);
    const next = variantTrigger(this.#states[word]!, settings, score, stepEndMs, peak);
    this.#states[word] = next.state;
    if (!next.rescore) return { detected: next.detected, score };
    const slowed = await rescore(this.#ring!.window());
    const outcome = slowedDetects(next.state, settings, slowed.score, stepEndMs);
    this.#states[word] = outcome.state;
    return { detected: outcome.detected, score: slowed.score, window: slowed.window };
  }
}

/** The last `VARIANT_WINDOW_SAMPLES` samples fed, silence before the first. */
export class AudioRing {
  readonly #buffer = new Int16Array(VARIANT_WINDOW_SAMPLES);
  #end = 0;

  push(samples: Int16Array): void {
    const size = this.#buffer.length;
    const from = Math.max(0, samples.length - size);
    for (let i = from; i < samples.length; i++) {
      this.#buffer[this.#end] = samples[i]!;
      this.#end = (this.#end + 1) % size;
    }
  }

  /** The window, oldest sample first. */
  window(): Int16Array {
    const out = new Int16Array(this.#buffer.length);
    out.set(this.#buffer.subarray(this.#end));
    out.set(this.#buffer.subarray(0, this.#end), this.#buffer.length - this.#end);
    return out;
  }

  reset(): void {
    this.#buffer.fill(0);
    this.#end = 0;
  }
}

/** The window of a clip's audio ending at step `step` (0-based), silence before the clip. */
export function windowOfClip(samples: Int16Array, step: number, stepSamples = 1280): Int16Array {
  const end = (step + 1) * stepSamples;
  const out = new Int16Array(VARIANT_WINDOW_SAMPLES);
  const from = Math.max(0, end - VARIANT_WINDOW_SAMPLES);
  out.set(samples.subarray(from, end), VARIANT_WINDOW_SAMPLES - (end - from));
  return out;
}
