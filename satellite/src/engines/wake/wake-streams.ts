// openWakeWord for many streams at once (a server hearing the wake word for every satellite
// that streams all the time). Each 80 ms step gives the same scores as `OpenWakeWord`, but the
// steps due in all streams run together: the embedding model, which costs nine tenths of a step,
// runs once over the whole batch. The melspectrogram runs per stream, because its -80 dB floor
// is taken over its whole input (a batch would let a loud stream floor a quiet one). Speed
// variants, when set, hear a stream's score peaks again slowed down, as `OpenWakeWord` does.
import * as ort from '../onnx-runtime.js';
import { EngineError } from '../../errors.js';
import { type Classifier, longestWindow } from './classifier.js';
import { embed, type FeatureModels, transform } from './features.js';
import {
  EMBEDDING_FRAMES,
  EMBEDDING_SIZE,
  ENGINE,
  FRAMES_PER_STEP,
  MEL_BINS,
  MEL_CONTEXT,
  releaseAll,
  SAMPLE_RATE,
  STEP_SAMPLES,
} from './onnx-models.js';
import { loadWakeModels, type OpenWakeWordOptions } from './openwakeword.js';
import {
  checkSpeedVariants,
  type Rescore,
  rescorer,
  type SpeedVariantSettings,
  VariantTriggers,
} from './speed-variants.js';
import type { WakeDetection, WakeWordModel } from './wake-word.js';

const STEP_MS = (STEP_SAMPLES * 1000) / SAMPLE_RATE;
const STEP_INPUT = MEL_CONTEXT + STEP_SAMPLES;

/** One stream's buffers: audio waiting, the mel window, the embedding history, the triggers. */
class StreamState {
  readonly audio = new Float32Array(STEP_INPUT);
  filled = MEL_CONTEXT;
  readonly pending: Int16Array[] = [];
  pendingSamples = 0;
  pendingOffset = 0;
  readonly melWindow = new Float32Array(EMBEDDING_FRAMES * MEL_BINS);
  readonly history: Float32Array;
  /** Each model's trigger, with speed variants when set. */
  readonly triggers: VariantTriggers;
  steps = 0;

  constructor(
    private readonly features: FeatureModels,
    historyLength: number,
    models: readonly WakeWordModel[],
    variants: SpeedVariantSettings | undefined,
  ) {
    this.history = new Float32Array(historyLength * EMBEDDING_SIZE);
    this.triggers = new VariantTriggers(models, variants);
    this.reset();
  }

  reset(): void {
    this.audio.fill(0);
    this.filled = MEL_CONTEXT;
    this.pending.length = 0;
    this.pendingSamples = 0;
    this.pendingOffset = 0;
    for (let i = 0; i < EMBEDDING_FRAMES; i++) {
      this.melWindow.set(this.features.silenceFrame, i * MEL_BINS);
    }
    for (let i = 0; i < this.history.length; i += EMBEDDING_SIZE) {
      this.history.set(this.features.silenceEmbedding, i);
    }
    this.triggers.reset();
    this.steps = 0;
  }

  /** True when the waiting audio completes a step. */
  get stepDue(): boolean {
    return this.filled + this.pendingSamples >= STEP_INPUT;
  }

  /** Moves waiting samples into the step's buffer until it is full. */
  fill(): void {
    while (this.filled < STEP_INPUT) {
      const chunk = this.pending[0]!;
      const count = Math.min(STEP_INPUT - this.filled, chunk.length - this.pendingOffset);
      for (let i = 0; i < count; i++) this.audio[this.filled + i] = chunk[this.pendingOffset + i]!;
      this.triggers.push(chunk.subarray(this.pendingOffset, this.pendingOffset + count));
      this.filled += count;
      this.pendingOffset += count;
      this.pendingSamples -= count;
      if (this.pendingOffset === chunk.length) {
        this.pending.shift();
        this.pendingOffset = 0;
      }
    }
  }
}

export class WakeWordStreams {
  readonly models: readonly WakeWordModel[];
  readonly #features: FeatureModels;
  readonly #classifiers: readonly Classifier[];
  readonly #historyLength: number;
  readonly #streams = new Map<number, StreamState>();
  readonly #classifierInputs: Float32Array[];
  readonly #melOut = new Float32Array(FRAMES_PER_STEP * MEL_BINS);
  readonly #variants: SpeedVariantSettings | undefined;
  /** Each model's slowed re-scoring (used only with speed variants). */
  readonly #rescore: readonly Rescore[];
  #nextId = 1;
  #busy = false;
  #closed = false;

  private constructor(
    features: FeatureModels,
    classifiers: readonly Classifier[],
    variants: SpeedVariantSettings | undefined,
  ) {
    this.#variants = variants;
    this.models = classifiers.map((classifier) => classifier.model);
    this.#features = features;
    this.#classifiers = classifiers;
    this.#historyLength = longestWindow(classifiers);
    this.#classifierInputs = classifiers.map((c) => new Float32Array(c.window * EMBEDDING_SIZE));
    this.#rescore = classifiers.map((c) => rescorer(features, c, variants?.factors));
  }

