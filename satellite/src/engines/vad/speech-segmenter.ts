import { VAD_FRAME_SAMPLES, type SpeechSegmenterOptions, type VadEvent } from './vad.js';

export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_MIN_SPEECH_MS = 250;
export const DEFAULT_TRAILING_SILENCE_MS = 700;
/** How far below the threshold a frame may fall and still continue speech, as Silero does. */
export const CONTINUE_MARGIN = 0.15;
/** Duration of one VAD frame at 16 kHz: 32 ms. */
export const VAD_FRAME_MS = (VAD_FRAME_SAMPLES * 1000) / 16000;

export interface SpeechSegmenterConfig extends SpeechSegmenterOptions {
  /** Duration of the frames the probabilities belong to (default 32 ms). */
  frameMs?: number;
}

type Phase =
  | { kind: 'silence' }
  /** Frames crossed the threshold at `startMs`; not long enough yet to be speech. */
  | { kind: 'onset'; startMs: number }
  /**
   * Speech; `silenceStartMs` is set while a pause is running that may end it, and `marks`
   * counts the pause marks it has reached.
   */
  | { kind: 'speech'; silenceStartMs: number | undefined; marks: number };

/**
 * Turns per-frame speech probabilities into `speech-started` / `speech-stopped` events. Pure:
 * feed it frames in order with their start times; event times are where speech began (the
 * first frame of the run) and where it ended (the first frame of the closing silence), not when
 * that became certain.
 *
 * A hysteresis: a frame at or above `threshold` starts speech, which continues while frames
 * stay at or above `threshold - 0.15`. A run shorter than `minSpeechMs` is dropped; speech ends
 * after `trailingSilenceMs` without a frame back at or above `threshold`. With `pauseMarksMs`,
 * a silence inside speech is reported as it reaches each mark (`speech-paused`), and speech that
 * comes back after one as `speech-resumed`.
 */
export class SpeechSegmenter {
  readonly threshold: number;
  readonly continueThreshold: number;
  readonly minSpeechMs: number;
  readonly trailingSilenceMs: number;
  readonly frameMs: number;
  readonly pauseMarksMs: readonly number[];
  private phase: Phase = { kind: 'silence' };

  constructor(options: SpeechSegmenterConfig = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.continueThreshold = Math.max(this.threshold - CONTINUE_MARGIN, 0.01);
    this.minSpeechMs = options.minSpeechMs ?? DEFAULT_MIN_SPEECH_MS;
    this.trailingSilenceMs = options.trailingSilenceMs ?? DEFAULT_TRAILING_SILENCE_MS;
    this.frameMs = options.frameMs ?? VAD_FRAME_MS;
    this.pauseMarksMs = [...(options.pauseMarksMs ?? [])]
      .filter((mark) => mark >= 0 && mark < this.trailingSilenceMs)
      .sort((a, b) => a - b);
  }

  /** True between `speech-started` and `speech-stopped`. */
  get inSpeech(): boolean {
    return this.phase.kind === 'speech';
  }

  /** Takes the probability of the frame that starts at `timestampMs`; returns the event it completes. */
  process(probability: number, timestampMs: number): VadEvent | undefined {
    const endMs = timestampMs + this.frameMs;
    const phase = this.phase;
    switch (phase.kind) {
      case 'silence':
        if (probability < this.threshold) return undefined;
        return this.onset(timestampMs, endMs);
      case 'onset':
        if (probability < this.continueThreshold) {
          this.phase = { kind: 'silence' };
          return undefined;
        }
        return this.onset(phase.startMs, endMs);
      case 'speech':
        return this.speech(phase, probability, timestampMs, endMs);
    }
  }

  /** Forgets everything, for a new stream. */
  reset(): void {
    this.phase = { kind: 'silence' };
  }

  private onset(startMs: number, endMs: number): VadEvent | undefined {
    if (endMs - startMs < this.minSpeechMs) {
      this.phase = { kind: 'onset', startMs };
      return undefined;
    }
    this.phase = { kind: 'speech', silenceStartMs: undefined, marks: 0 };
    return { type: 'speech-started', timestampMs: startMs };
  }

  private speech(
    phase: Extract<Phase, { kind: 'speech' }>,
    probability: number,
    timestampMs: number,
    endMs: number,
  ): VadEvent | undefined {
    const { silenceStartMs, marks } = phase;
    const resumes = silenceStartMs === undefined ? this.continueThreshold : this.threshold;
    if (probability >= resumes) {
      this.phase = { kind: 'speech', silenceStartMs: undefined, marks: 0 };
      return marks > 0 ? { type: 'speech-resumed', timestampMs } : undefined;
    }
    const startMs = silenceStartMs ?? timestampMs;
    const silenceMs = endMs - startMs;
    if (silenceMs >= this.trailingSilenceMs) {
      this.phase = { kind: 'silence' };
      return { type: 'speech-stopped', timestampMs: startMs };
    }
    let reached = marks;
    while (reached < this.pauseMarksMs.length && silenceMs >= this.pauseMarksMs[reached]!)
      reached++;
    this.phase = { kind: 'speech', silenceStartMs: startMs, marks: reached };
    return reached > marks ? { type: 'speech-paused', timestampMs: startMs, silenceMs } : undefined;
  }
}
