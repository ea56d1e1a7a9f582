// Personal verification (openWakeWord's custom verifier): a logistic regression on the window
// of speech embeddings a wake word classifier read when it fired, trained on the household
// saying the wake word against other speech. It confirms or refuses each detection. Saved as
// JSON next to the satellite's config.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import { EMBEDDING_SIZE } from './onnx-models.js';

export const VERIFIER_FORMAT = 'jarvis-wake-verifier';

const VerifierFileSchema = z
  .object({
    format: z.literal(VERIFIER_FORMAT),
    // 2: with a hidden layer.
    version: z.union([z.literal(1), z.literal(2)]),
    wakeWord: z.string().min(1),
    window: z.number().int().min(1).max(64),
    embeddingSize: z.literal(EMBEDDING_SIZE),
    mean: z.array(z.number()),
    scale: z.array(z.number().positive()),
    /** The output's weights: one per input value, or one per hidden unit. */
    weights: z.array(z.number()),
    bias: z.number(),
    /** One hidden layer (ReLU) before the output: unit by unit, its input weights. */
    hidden: z.object({ weights: z.array(z.number()), bias: z.array(z.number()) }).optional(),
    threshold: z.number().gt(0).lt(1),
    trained: z.object({
      positives: z.number().int(),
      negatives: z.number().int(),
      date: z.string(),
      /** Trained on RNNoise's output; absent in files from before it was recorded. */
      noiseSuppression: z.boolean().optional(),
    }),
  })
  .strict()
  .refine((f) => [f.mean, f.scale].every((a) => a.length === f.window * f.embeddingSize), {
    message: 'mean and scale must hold window x embeddingSize values',
  })
  .refine(
    (f) =>
      f.hidden
        ? f.version === 2 &&
          f.weights.length === f.hidden.bias.length &&
          f.hidden.weights.length === f.hidden.bias.length * f.window * f.embeddingSize
        : f.version === 1 && f.weights.length === f.window * f.embeddingSize,
    { message: 'weights must hold window x embeddingSize values (x hidden units in version 2)' },
  );

export type VerifierFile = z.output<typeof VerifierFileSchema>;

export interface TrainOptions {
  readonly wakeWord: string;
  /** Embeddings per window (the classifier's window: 16 for the built-in models). */
  readonly window: number;
  /** Windows of the wake word said by the household, each window x 96 values. */
  readonly positives: readonly Float32Array[];
  /** Windows of other speech. */
  readonly negatives: readonly Float32Array[];
  /** Probability at or above which a detection is confirmed (default 0.5). */
  readonly threshold?: number;
  /** L2 penalty (default 1e-2 per weight, on standardised features). */
  readonly l2?: number;
  readonly iterations?: number;
}

/**
 * Trains the verifier: features standardised, classes weighted equally whatever their counts,
 * full-batch gradient descent on the L2-penalised log loss. Deterministic.
 */
export function trainVerifier(options: TrainOptions): VerifierFile {
  const { all, mean, scale, y } = trainingSet(options);
  const x = all.map((w) => Float64Array.from(w, (v, j) => (v - mean[j]!) / scale[j]!));
  const classWeight = [0.5 / options.negatives.length, 0.5 / options.positives.length];
  const { weights, bias } = descend(
    x,
    y,
    classWeight,
    options.l2 ?? 1e-2,
    options.iterations ?? 300,
  );
  return {
    format: VERIFIER_FORMAT,
    version: 1,
    wakeWord: options.wakeWord,
    window: options.window,
    embeddingSize: EMBEDDING_SIZE,
    mean: [...mean],
    scale: [...scale],
    weights: [...weights],
    bias,
    threshold: options.threshold ?? 0.5,
    trained: {
      positives: options.positives.length,
      negatives: options.negatives.length,
      date: new Date().toISOString(),
    },
  };
}

/**
 * The windows checked (both kinds, each of window x 96 values), positives first; each value's
 * mean and standard deviation (at least 1e-3); the labels.
 */
export function trainingSet(options: TrainOptions) {
  const size = options.window * EMBEDDING_SIZE;
  const all = [...options.positives, ...options.negatives];
  if (options.positives.length === 0 || options.negatives.length === 0) {
    throw new ConfigError('the verifier needs wake word clips and other speech', 'enroll');
  }
  for (const w of all) {
    if (w.length !== size) throw new RangeError(`a window holds ${w.length} values, not ${size}`);
  }
  const y = all.map((_, i) => (i < options.positives.length ? 1 : 0));
  return { size, all, y, ...standardisation(all, size) };
}

function standardisation(all: readonly Float32Array[], size: number) {
  const mean = new Float64Array(size);
  const scale = new Float64Array(size);
  for (const w of all) for (let j = 0; j < size; j++) mean[j] = mean[j]! + w[j]! / all.length;
  for (const w of all) {
    for (let j = 0; j < size; j++) scale[j] = scale[j]! + (w[j]! - mean[j]!) ** 2 / all.length;
  }
  for (let j = 0; j < size; j++) scale[j] = Math.max(1e-3, Math.sqrt(scale[j]!));
  return { mean, scale };
}

