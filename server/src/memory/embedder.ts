// Turns text into vectors for long-term memory. The built-in hashed n-gram embedder needs no
// model; Ollama's `/api/embed` is used when it is there. A memory store records the embedder's
// `id` and re-embeds everything when it changes.

export interface Embedder {
  /** Names the embedder and its settings, e.g. `hashed-ngram-v1:512` or `ollama:nomic-embed-text`. */
  readonly id: string;
  /** The length of every vector it returns. */
  readonly dimensions: number;
  /** One unit-length vector per text, in order. */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}
