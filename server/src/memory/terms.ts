// The terms of a text as the memory store sees them: stemmed content words and the concepts
// the lexicon gives them. Used for the full-text column, queries and the embedder's features.
import { dayPartTerms } from './day-parts.js';
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
  /**
   * WordNet's synsets as tags (`c_n03359137`), when the lexicon has WordNet: for a memory its
   * words' senses and the synsets above them, for a query its words' commonest senses only.
   */
  readonly senses: readonly string[];
  /** English words of the French words, stemmed (`liv` for `habite`), when a dictionary is there. */
  readonly translated: readonly string[];
  /** Per content word, every term that stands for it: stem, tags, translations. */
  readonly forms: readonly (readonly string[])[];
  /** Per content word, the tags of what it is a kind of (a query's only): they count less. */
  readonly broader: readonly (readonly string[])[];
  /** Per content word, how much it counts in a query's coverage (common words less), 0..1. */
  readonly weights: readonly number[];
  /** Per content word, a rare word's wider terms, for a search where it met nothing. */
  readonly wide: readonly (readonly string[])[];
}

/**
 * Whether a text is a memory being stored or a query: a memory is tagged broadly (what it is
 * and what it is a kind of), a query narrowly, so asking for a dog finds the Labrador and one
 * word's many tags do not outweigh the others.
 */
export type Role = 'memory' | 'query';

/** Content words, their stems and their lexicon concepts. */
export function analyse(
  text: string,
  lexicon: Lexicon = HOUSEHOLD_LEXICON,
  role: Role = 'query',
): AnalysedText {
  const normalised = lexicon.rewriteIdioms(normaliseText(text));
  const contentWords = normalised.split(' ').filter((w) => w !== '' && !isStopWord(w));
  const stems = contentWords.map(stem);
  const concepts: string[] = [];
  const categories: string[] = [];
  const forms: string[][] = stems.map((s) => [s]);
  for (let i = 0; i < stems.length; i++) {
    const entry = lexicon.conceptsOf(stems[i]!, stems[i + 1]);
    for (const c of entry.synonyms) {
      concepts.push(`c_${c}`);
      forms[i]!.push(`c_${c}`);
      // "colour" asks for any colour: the word for a category is tagged with it too.
      if (lexicon.isCategory(c)) categories.push(`k_${c}`);
    }
    for (const c of entry.categories) categories.push(`k_${c}`);
  }
  // "16 h" and "l'après-midi" stand for the same part of the day ("9 am": "am" is a stop word).
  if (lexicon.dayParts) {
    const all = normalised.split(' ');
    const parts = dayPartTerms(all);
    let at = 0;
    all.forEach((word, i) => {
      const content = contentWords[at] === word;
      if (content) at++;
      const term = parts[i];
      if (term === undefined || !content) return;
      concepts.push(term);
      forms[at - 1]!.push(term);
    });
  }
  const general = lexicon.tagger?.tag(text, normalised.split(' '), contentWords, stems, role) ?? [];
  const senses: string[] = [];
  const translated: string[] = [];
  const broader: string[][] = stems.map(() => []);
  const weights = stems.map((_, i) => general[i]?.weight ?? 1);
  const wide = stems.map((_, i) => general[i]?.wide ?? []);
  general.forEach((e, i) => {
    const tags = e.synonyms.map((id) => `c_${id}`);
    const english = e.translations.filter((w) => !isStopWord(w)).map(stem);
    senses.push(...tags, ...e.defined);
    translated.push(...english);
    forms[i]!.push(...tags, ...english);
    broader[i]!.push(...e.broader);
  });
  return {
    contentWords,
    stems,
    concepts,
    categories,
    senses,
    translated,
    forms,
    broader,
    weights,
    wide,
  };
}

/** The terms indexed for full-text search and used to query it: stems, then lexicon tags. */
export function searchTerms(
  text: string,
  lexicon: Lexicon = HOUSEHOLD_LEXICON,
  role: Role = 'query',
): string {
  const { stems, concepts, categories, senses, translated, broader } = analyse(text, lexicon, role);
  return [...stems, ...translated, ...concepts, ...categories, ...senses, ...broader.flat()].join(
    ' ',
  );
}