/** Adam on the class-weighted, L2-penalised log loss: weights and bias. */
function descend(
  x: readonly Float64Array[],
  y: readonly number[],
  classWeight: readonly number[],
  l2: number,
  iterations: number,
): { weights: Float64Array; bias: number } {
  const size = x[0]!.length + 1;
  const theta = new Float64Array(size);
  const gradient = new Float64Array(size);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const [rate, beta1, beta2] = [0.01, 0.9, 0.999];
  for (let t = 1; t <= iterations; t++) {
    gradient.fill(0);
    x.forEach((xi, i) => {
      let z = theta[size - 1]!;
      for (let j = 0; j < xi.length; j++) z += theta[j]! * xi[j]!;
      const g = (sigmoid(z) - y[i]!) * classWeight[y[i]!]!;
      for (let j = 0; j < xi.length; j++) gradient[j] = gradient[j]! + g * xi[j]!;
      gradient[size - 1] = gradient[size - 1]! + g;
    });
    for (let j = 0; j < size; j++) {
      const g = gradient[j]! + (j < size - 1 ? l2 * theta[j]! : 0);
      m[j] = beta1 * m[j]! + (1 - beta1) * g;
      v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
      const step = m[j]! / (1 - beta1 ** t) / (Math.sqrt(v[j]! / (1 - beta2 ** t)) + 1e-8);
      theta[j] = theta[j]! - rate * step;
    }
  }
  return { weights: theta.subarray(0, size - 1), bias: theta[size - 1]! };
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += a[j]! * b[j]!;
  return sum;
}

/** A loaded verifier: the probability that a window of embeddings is the household's wake word. */
export class Verifier {
  readonly wakeWord: string;
  readonly window: number;
  threshold: number;
  readonly #weights: Float64Array;
  readonly #bias: number;
  /** With a hidden layer: its units' weights and biases on the raw embeddings. */
  readonly #hidden: { weights: Float64Array; bias: Float64Array }[] = [];

  /** The file it came from, for error messages. */
  readonly source: string;
  /** Trained on RNNoise's output (undefined: the file does not say). */
  readonly trainedWithNoiseSuppression: boolean | undefined;

  constructor(file: VerifierFile, source = 'verifier') {
    this.source = source;
    this.wakeWord = file.wakeWord;
    this.window = file.window;
    this.threshold = file.threshold;
    this.trainedWithNoiseSuppression = file.trained.noiseSuppression;
    // w . (x - m) / s + b = (w / s) . x + (b - sum(w m / s)): one dot product per unit.
    const unstandardised = (weights: ArrayLike<number>, bias: number) => {
      const w = Float64Array.from(weights, (v, j) => v / file.scale[j]!);
      return { weights: w, bias: bias - dot(w, file.mean) };
    };
    const size = file.window * file.embeddingSize;
    if (file.hidden) {
      for (let k = 0; k < file.hidden.bias.length; k++) {
        const unit = file.hidden.weights.slice(k * size, (k + 1) * size);
        const { weights, bias } = unstandardised(unit, file.hidden.bias[k]!);
        this.#hidden.push({ weights, bias: Float64Array.of(bias) });
      }
      this.#weights = Float64Array.from(file.weights);
      this.#bias = file.bias;
    } else {
      const { weights, bias } = unstandardised(file.weights, file.bias);
      this.#weights = weights;
      this.#bias = bias;
    }
  }

  /** `window` x 96 embeddings, oldest first (the newest `window` of a longer history). */
  probability(embeddings: Float32Array): number {
    const values = embeddings.subarray(embeddings.length - this.window * EMBEDDING_SIZE);
    if (this.#hidden.length === 0) return sigmoid(dot(this.#weights, values) + this.#bias);
    const units = this.#hidden.map((u) => Math.max(0, dot(u.weights, values) + u.bias[0]!));
    return sigmoid(dot(this.#weights, units) + this.#bias);
  }

  confirms(embeddings: Float32Array): boolean {
    return this.probability(embeddings) >= this.threshold;
  }
}

/**
 * Reads a verifier file for one of `wakeWords`. A missing, unreadable or corrupt file, or one
 * trained for another wake word, is a `ConfigError` naming the file.
 */
export function loadVerifier(path: string, wakeWords: readonly string[]): Verifier {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read the verifier: ${(error as Error).message}`, path);
  }
  const result = VerifierFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.join('.') || 'file';
    throw new ConfigError(`not a verifier file (${where}: ${issue.message})`, path);
  }
  if (!wakeWords.includes(result.data.wakeWord)) {
    throw new ConfigError(
      `the verifier is for ${result.data.wakeWord}, not a wake word listened for ` +
        `(${wakeWords.join(', ')}): enrol again for the wake word`,
      path,
    );
  }
  return new Verifier(result.data, path);
}
