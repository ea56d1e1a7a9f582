// The built-in embedder: no model, deterministic, fast. Signed feature hashing of stemmed words,
// lexicon concepts, word bigrams and character n-grams into a fixed number of dimensions, each
// feature group weighted and scaled to a set share of the vector, then L2-normalised.
import type { Embedder } from './embedder.js';
import { HOUSEHOLD_LEXICON, type Lexicon, NO_LEXICON } from './lexicon.js';
import { analyse } from './terms.js';
import { words } from './text-analysis.js';

export interface HashedEmbedderOptions {
  /** Vector length (default 512). */
  readonly dimensions?: number;
  /**
   * What texts are analysed with: true for the bilingual household lexicon (the default), false
   * for none, or a lexicon (the household one with WordNet's tags).
   */
  readonly lexicon?: boolean | Lexicon;
}

/** How much of the vector each feature group gets (before the final normalisation). */
const GROUP_WEIGHTS = {
  word: 1,
  concept: 0.4,
  category: 0.15,
  bigram: 0.35,
  chars: 0.55,
  // WordNet's tags, when the lexicon has them (chosen on the development sets).
  sense: 0.3,
  // French words' English words, when a dictionary is there.
  translated: 0.5,
} as const;
const CHAR_NGRAMS = [3, 4, 5] as const;

/** FNV-1a, 32 bits, over UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads the bits of a 32-bit hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

type Features = Map<string, number>;

/** Sublinear term frequency: 1 + ln(tf) for counts, the weight itself below one. */
const sublinear = (tf: number) => (tf > 1 ? 1 + Math.log(tf) : tf);

function count(features: Features, feature: string): void {
  features.set(feature, (features.get(feature) ?? 0) + 1);
}

/** A word's character n-grams, each word's together weighing as much as one feature. */
function charNgrams(word: string, features: Features): void {
  const padded = `<${word}>`;
  const grams: string[] = [];
  for (const n of CHAR_NGRAMS) {
    for (let i = 0; i + n <= padded.length; i++) grams.push(`#${padded.slice(i, i + n)}`);
  }
  const share = 1 / Math.sqrt(grams.length);
  for (const gram of grams) features.set(gram, (features.get(gram) ?? 0) + share);
}

export class HashedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly #lexicon: Lexicon;

  constructor(options: HashedEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? 512;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 16) {
      throw new RangeError(`HashedEmbedder: dimensions must be an integer >= 16`);
    }
    const lexicon = options.lexicon ?? true;
    this.#lexicon =
      typeof lexicon === 'boolean' ? (lexicon ? HOUSEHOLD_LEXICON : NO_LEXICON) : lexicon;
    // The ids stored before WordNet stay as they were: no re-embedding for the same analysis.
    const suffix =
      this.#lexicon === HOUSEHOLD_LEXICON
        ? ''
        : this.#lexicon === NO_LEXICON
          ? '-nolex'
          : `-${this.#lexicon.id}`;
    this.id = `hashed-ngram-v1${suffix}:${this.dimensions}`;
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    signal?.throwIfAborted();
    return texts.map((text) => this.embedOne(text));
  }

  /** The vector of one text, synchronously. */
  embedOne(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    const groups = this.#features(text);
    for (const [name, features] of Object.entries(groups)) {
      this.#add(vector, features, GROUP_WEIGHTS[name as keyof typeof GROUP_WEIGHTS]);
    }
    return normalise(vector);
  }

  #features(text: string): Record<keyof typeof GROUP_WEIGHTS, Features> {
    const groups = {
      word: new Map(),
      concept: new Map(),
      category: new Map(),
      bigram: new Map(),
      chars: new Map(),
      sense: new Map(),
      translated: new Map(),
    } satisfies Record<keyof typeof GROUP_WEIGHTS, Features>;
    // Memories and queries alike, tagged narrowly: the vectors compare like with like.
    const analysed = analyse(text, this.#lexicon, 'query');
    // A text of stop words only ("what is it?") still gets its own words as features.
    const contentWords = analysed.stems.length > 0 ? analysed.contentWords : words(text);
    const stems = analysed.stems.length > 0 ? analysed.stems : contentWords;
    for (const s of stems) count(groups.word, `w:${s}`);
    for (let i = 0; i + 1 < stems.length; i++)
      count(groups.bigram, `b:${stems[i]}_${stems[i + 1]}`);
    for (const w of contentWords) charNgrams(w, groups.chars);
    for (const c of analysed.concepts) count(groups.concept, c);
    for (const c of analysed.categories) count(groups.category, c);
    for (const c of analysed.senses) count(groups.sense, c);
    for (const w of analysed.translated) count(groups.translated, `w:${w}`);
    return groups;
  }

  #add(vector: Float32Array, features: Features, weight: number): void {
    let norm = 0;
    for (const tf of features.values()) norm += sublinear(tf) ** 2;
    if (norm === 0) return;
    const scale = weight / Math.sqrt(norm);
    for (const [feature, tf] of features) {
      const h = fnv1a(feature);
      const index = mix(h) % this.dimensions;
      vector[index]! += (h & 1 ? scale : -scale) * sublinear(tf);
    }
  }
}

/** Scales a vector to unit length in place; a zero vector becomes the first unit vector. */
export function normalise(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const x of vector) sum += x * x;
  if (sum === 0 || !Number.isFinite(sum)) {
    vector.fill(0);
    vector[0] = 1;
    return vector;
  }
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i]! *= inv;
  return vector;
}
