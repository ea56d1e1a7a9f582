// Embeddings from Ollama's `/api/embed` (e.g. `nomic-embed-text`, `bge-m3`), through the `ollama`
// client. `create` asks once to learn the model's dimensions. Vectors come back unit-length;
// failures are `EngineError`s (retryable when Ollama could not be reached).
import type { Ollama } from 'ollama';
import { EngineError } from '../errors.js';
import { type Embedder, unitVector } from './embedder.js';

export interface OllamaEmbedderOptions {
  readonly ollama: Ollama;
  readonly model: string;
  /** The model's vector length; `create` finds it out. */
  readonly dimensions?: number;
}

const ENGINE = 'ollama';

/** Rejects with the signal's reason as soon as it aborts (the client has no per-request abort). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

function engineError(model: string, error: unknown): EngineError {
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { status_code?: number }).status_code;
  // A status code means Ollama answered (model missing, bad request); none means it was not there.
  const retryable = status === undefined || status >= 500;
  return new EngineError(ENGINE, `embedding with ${model} failed: ${message}`, {
    retryable,
    cause: error,
  });
}

export class OllamaEmbedder implements Embedder {
  readonly id: string;
  readonly #ollama: Ollama;
  readonly #model: string;
  #dimensions: number | undefined;

  constructor(options: OllamaEmbedderOptions) {
    this.#ollama = options.ollama;
    this.#model = options.model;
    this.#dimensions = options.dimensions;
    this.id = `ollama:${options.model}`;
  }

  /** An embedder for `model`, its dimensions learnt from one `/api/embed` call. */
  static async create(
    options: OllamaEmbedderOptions & { signal?: AbortSignal },
  ): Promise<OllamaEmbedder> {
    const embedder = new OllamaEmbedder(options);
    const [probe] = await embedder.embed(['dimensions'], options.signal);
    embedder.#dimensions = probe!.length;
    return embedder;
  }

  get dimensions(): number {
    if (this.#dimensions === undefined) {
      throw new EngineError(ENGINE, `the dimensions of ${this.#model} are not known yet`);
    }
    return this.#dimensions;
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    signal?.throwIfAborted();
    if (texts.length === 0) return [];
    let response;
    try {
      const request = this.#ollama.embed({ model: this.#model, input: [...texts] });
      response = await abortable(request, signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw engineError(this.#model, error);
    }
    const { embeddings } = response;
    if (!Array.isArray(embeddings) || embeddings.length !== texts.length) {
      throw new EngineError(
        ENGINE,
        `${this.#model} returned ${Array.isArray(embeddings) ? embeddings.length : 'no'} embeddings for ${texts.length} texts`,
      );
    }
    const vectors = embeddings.map(unitVector);
    const expected = this.#dimensions ?? vectors[0]!.length;
    if (vectors.some((v) => v.length !== expected || v.length === 0)) {
      throw new EngineError(ENGINE, `${this.#model} returned vectors of unexpected length`);
    }
    return vectors;
  }
}
