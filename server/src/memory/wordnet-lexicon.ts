// WordNet as the memory's general-purpose lexicon, beside the small household one: each English
// content word is tagged with the synsets of its commonest senses and the synsets above them
// (hypernyms), so "flashlight" meets "torch" (one synset) and "pup" meets "Labrador" (a dog).
// Two-word names WordNet knows ("heat pump") are tagged as one. WordNet is English: a French
// text's words are tagged through the household lexicon's English names for them ("chiot" is a
// dog), when there is one. Words capitalised inside a sentence are names and are not looked up ("Moustache").
// How many senses and how many levels up were chosen on the development sets only.
import type { Lexicon, LexiconEntry } from './lexicon.js';
import { normaliseText } from './text-analysis.js';
import type { WordNet } from './wordnet.js';

export interface WordNetExpansion {
  /** Senses of a word looked up, commonest first, per part of speech (default 3). */
  readonly senses: number;
  /** Levels of hypernyms added as categories (default 1). */
  readonly depth: number;
}

export const DEFAULT_EXPANSION: WordNetExpansion = { senses: 3, depth: 1 };

// Function words that tell a French sentence from an English one (accents folded).
const FRENCH = new Set(
  'le la les un une des du est sont je tu il elle nous vous ils elles on au aux avec pour dans sur chez ma mon mes ta ton tes sa son ses notre nos votre vos leur qui que quoi quel quelle quels quelles pas ne et ou quand comment pourquoi combien ce cette ces'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the is are was were my our your his her their of to and in on at what where when who how do does did i we you he she it has have had this that which with for from'.split(
    ' ',
  ),
);

/** True when a normalised text has more French function words than English ones. */
export function looksFrench(normalisedWords: readonly string[]): boolean {
  let fr = 0;
  let en = 0;
  for (const w of normalisedWords) {
    if (FRENCH.has(w)) fr++;
    if (ENGLISH.has(w)) en++;
  }
  return fr > en;
}

/** Normalised words written with a capital inside a sentence: names, not looked up. */
function namesIn(text: string, normalise: (s: string) => string): Set<string> {
  const names = new Set<string>();
  const tokens = text.split(/\s+/);
  for (let i = 1; i < tokens.length; i++) {
    if (/^\p{Lu}/u.test(tokens[i]!) && !/[.!?:]$/.test(tokens[i - 1]!)) {
      for (const w of normalise(tokens[i]!).split(' ')) names.add(w);
    }
  }
  return names;
}

export interface WordNetTagger {
  /** Per content word: its senses' synsets, and those with the synsets above them. */
  tag(
    text: string,
    normalisedWords: readonly string[],
    contentWords: readonly string[],
    stems: readonly string[],
  ): LexiconEntry[];
}

export function wordNetTagger(
  wordnet: WordNet,
  household: Lexicon,
  normalise: (s: string) => string,
  options: WordNetExpansion = DEFAULT_EXPANSION,
): WordNetTagger {
  const cache = new Map<string, LexiconEntry>();
  const lookUp = (word: string): LexiconEntry => {
    const known = cache.get(word);
    if (known) return known;
    const own = wordnet.senses(word, options.senses);
    const above = new Set(own);
    let level = own;
    for (let d = 0; d < options.depth; d++) {
      level = level.flatMap((id) => wordnet.synset(id)?.above ?? []);
      for (const id of level) above.add(id);
    }
    const entry = { synonyms: own, categories: [...above] };
    cache.set(word, entry);
    return entry;
  };
  const merge = (entries: LexiconEntry[]): LexiconEntry => ({
    synonyms: [...new Set(entries.flatMap((e) => e.synonyms))],
    categories: [...new Set(entries.flatMap((e) => e.categories))],
  });
  return {
    tag(text, normalisedWords, contentWords, stems) {
      const names = namesIn(text, normalise);
      const french = looksFrench(normalisedWords);
      return contentWords.map((word, i) => {
        if (names.has(word) || /^\d/.test(word) || word.length < 3)
          return { synonyms: [], categories: [] };
        if (french) {
          const english = household.conceptsOf(stems[i]!, stems[i + 1]).synonyms;
          return merge(english.map(lookUp));
        }
        const next = contentWords[i + 1];
        const pair = next === undefined ? undefined : lookUp(`${word}_${next}`);
        return merge(pair && pair.synonyms.length > 0 ? [lookUp(word), pair] : [lookUp(word)]);
      });
    },
  };
}

/** `base` with WordNet's tags beside it. */
export function withWordNet(
  base: Lexicon,
  wordnet: WordNet,
  options: WordNetExpansion = DEFAULT_EXPANSION,
): Lexicon {
  return {
    ...base,
    id: `${base.id}+wordnet-3.0:${options.senses}:${options.depth}`,
    tagger: wordNetTagger(wordnet, base, normaliseText, options),
  };
}
