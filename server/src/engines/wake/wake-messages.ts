// The messages between the wake word pool (main thread) and its workers.
import type { SpeedVariantSettings, WakeDetection, WakeWordModel } from '@jarvis/satellite/engines';

export type ToWakeWorker =
  | {
      type: 'open';
      stream: number;
      models: readonly WakeWordModel[];
      speedVariants?: SpeedVariantSettings;
    }
  | { type: 'audio'; stream: number; seq: number; samples: Int16Array }
  | { type: 'reset'; stream: number }
  | { type: 'close'; stream: number }
  /** Stop: drop the streams, let the model run under way end, release the models, say `closed`. */
  | { type: 'shutdown' };

export type FromWakeWorker =
  /** Every `audio` message up to `seq` of `stream` is processed; `detections` are theirs. */
  | { type: 'done'; stream: number; seq: number; detections: WakeDetection[] }
  /** The stream could not be opened or run (a model failed to load); it is gone. */
  | { type: 'failed'; stream: number; message: string }
  /** After `shutdown`: nothing runs any more, the worker can be ended. */
  | { type: 'closed' };
