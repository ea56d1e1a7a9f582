// Moonshine (English, tiny or base), a small neural speech recogniser: an encoder over raw 16 kHz audio and
// a decoder that writes Llama tokens one at a time (greedy). The quantized weights are the files
// the `@usefulsensors/moonshine-js` npm package ships (MIT, Useful Sensors); they run here on
// onnxruntime-node's CPU backend. Nothing is fetched: a missing package is an EngineError.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import llamaTokenizer from 'llama-tokenizer-js';
import { ort } from '@jarvis/satellite/engines';
import { EngineError } from '../../errors.js';

const ENGINE = 'moonshine';
/**
 * Where each size's quantized weights are: tiny in the package version the project uses; base
 * (English, MIT) only in versions 0.1.5-0.1.17, installed under the alias `moonshine-base-en`
 * (later versions ship a non-commercial Spanish base instead).
 */
const PACKAGES = {
  tiny: { name: '@usefulsensors/moonshine-js', folder: 'tiny' },
  base: { name: 'moonshine-base-en', folder: 'base' },
} as const;
export type MoonshineSize = keyof typeof PACKAGES;
const SAMPLE_RATE = 16000;
/** A decoder's layers, key/value heads and head size (tiny: 6, 8, 36; base: 8, 8, 52). */
export interface DecoderShape {
  readonly layers: number;
  readonly heads: number;
  readonly headSize: number;
}
const START_TOKEN = 1;
const END_TOKEN = 2;
/** Ids above the Llama vocabulary are Moonshine's special tokens: never text. */
const VOCABULARY = 32000;
/** The model card's bound: about six tokens a second of speech. */
const TOKENS_PER_SECOND = 6;
/** Shorter audio gives the encoder nothing to read (the model takes 0.1 s to 64 s). */
const MIN_SAMPLES = SAMPLE_RATE / 10;
const MAX_SAMPLES = SAMPLE_RATE * 64;

export interface MoonshineOptions {
  /** The folder with `encoder_model.onnx` and `decoder_model_merged.onnx`; default: `size`'s. */
  readonly modelDir?: string;
  /** Which of the packaged models (default tiny: base hears better, at 1.4 times the CPU). */
  readonly size?: MoonshineSize;
  /** CPU threads per session (default 1: a satellite's turn should not starve the others). */
  readonly threads?: number;
}

/** The package's `dist/model/<size>/quantized` folder, found the way Node finds packages. */
export function defaultMoonshineDir(
  from = dirname(fileURLToPath(import.meta.url)),
  size: MoonshineSize = 'tiny',
): string {
  const { name, folder } = PACKAGES[size];
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, 'dist', 'model', folder, 'quantized');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) {
      throw new EngineError(
        ENGINE,
        `the ${name} package (its model files) is not installed: run \`npm ci\` in the Jarvis folder`,
      );
    }
  }
}

/** 16-bit little-endian PCM to floats in [-1, 1). */
export function pcmToFloat(pcm: Uint8Array): Float32Array {
  const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength & ~1);
  const out = new Float32Array(view.byteLength / 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true) / 32768;
  return out;
}

type Feeds = Record<string, ort.Tensor>;

export interface PhraseScores {
  readonly text: string;
  readonly textLogProb: number;
  /** Per phrase asked about, in order. */
  readonly phraseLogProbs: readonly number[];
}

export interface MoonshineDecode {
  readonly text: string;
  /** Natural log of the probability of each token chosen, in order; the end token last. */
  readonly logProbs: readonly number[];
  /** False when the decoder was stopped at the length bound before its end token. */
  readonly ended: boolean;
}

interface Steps {
  readonly tokens: readonly number[];
  readonly logProbs: readonly number[];
  readonly ended: boolean;
}

function textOf(tokens: readonly number[]): string {
  const text = tokens.filter((id) => id < VOCABULARY);
  return text.length === 0 ? '' : llamaTokenizer.decode(text, false).trim();
}

