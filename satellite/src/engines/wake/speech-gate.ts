// The speech gate: a wake word detection counts only when Silero VAD heard speech in the audio
// that triggered it, as openWakeWord's `vad_threshold` does (it looks at the VAD scores of the
// 80 ms chunks 7 to 5 back from the detection: 560 to 320 ms before it, where the phrase was
// said, since the wake word's score peaks after the phrase ends).

export interface SpeechGateOptions {
  /** Speech probability the window must reach; 0 lets everything through. */
  readonly threshold: number;
  /** The window: VAD frames ending after `fromMs` and up to `toMs` before the detection. */
  readonly fromMs?: number;
  readonly toMs?: number;
}

interface Frame {
  readonly endMs: number;
  readonly probability: number;
}

export class SpeechGate {
  readonly threshold: number;
  private readonly fromMs: number;
  private readonly toMs: number;
  private readonly frames: Frame[] = [];

  constructor(options: SpeechGateOptions) {
    this.threshold = options.threshold;
    this.fromMs = options.fromMs ?? 560;
    this.toMs = options.toMs ?? 320;
    if (!(this.fromMs > this.toMs && this.toMs >= 0)) {
      throw new RangeError(`speech gate window ${this.fromMs}..${this.toMs} ms is empty`);
    }
  }

  /** One VAD frame's probability, frames in time order; keeps only what a window can need. */
  add(endMs: number, probability: number): void {
    this.frames.push({ endMs, probability });
    while (this.frames.length > 0 && this.frames[0]!.endMs <= endMs - this.fromMs - 1000) {
      this.frames.shift();
    }
  }

  /** The best speech probability in the window before `atMs` (0 when no frame is there). */
  speechBefore(atMs: number): number {
    let best = 0;
    for (const frame of this.frames) {
      if (frame.endMs > atMs - this.fromMs && frame.endMs <= atMs - this.toMs) {
        best = Math.max(best, frame.probability);
      }
    }
    return best;
  }

  /** Whether a detection at `atMs` counts. */
  confirms(atMs: number): boolean {
    return this.threshold <= 0 || this.speechBefore(atMs) >= this.threshold;
  }

  reset(): void {
    this.frames.length = 0;
  }
}
