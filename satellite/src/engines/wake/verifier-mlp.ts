// A verifier with one hidden layer (ReLU units), for when a logistic regression on the
// embedding window cannot separate the wake word from hard negatives (near misses heard by a
// wake word model at a low threshold). Mini-batch Adam on the class-weighted log loss; the
// initial weights and the order of the batches come from a seeded generator, so the same
// windows and seed give the same file.
import { seeded } from '../../seeded.js';
import { EMBEDDING_SIZE } from './onnx-models.js';
import {
  sigmoid,
  type TrainOptions,
  trainingSet,
  VERIFIER_FORMAT,
  type VerifierFile,
} from './verifier.js';

export interface MlpOptions extends TrainOptions {
  /** Hidden units (default 16). */
  readonly hidden?: number;
  /** Passes over the windows (default 20). */
  readonly epochs?: number;
  /** Windows per step (default 128). */
  readonly batch?: number;
  readonly seed?: number;
}

/** Adam over one flat parameter vector. */
function adam(size: number, rate: number) {
  const [beta1, beta2] = [0.9, 0.999];
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let t = 0;
  return (theta: Float64Array, gradient: Float64Array) => {
    t++;
    for (let j = 0; j < size; j++) {
      const g = gradient[j]!;
      m[j] = beta1 * m[j]! + (1 - beta1) * g;
      v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
      theta[j] =
        theta[j]! -
        (rate * m[j]!) / (1 - beta1 ** t) / (Math.sqrt(v[j]! / (1 - beta2 ** t)) + 1e-8);
    }
  };
}

export function trainMlpVerifier(options: MlpOptions): VerifierFile {
  const units = options.hidden ?? 16;
  const { size, all, mean, scale, y } = trainingSet(options);
  const x = all.map((w) => Float32Array.from(w, (v, j) => (v - mean[j]!) / scale[j]!));
  // Each class weighs half of the loss whatever its count.
  const weightOf = [
    all.length / 2 / options.negatives.length,
    all.length / 2 / options.positives.length,
  ];
  const random = seeded(options.seed ?? 1);
  // Parameters: hidden weights (units x size), hidden biases, output weights, output bias.
  const theta = new Float64Array(units * size + units + units + 1);
  const [hb, ow, ob] = [units * size, units * size + units, units * size + 2 * units];
  const inScale = Math.sqrt(6 / size);
  for (let j = 0; j < units * size; j++) theta[j] = (random() * 2 - 1) * inScale;
  for (let k = 0; k < units; k++) theta[ow + k] = (random() * 2 - 1) * Math.sqrt(6 / units);
  const gradient = new Float64Array(theta.length);
  const step = adam(theta.length, 1e-3);
  const l2 = options.l2 ?? 1e-3;
  const batch = options.batch ?? 128;
  const order = [...all.keys()];
  const h = new Float64Array(units);
  for (let epoch = 0; epoch < (options.epochs ?? 20); epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let from = 0; from < order.length; from += batch) {
      const chosen = order.slice(from, from + batch);
      gradient.fill(0);
      for (const i of chosen) {
        const xi = x[i]!;
        let z = theta[ob]!;
        for (let k = 0; k < units; k++) {
          let a = theta[hb + k]!;
          const base = k * size;
          for (let j = 0; j < size; j++) a += theta[base + j]! * xi[j]!;
          h[k] = a > 0 ? a : 0;
          z += theta[ow + k]! * h[k]!;
        }
        const dz = ((sigmoid(z) - y[i]!) * weightOf[y[i]!]!) / chosen.length;
        gradient[ob] = gradient[ob]! + dz;
        for (let k = 0; k < units; k++) {
          gradient[ow + k] = gradient[ow + k]! + dz * h[k]!;
          if (h[k]! <= 0) continue;
          const dh = dz * theta[ow + k]!;
          gradient[hb + k] = gradient[hb + k]! + dh;
          const base = k * size;
          for (let j = 0; j < size; j++) gradient[base + j] = gradient[base + j]! + dh * xi[j]!;
        }
      }
      for (let j = 0; j < hb; j++) gradient[j] = gradient[j]! + l2 * theta[j]!;
      step(theta, gradient);
    }
  }
  return {
    format: VERIFIER_FORMAT,
    version: 2,
    wakeWord: options.wakeWord,
    window: options.window,
    embeddingSize: EMBEDDING_SIZE,
    mean: [...mean],
    scale: [...scale],
    weights: [...theta.subarray(ow, ow + units)],
    bias: theta[ob]!,
    hidden: { weights: [...theta.subarray(0, hb)], bias: [...theta.subarray(hb, ow)] },
    threshold: options.threshold ?? 0.5,
    trained: {
      positives: options.positives.length,
      negatives: options.negatives.length,
      date: new Date().toISOString(),
    },
  };
}
