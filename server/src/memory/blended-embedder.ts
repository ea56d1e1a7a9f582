// Two or more embedders as one: each one's unit vector scaled by the square root of its share and
// put end to end. The result is unit-length and its cosine with another is the shares' weighted
// sum of the parts' cosines, so a store's vector search ranks by the blend.
import { type Embedder, embedMemories } from './embedder.js';

export interface BlendPart {
  readonly embedder: Embedder;
  /** How much its similarity counts; the shares are scaled to sum to 1. */
  readonly share: number;
}

export class BlendedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly #parts: readonly { embedder: Embedder; scale: number }[];

  constructor(parts: readonly BlendPart[]) {
    const total = parts.reduce((sum, p) => sum + p.share, 0);
    if (parts.length === 0 || parts.some((p) => !(p.share >= 0)) || !(total > 0)) {
      throw new RangeError('a blend needs parts with shares ≥ 0 and a positive total');
    }
    const shares = parts.map((p) => p.share / total);
    this.#parts = parts.map((p, i) => ({ embedder: p.embedder, scale: Math.sqrt(shares[i]!) }));
    this.dimensions = parts.reduce((sum, p) => sum + p.embedder.dimensions, 0);
    this.id = `blend(${parts.map((p, i) => `${p.embedder.id}*${+shares[i]!.toFixed(3)}`).join(',')})`;
  }

  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    return this.#joined(texts, (e) => e.embed(texts, signal));
  }

  embedMemories(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    return this.#joined(texts, (e) => embedMemories(e, texts, signal));
  }

  async #joined(texts: readonly string[], embedOne: (e: Embedder) => Promise<Float32Array[]>) {
    const each = await Promise.all(this.#parts.map((p) => embedOne(p.embedder)));
    return texts.map((_, t) => {
      const out = new Float32Array(this.dimensions);
      let at = 0;
      this.#parts.forEach((part, i) => {
        const vector = each[i]![t]!;
        for (let d = 0; d < vector.length; d++) out[at + d] = vector[d]! * part.scale;
        at += part.embedder.dimensions;
      });
      return out;
    });
  }
}
