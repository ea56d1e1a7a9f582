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
  /** Memories' vectors when they are made otherwise than a query's (default: `embed`). */
  embedMemories?(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

/** Vectors for memories being stored (not queries). */
export function embedMemories(
  embedder: Embedder,
  texts: readonly string[],
  signal?: AbortSignal,
): Promise<Float32Array[]> {
  return embedder.embedMemories
    ? embedder.embedMemories(texts, signal)
    : embedder.embed(texts, signal);
}

/** `values` scaled to unit length (as they are when all zero or not finite). */
export function unitVector(values: ArrayLike<number>): Float32Array {
  const vector = Float32Array.from(values);
  let sum = 0;
  for (const x of vector) sum += x * x;
  if (sum > 0 && Number.isFinite(sum)) {
    const inv = 1 / Math.sqrt(sum);
    for (let i = 0; i < vector.length; i++) vector[i]! *= inv;
  }
  return vector;
}
