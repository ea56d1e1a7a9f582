// The part of openWakeWord every wake word shares: 16 kHz audio -> mel frames -> 96-value
// speech embeddings, one embedding per 80 ms step.
import * as ort from '../onnx-runtime.js';
import {
  checkEmbedding,
  checkMelspectrogram,
  EMBEDDING_FRAMES,
  EMBEDDING_SIZE,
  FRAMES_PER_STEP,
  MEL_BINS,
  MEL_CONTEXT,
  openModel,
  releaseModel,
  STEP_SAMPLES,
} from './onnx-models.js';

/** The two shared models, and what they make of digital silence. */
export interface FeatureModels {
  readonly melspectrogram: ort.InferenceSession;
  readonly embedding: ort.InferenceSession;
  /** One mel frame of digital silence, transformed. */
  readonly silenceFrame: Float32Array;
  /** The embedding of a window of silence frames. */
  readonly silenceEmbedding: Float32Array;
}

export async function loadFeatureModels(
  melspectrogramPath: string,
  embeddingPath: string,
): Promise<FeatureModels> {
  const melspectrogram = await openModel(melspectrogramPath);
  let embedding: ort.InferenceSession | undefined;
  try {
    checkMelspectrogram(melspectrogram, melspectrogramPath);
    embedding = await openModel(embeddingPath);
    checkEmbedding(embedding, embeddingPath);
    const frames = await melFrames(melspectrogram, new Float32Array(MEL_CONTEXT + STEP_SAMPLES));
    const silenceFrame = frames.slice(0, MEL_BINS);
    transform(silenceFrame);
    const window = new Float32Array(EMBEDDING_FRAMES * MEL_BINS);
    for (let i = 0; i < EMBEDDING_FRAMES; i++) window.set(silenceFrame, i * MEL_BINS);
    const silenceEmbedding = await embed(embedding, window, 1);
    return { melspectrogram, embedding, silenceFrame, silenceEmbedding };
  } catch (error) {
    await releaseModel(melspectrogram);
    if (embedding) await releaseModel(embedding);
    throw error;
  }
}

/**
 * openWakeWord's transform of the ONNX melspectrogram (dB) towards the scale of Google's
 * TensorFlow speech_embedding front end, which the embedding model was trained on.
 */
export function transform(values: Float32Array): void {
  for (let i = 0; i < values.length; i++) values[i] = values[i]! / 10 + 2;
}

/**
 * Mel frames of `audio` (samples on the int16 scale) in dB, not transformed: frames x 32.
 * Not frame by frame: the model clips every value to at least (its input's maximum - 80 dB).
 */
export async function melFrames(
  session: ort.InferenceSession,
  audio: Float32Array,
): Promise<Float32Array> {
  const input = new ort.Tensor('float32', audio, [1, audio.length]);
  const output = (await session.run({ [session.inputNames[0]!]: input }))[session.outputNames[0]!];
  return output!.data as Float32Array;
}

/** Embeddings of `count` windows of 76 mel frames, stored one after the other. */
export async function embed(
  session: ort.InferenceSession,
  windows: Float32Array,
  count: number,
): Promise<Float32Array> {
  const input = new ort.Tensor('float32', windows, [count, EMBEDDING_FRAMES, MEL_BINS, 1]);
  const output = await session.run({ [session.inputNames[0]!]: input });
  return output[session.outputNames[0]!]!.data as Float32Array;
}

/**
 * Streams audio into embeddings as openWakeWord's `AudioFeatures` does: per 80 ms step, the
 * melspectrogram of the step's 1280 samples and the 480 before them, then one embedding of the
 * last 76 mel frames. Except at the start: openWakeWord fills its buffers with mel frames of
 * ones and embeddings of random noise, and zeroes its first five scores; here a stream starts
 * as if after digital silence, which is deterministic, gives real scores from the first step,
 * and lets `batchScores` reproduce the stream. Buffers are allocated once; ONNX writes into
 * preallocated outputs.
 */