  /** Loads the models once for every stream (no verifiers); errors as `OpenWakeWord.load`. */
  static async load(options: OpenWakeWordOptions): Promise<WakeWordStreams> {
    if (options.speedVariants) checkSpeedVariants(options.speedVariants);
    const { features, classifiers } = await loadWakeModels(options);
    return new WakeWordStreams(features, classifiers, options.speedVariants);
  }

  get size(): number {
    return this.#streams.size;
  }

  /** A new stream, as if after silence; returns its id. */
  open(): number {
    if (this.#closed) throw new EngineError(ENGINE, 'the detector is closed');
    const id = this.#nextId++;
    const { models } = this;
    const variants = this.#variants;
    this.#streams.set(id, new StreamState(this.#features, this.#historyLength, models, variants));
    return id;
  }

  /** Forgets a stream's buffered audio and features. */
  reset(id: number): void {
    this.#stream(id).reset();
  }

  closeStream(id: number): void {
    this.#streams.delete(id);
  }

  /** Queues samples for a stream; `run()` processes them. The array must not change after. */
  push(id: number, samples: Int16Array): void {
    const stream = this.#stream(id);
    if (samples.length === 0) return;
    stream.pending.push(samples);
    stream.pendingSamples += samples.length;
  }

  /**
   * Runs every step the queued audio completes, one batch per round (a round takes at most one
   * step from each stream), and returns the detections per stream id. One run at a time.
   */
  async run(): Promise<Map<number, WakeDetection[]>> {
    if (this.#busy) throw new EngineError(ENGINE, 'WakeWordStreams.run is already running');
    this.#busy = true;
    const detections = new Map<number, WakeDetection[]>();
    try {
      for (;;) {
        const due = [...this.#streams].filter(([, stream]) => stream.stepDue);
        if (due.length === 0 || this.#closed) return detections;
        await this.#round(due, detections);
      }
    } finally {
      this.#busy = false;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#streams.clear();
    const { melspectrogram, embedding } = this.#features;
    await releaseAll([
      melspectrogram,
      embedding,
      ...this.#classifiers.map((classifier) => classifier.session),
    ]);
  }

  #stream(id: number): StreamState {
    const stream = this.#streams.get(id);
    if (!stream) throw new EngineError(ENGINE, `no wake word stream ${id}`);
    return stream;
  }

  async #round(
    due: [number, StreamState][],
    detections: Map<number, WakeDetection[]>,
  ): Promise<void> {
    const windows = new Float32Array(due.length * EMBEDDING_FRAMES * MEL_BINS);
    for (let b = 0; b < due.length; b++) {
      const stream = due[b]![1];
      stream.fill();
      await this.#melStep(stream);
      windows.set(stream.melWindow, b * stream.melWindow.length);
    }
    const embeddings = await embed(this.#features.embedding, windows, due.length);
    for (let b = 0; b < due.length; b++) {
      const [id, stream] = due[b]!;
      const { history } = stream;
      history.copyWithin(0, EMBEDDING_SIZE);
      history.set(
        embeddings.subarray(b * EMBEDDING_SIZE, (b + 1) * EMBEDDING_SIZE),
        history.length - EMBEDDING_SIZE,
      );
      stream.steps++;
      const found = await this.#score(stream);
      if (found.length > 0) detections.set(id, [...(detections.get(id) ?? []), ...found]);
    }
  }

  /** Eight new mel frames at the end of the stream's window; the step's audio moves on. */
  async #melStep(stream: StreamState): Promise<void> {
    const session = this.#features.melspectrogram;
    await session.run(
      { [session.inputNames[0]!]: new ort.Tensor('float32', stream.audio, [1, STEP_INPUT]) },
      {
        [session.outputNames[0]!]: new ort.Tensor('float32', this.#melOut, [
          1,
          1,
          FRAMES_PER_STEP,
          MEL_BINS,
        ]),
      },
    );
    transform(this.#melOut);
    const window = stream.melWindow;
    window.copyWithin(0, FRAMES_PER_STEP * MEL_BINS);
    window.set(this.#melOut, window.length - this.#melOut.length);
    stream.audio.copyWithin(0, STEP_SAMPLES);
    stream.filled = MEL_CONTEXT;
  }

  async #score(stream: StreamState): Promise<WakeDetection[]> {
    const found: WakeDetection[] = [];
    const timestampMs = stream.steps * STEP_MS;
    for (let i = 0; i < this.#classifiers.length; i++) {
      const { session, window, model } = this.#classifiers[i]!;
      const input = this.#classifierInputs[i]!;
      input.set(stream.history.subarray(stream.history.length - window * EMBEDDING_SIZE));
      const output = await session.run({
        [session.inputNames[0]!]: new ort.Tensor('float32', input, [1, window, EMBEDDING_SIZE]),
      });
      const score = (output[session.outputNames[0]!]!.data as Float32Array)[0]!;
      const step = await stream.triggers.step(i, score, timestampMs, this.#rescore[i]!);
      if (step.detected) found.push({ name: model.name, timestampMs, score: step.score });
    }
    return found;
  }
}
