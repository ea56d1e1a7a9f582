// When a wake word's per-step scores add up to a detection: threshold, trigger level and
// refractory period, as a pure transition over one step.
import { ConfigError } from '../../errors.js';
import type { WakeWordModel } from './wake-word.js';

export interface TriggerState {
  /** Activated steps in a row so far. */
  readonly activations: number;
  /** End of the step that last detected, or `undefined`. */
  readonly detectedAtMs?: number;
}

export const INITIAL_TRIGGER: TriggerState = { activations: 0 };

export type TriggerSettings = Pick<WakeWordModel, 'threshold' | 'triggerLevel' | 'refractoryMs'>;

/**
 * Advances `state` by one step ending at `stepEndMs` with `score`. Steps that end less than
 * `refractoryMs` after a detection are ignored; a step below the threshold starts the count
 * again; the step that reaches `triggerLevel` activations detects and starts the count again.
 */
export function trigger(
  state: TriggerState,
  settings: TriggerSettings,
  score: number,
  stepEndMs: number,
): { state: TriggerState; detected: boolean } {
  const { detectedAtMs } = state;
  if (detectedAtMs !== undefined && stepEndMs - detectedAtMs < settings.refractoryMs) {
    return { state, detected: false };
  }
  if (score < settings.threshold) {
    return { state: { activations: 0, detectedAtMs }, detected: false };
  }
  const activations = state.activations + 1;
  if (activations < settings.triggerLevel) {
    return { state: { activations, detectedAtMs }, detected: false };
  }
  return { state: { activations: 0, detectedAtMs: stepEndMs }, detected: true };
}

/** Every detection of one wake word in a run of scores, step `i` ending at `(i + 1) * 80` ms. */
export function detectionsIn(
  scores: ArrayLike<number>,
  settings: TriggerSettings,
  stepMs = 80,
): { timestampMs: number; score: number }[] {
  const found: { timestampMs: number; score: number }[] = [];
  let state = INITIAL_TRIGGER;
  for (let i = 0; i < scores.length; i++) {
    const stepEndMs = (i + 1) * stepMs;
    const next = trigger(state, settings, scores[i]!, stepEndMs);
    state = next.state;
    if (next.detected) found.push({ timestampMs: stepEndMs, score: scores[i]! });
  }
  return found;
}

/** Rejects settings no detector can work with; `path` names where they came from. */
export function checkTriggerSettings(settings: TriggerSettings, path: string): void {
  const { threshold, triggerLevel, refractoryMs } = settings;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new ConfigError(`threshold must be in (0, 1], got ${threshold}`, path);
  }
  if (!Number.isInteger(triggerLevel) || triggerLevel < 1) {
    throw new ConfigError(`trigger level must be a whole number >= 1, got ${triggerLevel}`, path);
  }
  if (!(refractoryMs >= 0) || !Number.isFinite(refractoryMs)) {
    throw new ConfigError(`refractory period must be >= 0 ms, got ${refractoryMs}`, path);
  }
}