export class FeatureStream {
  /** The last `historyLength` embeddings, oldest first, newest last. */
  readonly history: Float32Array;
  /** The mel context of the previous step followed by this step's samples. */
  readonly #audio = new Float32Array(MEL_CONTEXT + STEP_SAMPLES);
  #filled = MEL_CONTEXT;
  /** The last 76 mel frames: the embedding model's input. */
  readonly #melWindow = new Float32Array(EMBEDDING_FRAMES * MEL_BINS);
  readonly #melOut = new Float32Array(FRAMES_PER_STEP * MEL_BINS);
  readonly #embeddingOut = new Float32Array(EMBEDDING_SIZE);
  readonly #melFeeds: ort.InferenceSession.FeedsType;
  readonly #melFetches: ort.InferenceSession.FetchesType;
  readonly #embeddingFeeds: ort.InferenceSession.FeedsType;
  readonly #embeddingFetches: ort.InferenceSession.FetchesType;

  constructor(
    readonly models: FeatureModels,
    historyLength: number,
  ) {
    this.history = new Float32Array(historyLength * EMBEDDING_SIZE);
    const { melspectrogram: mel, embedding } = models;
    this.#melFeeds = {
      [mel.inputNames[0]!]: new ort.Tensor('float32', this.#audio, [1, this.#audio.length]),
    };
    this.#melFetches = {
      [mel.outputNames[0]!]: new ort.Tensor('float32', this.#melOut, [
        1,
        1,
        FRAMES_PER_STEP,
        MEL_BINS,
      ]),
    };
    this.#embeddingFeeds = {
      [embedding.inputNames[0]!]: new ort.Tensor('float32', this.#melWindow, [
        1,
        EMBEDDING_FRAMES,
        MEL_BINS,
        1,
      ]),
    };
    this.#embeddingFetches = {
      [embedding.outputNames[0]!]: new ort.Tensor('float32', this.#embeddingOut, [
        1,
        1,
        1,
        EMBEDDING_SIZE,
      ]),
    };
    this.reset();
  }

  reset(): void {
    this.#audio.fill(0);
    this.#filled = MEL_CONTEXT;
    for (let i = 0; i < EMBEDDING_FRAMES; i++) {
      this.#melWindow.set(this.models.silenceFrame, i * MEL_BINS);
    }
    for (let i = 0; i < this.history.length; i += EMBEDDING_SIZE) {
      this.history.set(this.models.silenceEmbedding, i);
    }
  }

  /** True when a whole step of audio is waiting for `step()`. */
  get ready(): boolean {
    return this.#filled === this.#audio.length;
  }

  /** Copies samples from `offset` until the step is full; returns how many it took. */
  take(samples: Int16Array, offset: number): number {
    const count = Math.min(this.#audio.length - this.#filled, samples.length - offset);
    const audio = this.#audio;
    for (let i = 0; i < count; i++) audio[this.#filled + i] = samples[offset + i]!;
    this.#filled += count;
    return count;
  }

  /** Runs one 80 ms step: eight new mel frames, one new embedding at the end of `history`. */
  async step(): Promise<void> {
    await this.models.melspectrogram.run(this.#melFeeds, this.#melFetches);
    transform(this.#melOut);
    const window = this.#melWindow;
    window.copyWithin(0, FRAMES_PER_STEP * MEL_BINS);
    window.set(this.#melOut, window.length - this.#melOut.length);
    this.#audio.copyWithin(0, STEP_SAMPLES);
    this.#filled = MEL_CONTEXT;

    await this.models.embedding.run(this.#embeddingFeeds, this.#embeddingFetches);
    this.history.copyWithin(0, EMBEDDING_SIZE);
    this.history.set(this.#embeddingOut, this.history.length - EMBEDDING_SIZE);
  }
}
