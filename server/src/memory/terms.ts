// The terms of a text as the memory store sees them: stemmed content words and the concepts
// the lexicon gives them. Used for the full-text column, queries and the embedder's features.
import { HOUSEHOLD_LEXICON, type Lexicon } from './lexicon.js';
import { isStopWord, normaliseText, stem } from './text-analysis.js';

export interface AnalysedText {
  /** Content words as written (normalised), in order. */
  readonly contentWords: readonly string[];
  /** Content words, stemmed, in order. */
  readonly stems: readonly string[];
  /** Lexicon synonyms as tags (`c_cat` for `chat`), one per occurrence. */
  readonly concepts: readonly string[];
  /** Lexicon categories as tags (`k_pet`, `k_colour`), one per occurrence. */
  readonly categories: readonly string[];
  /** WordNet's synsets of the words' senses (`c_n03359137`), when the lexicon has WordNet. */
  readonly senses: readonly string[];
  /** Those synsets and the ones above them (`k_n02084071`, a dog). */
  readonly above: readonly string[];
}

/** Content words, their stems and their lexicon concepts. */
export function analyse(text: string, lexicon: Lexicon = HOUSEHOLD_LEXICON): AnalysedText {
  const normalised = lexicon.rewriteIdioms(normaliseText(text));
  const contentWords = normalised.split(' ').filter((w) => w !== '' && !isStopWord(w));
  const stems = contentWords.map(stem);
  const concepts: string[] = [];
  const categories: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    const entry = lexicon.conceptsOf(stems[i]!, stems[i + 1]);
    for (const c of entry.synonyms) {
      concepts.push(`c_${c}`);
      // "colour" asks for any colour: the word for a category is tagged with it too.
      if (lexicon.isCategory(c)) categories.push(`k_${c}`);
    }
    for (const c of entry.categories) categories.push(`k_${c}`);
  }
  const general = lexicon.tagger?.tag(text, normalised.split(' '), contentWords, stems) ?? [];
  const senses = general.flatMap((e) => e.synonyms.map((id) => `c_${id}`));
  const above = general.flatMap((e) => e.categories.map((id) => `k_${id}`));
  return { contentWords, stems, concepts, categories, senses, above };
}

/** The terms indexed for full-text search and used to query it: stems, then lexicon tags. */
export function searchTerms(text: string, lexicon: Lexicon = HOUSEHOLD_LEXICON): string {
  const { stems, concepts, categories, senses, above } = analyse(text, lexicon);
  return [...stems, ...concepts, ...categories, ...senses, ...above].join(' ');
}
