/** Silero VAD v5 works on 512-sample frames of 16 kHz audio (32 ms). */
export const VAD_FRAME_SAMPLES = 512;

/** Gives the probability that a frame of 16 kHz audio contains speech. */
export interface VoiceActivityDetector {
  /** Samples per frame (512 at 16 kHz). */
  readonly frameSamples: number;
  /** Speech probability in [0, 1] for one frame of float samples in [-1, 1). */
  process(frame: Float32Array): Promise<number>;
  /** Forgets the recurrent state and context, for a new stream. */
  reset(): void;
  /** Frees the model. */
  close(): Promise<void>;
}

export interface SpeechSegmenterOptions {
  /** Probability at or above which a frame counts as speech (default 0.5). */
  threshold?: number;
  /** Speech must last this long before `speech-started` (default 250 ms). */
  minSpeechMs?: number;
  /** Silence after speech that ends it with `speech-stopped` (default 700 ms). */
  trailingSilenceMs?: number;
  /**
   * Report pauses inside speech: a `speech-paused` each time a silence reaches one of these
   * lengths (ms, below `trailingSilenceMs`), and `speech-resumed` when speech comes back after
   * one. None by default (the server's early endpointing asks for them).
   */
  pauseMarksMs?: readonly number[];
}

export type SpeechEvent =
  { type: 'speech-started'; timestampMs: number } | { type: 'speech-stopped'; timestampMs: number };

/** A pause inside speech (only with `pauseMarksMs`); `timestampMs` is where the silence began. */
export type PauseEvent =
  | { type: 'speech-paused'; timestampMs: number; silenceMs: number }
  /** Speech came back after a reported pause; `timestampMs` is where. */
  | { type: 'speech-resumed'; timestampMs: number };

export type VadEvent = SpeechEvent | PauseEvent;

export function isSpeechEvent(event: VadEvent): event is SpeechEvent {
  return event.type === 'speech-started' || event.type === 'speech-stopped';
}
