// The memory's `sentence` embedder: the sentence encoder (French rewritten into English words
// through the dictionary) blended with the hashed embedder, the encoder's similarity counting
// three quarters, and the weights recall scores it with. Both chosen on the memory benchmark's
// development sets only (`npm run bench -w server -- memory tune-embedder`).
import { BlendedEmbedder } from './blended-embedder.js';
import type { Embedder } from './embedder.js';
import { frenchToEnglish, type Frequency } from './english-text.js';
import type { Translator } from './french-english.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { DEFAULT_WEIGHTS, type ScoreWeights } from './hybrid-score.js';
import type { Lexicon } from './lexicon.js';
import { loadSentenceModel, SentenceEmbedder, type SentenceModel } from './sentence-embedder.js';
import { GlossedEmbedder } from './glossed-embedder.js';
import { glossOf, type GlossOptions } from './glosses.js';
import type { WordNet } from './wordnet.js';

/** How much the encoder's similarity counts in the blend (the hashed one's: the rest). */
export const SENTENCE_SHARE = 0.75;

/**
 * Recall's weights with the blend: the vector side counts more than with the hashed one alone
 * (1.5; 2, chosen on dev 1-5, lost on held-out 5 and is not the default).
 */
export const SENTENCE_WEIGHTS: ScoreWeights = { ...DEFAULT_WEIGHTS, vector: 1.5 };

export interface SentenceBlendOptions {
  readonly lexicon: Lexicon;
  /** French words' English ones; without it French is encoded as written. */
  readonly translator?: Translator;
  /** English words' frequency, to pick a French word's commonest English one. */
  readonly frequency?: Frequency;
  /** The encoder, when already loaded (default: loaded from its package). */
  readonly model?: SentenceModel;
  /** The encoder's share (default `SENTENCE_SHARE`). */
  readonly share?: number;
  /** Memories' rare words' definitions encoded beside them (see `glossed-embedder.ts`). */
  readonly glosses?: SentenceGlosses;
}

export interface SentenceGlosses {
  readonly wordnet: WordNet;
  /** Words met at most this often in WordNet's tagged texts are defined. */
  readonly below: number;
  /** How much the definitions' vector counts beside the text's. */
  readonly weight: number;
  /** Queries' rare words defined too. */
  readonly queries?: boolean;
  /** Which words are defined (see `GlossOptions`). */
  readonly nouns?: GlossOptions['nouns'];
  readonly oneSense?: boolean;
}

/** Raise when `glossOf` changes, so stores re-embed. */
export const GLOSS_ID = 'wordnet-glosses-v1';

/**
 * Names the French rewriting in the stored vectors' id (with the dictionary's): raise the version
 * when `frenchToEnglish` or its function-word table changes, so stores re-embed. Picking by word
 * counts rewrites differently ("habite": live, not dwell), hence its own suffix.
 */
export const REWRITE_ID = 'rewrite-v3';

/** The encoder alone, French rewritten when a dictionary is given. */
export function sentenceEmbedder(
  model: SentenceModel,
  translator?: Translator,
  frequency?: Frequency,
): SentenceEmbedder {
  if (!translator) return new SentenceEmbedder({ model });
  return new SentenceEmbedder({
    model,
    toEnglish: frenchToEnglish(translator, frequency),
    rewriteId: `${REWRITE_ID}+${translator.id ?? 'dictionary'}${frequency ? '+counts' : ''}`,
  });
}

export async function loadSentenceBlend(options: SentenceBlendOptions): Promise<Embedder> {
  const model = options.model ?? (await loadSentenceModel());
  const share = options.share ?? SENTENCE_SHARE;
  const encoder = sentenceEmbedder(model, options.translator, options.frequency);
  return new BlendedEmbedder([
    { embedder: new HashedEmbedder({ lexicon: options.lexicon }), share: 1 - share },
    { embedder: options.glosses ? glossed(encoder, options) : encoder, share },
  ]);
}

/** The encoder with memories' rare words defined (in English words: French rewritten first). */
function glossed(encoder: Embedder, options: SentenceBlendOptions): Embedder {
  const { wordnet, below, weight, queries, nouns, oneSense } = options.glosses!;
  const english = options.translator
    ? frenchToEnglish(options.translator, options.frequency)
    : (text: string) => text;
  return new GlossedEmbedder({
    inner: encoder,
    glossOf: (text) => glossOf(english(text), wordnet, { below, nouns, oneSense }),
    weight,
    queries,
    glossId: `${GLOSS_ID}:${below}${nouns ? `:${nouns}` : ''}${oneSense ? ':one-sense' : ''}`,
  });
}
