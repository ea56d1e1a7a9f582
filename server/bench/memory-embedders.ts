// The embedders the memory benchmark compares: the hashed one (the default), the sentence
// encoder (French as written, or rewritten into English words first) and blends of the two.
// The encoder is loaded once and its vectors kept by text, so the many variants re-encode nothing.
import type { Embedder } from '../src/memory/embedder.js';
import type { Frequency } from '../src/memory/english-text.js';
import { openFrenchEnglish, type Translator } from '../src/memory/french-english.js';
import { withCognatesOf } from '../src/memory/cognates.js';
import { HashedEmbedder } from '../src/memory/hashed-embedder.js';
import type { Lexicon } from '../src/memory/lexicon.js';
import {
  loadSentenceBlend,
  type SentenceGlosses,
  sentenceEmbedder,
} from '../src/memory/sentence-blend.js';
import { loadSentenceModel, type SentenceModel } from '../src/memory/sentence-embedder.js';
import { openWordNet, type WordNet } from '../src/memory/wordnet.js';

export type EmbedderChoice =
  | { readonly kind: 'hashed' }
  /** `french`: rewrite French into English words first (the default) or encode as written. */
  | { readonly kind: 'sentence'; readonly french?: 'english-words' | 'as-written' }
  /** The hashed embedder and the encoder, the encoder's similarity counting `sentence` (0..1). */
  | {
      readonly kind: 'blend';
      readonly sentence?: number;
      /** Rare words' definitions encoded beside memories (and queries). */
      readonly glosses?: Omit<SentenceGlosses, 'wordnet'>;
    };

let model: Promise<SentenceModel> | undefined;

/** The encoder, loaded on first use, with every text's vector remembered. */
function cachedModel(): Promise<SentenceModel> {
  model ??= loadSentenceModel().then((loaded) => {
    const cache = new Map<string, number[]>();
    return {
      async embed(texts) {
        const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
        if (missing.length > 0) {
          const vectors = await loaded.embed(missing);
          missing.forEach((t, i) => cache.set(t, vectors[i]!));
        }
        return texts.map((t) => cache.get(t)!);
      },
    };
  });
  return model;
}

let dictionary: { translator?: Translator; frequency?: Frequency; wordnet?: WordNet } | undefined;

/** The dictionary and WordNet's counts, read once. */
function frenchToEnglishParts() {
  if (!dictionary) {
    const { wordnet } = openWordNet();
    dictionary = {
      translator: withCognatesOf(openFrenchEnglish().translator, wordnet),
      frequency: wordnet?.frequency?.bind(wordnet),
      wordnet,
    };
  }
  return dictionary;
}

/**
 * `dictionary`: whether the encoder may rewrite French through the dictionary; `cached` false
 * for a freshly loaded encoder that remembers nothing (for timing).
 */
export async function embedderFor(
  choice: EmbedderChoice | undefined,
  lexicon: Lexicon,
  dictionary = true,
  cached = true,
): Promise<Embedder> {
  if (!choice || choice.kind === 'hashed') return new HashedEmbedder({ lexicon });
  const loaded = await (cached ? cachedModel() : loadSentenceModel());
  const parts = frenchToEnglishParts();
  const translator = dictionary ? parts.translator : undefined;
  const frequency = dictionary ? parts.frequency : undefined;
  if (choice.kind === 'sentence') {
    return choice.french === 'as-written'
      ? sentenceEmbedder(loaded)
      : sentenceEmbedder(loaded, translator, frequency);
  }
  return loadSentenceBlend({
    lexicon,
    translator,
    frequency,
    model: loaded,
    share: choice.sentence,
    glosses: choice.glosses && parts.wordnet && { ...choice.glosses, wordnet: parts.wordnet },
  });
}
