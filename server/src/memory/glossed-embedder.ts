// An embedder whose memory vectors carry what their rare words mean: a memory's vector is its
// text's plus `weight` × the vector of its rare words' definitions (`glosses.ts`), made unit
// length again, so its cosine with a query is mostly the text's and partly the definitions'
// ("where are the plasters and bandages?" meets "the first aid kit…", whose definition is "a kit
// consisting of a set of bandages and medicines…"). Queries are encoded as written unless
// `queries` is set. One vector per memory: the store's schema and search are unchanged.
import { type Embedder, unitVector } from './embedder.js';

export interface GlossedEmbedderOptions {
  readonly inner: Embedder;
  /** The definitions of a text's rare words, "" when it has none. */
  readonly glossOf: (text: string) => string;
  /** How much the definitions' vector counts beside the text's. */
  readonly weight: number;
  /** Whether a query's rare words are defined too (default false). */
  readonly queries?: boolean;
  /** Names how definitions are found, for the stored vectors' id (raise when it changes). */
  readonly glossId: string;
}

export class GlossedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly #options: GlossedEmbedderOptions;

  constructor(options: GlossedEmbedderOptions) {
    this.#options = options;
    this.dimensions = options.inner.dimensions;
    const side = options.queries ? '+queries' : '';
    this.id = `${options.inner.id}+${options.glossId}*${options.weight}${side}`;
  }

  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    return this.#options.queries
      ? this.#withGlosses(texts, signal)
      : this.#options.inner.embed(texts, signal);
  }

  embedMemories(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    return this.#withGlosses(texts, signal);
  }

  async #withGlosses(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const { inner, glossOf, weight } = this.#options;
    const vectors = await inner.embed(texts, signal);
    const glosses = texts.map((t) => glossOf(t));
    const defined = glosses.flatMap((g, i) => (g === '' ? [] : [i]));
    if (defined.length === 0 || weight <= 0) return vectors;
    const extra = await inner.embed(
      defined.map((i) => glosses[i]!),
      signal,
    );
    defined.forEach((i, j) => {
      const text = vectors[i]!;
      const gloss = extra[j]!;
      vectors[i] = unitVector(text.map((x, d) => x + weight * gloss[d]!));
    });
    return vectors;
  }
}