const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export class MoonshineRecognizer {
  private closing: Promise<void> | undefined;

  private constructor(
    /** Which weights (their folder): decodes by the same model are interchangeable. */
    readonly model: string,
    private readonly encoder: ort.InferenceSession,
    private readonly decoder: ort.InferenceSession,
    private readonly shape: DecoderShape,
  ) {}

  /** Loads both sessions; throws EngineError when the files are missing or unreadable. */
  static async load(options: MoonshineOptions = {}): Promise<MoonshineRecognizer> {
    const dir = options.modelDir ?? defaultMoonshineDir(undefined, options.size);
    const threads = options.threads ?? 1;
    const session = { intraOpNumThreads: threads, interOpNumThreads: 1 };
    try {
      const encoder = await ort.InferenceSession.create(join(dir, 'encoder_model.onnx'), session);
      const decoder = await ort.InferenceSession.create(
        join(dir, 'decoder_model_merged.onnx'),
        session,
      ).catch(async (error: unknown) => {
        await encoder.release();
        throw error;
      });
      try {
        return new MoonshineRecognizer(dir, encoder, decoder, decoderShape(decoder));
      } catch (error) {
        await Promise.all([encoder.release(), decoder.release()]);
        throw error;
      }
    } catch (error) {
      throw new EngineError(ENGINE, `cannot load the Moonshine model from ${dir}`, {
        cause: error,
      });
    }
  }

  /** What was said in `pcm` (16 kHz mono 16-bit), as Moonshine writes it; '' for too little audio. */
  async transcribe(pcm: Uint8Array, signal?: AbortSignal): Promise<string> {
    return (await this.decode(pcm, signal)).text;
  }

  /** The text, with the log-probability of every token the decoder chose (its end token too). */
  async decode(pcm: Uint8Array, signal?: AbortSignal): Promise<MoonshineDecode> {
    const hidden = await this.encode(pcm);
    if (!hidden) return { text: '', logProbs: [], ended: true };
    const { tokens, logProbs, ended } = await this.steps(hidden.state, hidden.limit, signal);
    return { text: textOf(tokens), logProbs, ended };
  }

  /**
   * What was said, and how likely Moonshine finds each of `phrases` as the whole of it: the
   * log-probabilities of the transcript's tokens and of each phrase's (read forcibly, without
   * the end token), from one run of the encoder. Undefined for too little audio.
   */
  async scorePhrases(
    pcm: Uint8Array,
    phrases: readonly string[],
    signal?: AbortSignal,
  ): Promise<PhraseScores | undefined> {
    const hidden = await this.encode(pcm);
    if (!hidden) return undefined;
    const said = await this.steps(hidden.state, hidden.limit, signal);
    const phraseLogProbs: number[] = [];
    for (const phrase of phrases) {
      const forced = llamaTokenizer.encode(phrase, false) as number[];
      const read = await this.steps(hidden.state, forced.length, signal, forced);
      phraseLogProbs.push(total(read.logProbs));
    }
    return { text: textOf(said.tokens), textLogProb: total(said.logProbs), phraseLogProbs };
  }

  private async encode(pcm: Uint8Array) {
    const audio = pcmToFloat(pcm);
    if (audio.length < MIN_SAMPLES) return undefined;
    const samples = audio.length > MAX_SAMPLES ? audio.subarray(0, MAX_SAMPLES) : audio;
    const encoded = await this.encoder.run({
      input_values: new ort.Tensor('float32', samples, [1, samples.length]),
    });
    const state = encoded.last_hidden_state;
    if (!state) throw new EngineError(ENGINE, 'the encoder gave no last_hidden_state');
    const limit = Math.max(1, Math.trunc((samples.length / SAMPLE_RATE) * TOKENS_PER_SECOND));
    return { state, limit };
  }

  /** Greedy tokens (or `forced` ones) and the log-probability of each (greedy: the end's too). */
  private async steps(
    hidden: ort.Tensor,
    limit: number,
    signal?: AbortSignal,
    forced?: readonly number[],
  ): Promise<Steps> {
    let past = emptyCache(this.shape);
    const tokens: number[] = [];
    const logProbs: number[] = [];
    let next = START_TOKEN;
    for (let step = 0; step < limit; step++) {
      signal?.throwIfAborted();
      const output = await this.decoder.run({
        input_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(next)), [1, 1]),
        encoder_hidden_states: hidden,
        use_cache_branch: new ort.Tensor('bool', [step > 0], [1]),
        ...past,
      });
      const logits = output.logits!.data as Float32Array;
      next = forced ? forced[step]! : argMax(logits);
      logProbs.push(logProbability(logits, next));
      if (next === END_TOKEN) return { tokens, logProbs, ended: true };
      tokens.push(next);
      past = nextCache(past, output, step === 0);
    }
    return { tokens, logProbs, ended: false };
  }

  /** Releases both sessions; once (the engines that share it may each close it). */
  close(): Promise<void> {
    this.closing ??= Promise.all([this.encoder.release(), this.decoder.release()]).then(() => {});
    return this.closing;
  }
}

/** The shape the decoder declares for its first layer's cache, and how many layers it has. */
export function decoderShape(
  decoder: Pick<ort.InferenceSession, 'inputNames' | 'inputMetadata'>,
): DecoderShape {
  const layers = decoder.inputNames.filter((name) =>
    /^past_key_values\.\d+\.decoder\.key$/.test(name),
  );
  const first = decoder.inputMetadata.find(
    (input) => input.name === 'past_key_values.0.decoder.key',
  );
  const [, heads, , headSize] = first?.isTensor ? first.shape : [];
  if (layers.length === 0 || typeof heads !== 'number' || typeof headSize !== 'number') {
    throw new EngineError(ENGINE, 'the decoder does not declare its key/value cache');
  }
  return { layers: layers.length, heads, headSize };
}

/** Every layer's decoder and encoder key/value cache, empty before the first step. */
function emptyCache(shape: DecoderShape): Feeds {
  const feeds: Feeds = {};
  for (let layer = 0; layer < shape.layers; layer++) {
    for (const side of ['decoder', 'encoder']) {
      for (const part of ['key', 'value']) {
        feeds[`past_key_values.${layer}.${side}.${part}`] = new ort.Tensor(
          'float32',
          new Float32Array(0),
          [1, shape.heads, 0, shape.headSize],
        );
      }
    }
  }
  return feeds;
}

/**
 * The cache for the next step: the decoder's grows every step; the encoder's is computed once,
 * at the first step (the merged model returns it empty afterwards).
 */
function nextCache(past: Feeds, output: ort.InferenceSession.OnnxValueMapType, first: boolean) {
  const next: Feeds = { ...past };
  for (const key of Object.keys(past)) {
    const present = output[key.replace('past_key_values', 'present')];
    if (present && (first || key.includes('.decoder.'))) next[key] = present as ort.Tensor;
  }
  return next;
}

/** log softmax(logits)[index], computed stably. */
export function logProbability(logits: Float32Array, index: number): number {
  let max = -Infinity;
  for (const value of logits) if (value > max) max = value;
  let sum = 0;
  for (const value of logits) sum += Math.exp(value - max);
  return logits[index]! - max - Math.log(sum);
}

function argMax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
