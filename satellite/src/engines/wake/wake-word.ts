/** Settings of one wake word model. */
export interface WakeWordModel {
  /** Model name as Wyoming names it (`hey_jarvis`). */
  readonly name: string;
  /** The words a person says (`hey jarvis`), listed in `info`. */
  readonly phrase: string;
  /** Path of the classifier `.onnx`. */
  readonly path: string;
  /** Score at or above which an 80 ms step counts as activated (default 0.5). */
  readonly threshold: number;
  /** Activated steps in a row needed to detect (default 1). */
  readonly triggerLevel: number;
  /** After a detection, ignore this model for this long (default 2000 ms). */
  readonly refractoryMs: number;
}

export interface WakeDetection {
  readonly name: string;
  /** Milliseconds from the start of the stream to the end of the step that detected. */
  readonly timestampMs: number;
  /** The classifier's score for that step, in [0, 1]. */
  readonly score: number;
}

/** A streaming wake word detector over 16 kHz mono 16-bit audio. */
export interface WakeWordDetector {
  readonly models: readonly WakeWordModel[];
  /** Feeds samples of any length; returns the detections they complete. */
  process(samples: Int16Array): Promise<WakeDetection[]>;
  /** Forgets buffered audio and features, for a new stream. */
  reset(): void;
  close(): Promise<void>;
}
