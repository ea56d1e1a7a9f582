// The per-wake-word models: a window of embeddings in, one score out.
import type * as ort from '../onnx-runtime.js';
import { classifierWindow, openModel, releaseAll, releaseModel } from './onnx-models.js';
import type { WakeWordModel } from './wake-word.js';

export interface Classifier {
  readonly model: WakeWordModel;
  readonly session: ort.InferenceSession;
  /** How many embeddings (80 ms each) it reads: 16 for the built-in models. */
  readonly window: number;
}

/** Loads every model's classifier; on any failure frees the ones already loaded. */
export async function loadClassifiers(models: readonly WakeWordModel[]): Promise<Classifier[]> {
  const loaded: Classifier[] = [];
  try {
    for (const model of models) {
      const session = await openModel(model.path);
      try {
        loaded.push({ model, session, window: classifierWindow(session, model.path) });
      } catch (error) {
        await releaseModel(session);
        throw error;
      }
    }
    return loaded;
  } catch (error) {
    await releaseAll(loaded.map((classifier) => classifier.session));
    throw error;
  }
}

/** The longest window any classifier reads: how many embeddings the stream keeps. */
export function longestWindow(classifiers: readonly Classifier[]): number {
  return Math.max(1, ...classifiers.map((classifier) => classifier.window));
}
