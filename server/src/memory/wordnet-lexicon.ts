// WordNet as the memory's general-purpose lexicon, beside the small household one: each English
// content word is tagged with the synsets of its commonest senses and the synsets above them
// (hypernyms), so "flashlight" meets "torch" (one synset) and "pup" meets "Labrador" (a dog).
// Names WordNet knows of two to four words ("heat pump", "bicycle built for two") are tagged as one. WordNet is English: a French
// text's words are tagged through the household lexicon's English names for them ("chiot" is a
// dog), when there is one. Names are not looked up as words ("Moustache"; names.ts).
// Also, each on by default: related synsets (derivations, attributes, antonyms: "swim" meets
// "swimming"), phrasal verbs ("passed away" is to die), and a query's weaker terms, counted at
// half credit: what its words are a kind of ("cheese" is a dairy product) and the words of
// definitions ("switch" is in a circuit breaker's). Names of places WordNet knows are tagged with
// what they are where a place stands ("à Lille": a city), and a rare query word that met nothing is searched again with
// its other senses ("upright": a piano). A name WordNet files among times ("Noël", "Easter") is
// tagged as a word, not left as someone's name, and only a rare query word's definition is
// searched. Every setting was chosen on the development sets only.
import type { Lexicon, LexiconEntry } from './lexicon.js';
import { isStopWord, normaliseText, stem } from './text-analysis.js';
import type { Translator } from './french-english.js';
import type { Role } from './terms.js';
import type { WordNet } from './wordnet.js';
import { capitalised, onlyAName, standsForPlace } from './names.js';
import { DEFAULT_EXPANSION, type WordNetExpansion } from './wordnet-expansion.js';
import { purposesOf } from './purposes.js';

export { DEFAULT_EXPANSION, type WordNetExpansion } from './wordnet-expansion.js';

// Function words that tell a French sentence from an English one (accents folded).
const FRENCH = new Set(
  'le la les un une des du de est sont je tu il elle nous vous ils elles on au aux avec pour dans sur chez ma mon mes ta ton tes sa son ses notre nos votre vos leur qui que quoi quel quelle quels quelles pas ne et ou quand comment pourquoi combien ce cette ces ai suis avons sommes ont etait'.split(
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

/** What the general lexicons say of one content word. */
export interface TaggedWord extends LexiconEntry {
  /** English words of a French word (`habite`: dwell, live), when a dictionary is there. */
  readonly translations: readonly string[];
  /**
   * A query's weaker terms: the synsets its word is a kind of (`queryBroader` levels up) as
   * `c_<id>`, the stems of its definition's words and `g_<stem>` (in a memory's definitions).
   */
  readonly broader: readonly string[];
  /** A memory's word's definition words as `g_<stem>` terms. */
  readonly defined: readonly string[];
  /** How much a query's word counts, 0..1 (common words less; see `commonWords`). */
  readonly weight?: number;
  /** A rare query word's other senses, for a search where it met nothing (`rareWords.unmatched`). */
  readonly wide?: readonly string[];
}

interface Looked extends LexiconEntry {
  readonly broader: readonly string[];
  /** The stemmed content words of the definitions of the word's commonest senses. */
  readonly defines: readonly string[];
  /** A rare query word's other senses and what they are (`c_<id>` and stems). */
  readonly wide?: readonly string[];
}

export interface WordNetTagger {
  /** Per content word: its senses' synsets, those with the synsets above them, translations. */
  tag(
    text: string,
    normalisedWords: readonly string[],
    contentWords: readonly string[],
    stems: readonly string[],
    role: Role,
  ): TaggedWord[];
  /** Whether a folded word is a word of English or French, not only a name ("hugo"). */
  isWord?(folded: string): boolean;
}

// WordNet's lexicographer file of times (noun.time).
const TIME_FILE = 28;

const NOTHING: TaggedWord = {
  synonyms: [],
  categories: [],
  translations: [],
  broader: [],
  defined: [],
};

export function wordNetTagger(
  wordnet: WordNet | undefined,
  household: Lexicon,
  normalise: (s: string) => string,
  options: WordNetExpansion = DEFAULT_EXPANSION,
  translator?: Translator,
): WordNetTagger {
  const cache = new Map<string, Looked>();
  const purposes = options.purposes && wordnet ? purposesOf(wordnet, normalise) : undefined;
  const above = (ids: readonly string[]) => ids.flatMap((id) => wordnet?.synset(id)?.above ?? []);
  /** A memory's word: its senses and the synsets above; a query's: its commonest senses. */
  const lookUp = (word: string, role: Role): Looked => {
    const key = `${role}:${word}`;
    const known = cache.get(key);
    if (known) return known;
    const query = role === 'query';
    const own = wordnet?.senses(word, query ? (options.querySenses ?? 1) : options.senses) ?? [];
    const tags = new Set(own);
    if (options.related) {
      for (const id of own) for (const r of wordnet?.synset(id)?.related ?? []) tags.add(r);
    }
    if (options.parts) {
      for (const id of own) for (const r of wordnet?.synset(id)?.parts ?? []) tags.add(r);
    }
    let level = own;
    for (let d = 0; d < (query ? (options.queryDepth ?? 0) : options.depth); d++) {
      level = above(level);
      for (const id of level) tags.add(id);
    }
    const broader = new Set<string>();
    for (let d = 0; query && d < (options.queryBroader ?? 0); d++) {
      level = above(level);
      for (const id of level) if (!tags.has(id)) broader.add(id);
    }
    const defined =
      !query || (wordnet?.frequency?.(word) ?? 0) <= (options.glossesBelow ?? Infinity);
    const defines =
      options.glosses && (query || options.glosses === true) && defined
        ? definitionWords(word)
        : [];
    const wide = query ? widened(word, tags) : [];
    const entry = { synonyms: [...tags], categories: [], broader: [...broader], defines, wide };
    cache.set(key, entry);
    return entry;
  };
  /** A place's senses and the synsets above them (a memory's `depth` levels), as a word's. */
  const place = (name: string, role: Role): TaggedWord => {
    const found = (wordnet?.senses(name, 3) ?? []).filter(
      (id) => id.startsWith('n') && isPlace(id),
    );
    if (found.length === 0) return NOTHING;
    const tags = new Set(found);
    let level = found;
    for (let d = 0; d < (role === 'query' ? (options.queryDepth ?? 0) : options.depth); d++) {
      level = above(level);
      for (const id of level) tags.add(id);
    }
    return { ...NOTHING, synonyms: [...tags] };
  };
  const location = wordnet?.senses('location', 1)[0];
  /** Whether a synset is, some levels up, a location. */
  const isPlace = (id: string): boolean => {
    let level = [id];
    const seen = new Set(level);
    for (let d = 0; d < 10 && level.length > 0; d++) {
      if (location !== undefined && level.includes(location)) return true;
      level = above(level).filter((a) => !seen.has(a) && seen.add(a));
    }
    return false;
  };
  /** A rare word's senses and the synsets above them, as tags and their words' stems. */
  const widened = (word: string, own: ReadonlySet<string>): string[] => {
    const rare = options.rareWords;
    if (!rare || !wordnet || (wordnet.frequency?.(word) ?? 0) > rare.below) return [];
    // Nouns and verbs: an adjective's "above" are its many similar ones ("upright": straight…).
    let level = wordnet.senses(word, rare.senses).filter((id) => /^[nv]/.test(id));
    const ids = new Set(level);
    for (let d = 0; d < rare.depth; d++) {
      level = above(level);
      for (const id of level) ids.add(id);
    }
    const ownStem = stem(normalise(word.replace(/_/g, ' ')));
    const words = [...ids].flatMap((id) => wordnet.synset(id)?.lemmas ?? []);
    const stems = normalise(words.join(' ').replace(/_/g, ' '))
      .split(' ')
      .filter((w) => w.length > 2 && !isStopWord(w))
      .map(stem);
    return [
      ...[...ids].filter((id) => !own.has(id)).map((id) => `c_${id}`),
      ...new Set(stems.filter((w) => w !== ownStem)),
    ];
  };
  /** Whether a word's senses include a time WordNet names (a holiday, a day, a month). */
  const namesATime = (word: string): boolean =>
    (wordnet?.senses(word, 3) ?? []).some((id) => wordnet?.synset(id)?.lexFile === TIME_FILE);
  /** WordNet's name of 3 or more words starting at `at` ("bicycle-built-for-two"), if any. */
  const phraseAt = (words: readonly string[], at: number, role: Role): Looked | undefined => {
    for (let n = options.phrases ?? 2; n >= 3; n--) {
      const span = words.slice(at, at + n);
      if (span.length < n) continue;
      for (let joins = 0; joins < 2 ** (n - 1); joins++) {
        const name = span.reduce((s, w, k) => `${s}${(joins >> (k - 1)) & 1 ? '-' : '_'}${w}`);
        if ((wordnet?.senses(name, 1).length ?? 0) > 0) return lookUp(name, role);
      }
    }
    return undefined;
  };
  const definitionWords = (word: string): string[] => {
    const glosses = (wordnet?.senses(word, 1) ?? []).map((id) => wordnet?.synset(id)?.gloss ?? '');
    const words = normalise(glosses.join(' ')).split(' ');
    const own = stem(normalise(word.replace(/_/g, ' ')));
    return [...new Set(words.filter((w) => w.length > 2 && !isStopWord(w)).map(stem))].filter(
      (w) => w !== own,
    );
  };
  /** Per content word of a memory, the definition of the thing it names (once per name). */
  const purposesAt = (words: readonly string[]): string[][] => {
    const found = words.map((): string[] => []);
    for (let i = 0; purposes && i < words.length;) {
      const { terms, length } = purposes.at(words, i);
      found[i] = terms;
      i += length;
    }
    return found;
  };
  const withPurpose = (tagged: TaggedWord, terms: readonly string[]): TaggedWord =>
    terms.length === 0
      ? tagged
      : { ...tagged, defined: [...new Set([...tagged.defined, ...terms])] };
  const merge = (entries: Looked[], translations: string[], role: Role, own: string) => {
    const defines = [...new Set(entries.flatMap((e) => e.defines))];
    const query = role === 'query';
    const found: TaggedWord = {
      synonyms: [...new Set(entries.flatMap((e) => e.synonyms))],
      categories: [...new Set(entries.flatMap((e) => e.categories))],
      translations,
      broader: [
        ...new Set([
          ...entries.flatMap((e) => e.broader.map((id) => `c_${id}`)),
          ...(query && (options.glosses === true || options.purposes) ? [`g_${own}`] : []),
          ...(query && options.purposes ? translations.map((t) => `g_${stem(t)}`) : []),
          ...(query && options.glosses ? defines : []),
          ...(options.rareWords?.unmatched ? [] : entries.flatMap((e) => e.wide ?? [])),
        ]),
      ],
      wide: options.rareWords?.unmatched ? [...new Set(entries.flatMap((e) => e.wide ?? []))] : [],
      defined: query || options.glosses !== true ? [] : defines.map((d) => `g_${d}`),
    };
    return found;
  };
  return {
    isWord(folded) {
      const known = (wordnet?.senses(folded, 1).length ?? 0) > 0 && !onlyAName(folded, wordnet);
      return known || (translator?.translate(folded, 1).length ?? 0) > 0;
    },
    tag(text, normalisedWords, contentWords, stems, role) {
      const { inside, initial } = capitalised(text, normalise);
      const names = new Set(
        [...inside, ...[...initial].filter((w) => onlyAName(w, wordnet))].filter(
          (w) => !(options.timeNames && namesATime(w)),
        ),
      );
      const french = looksFrench(normalisedWords);
      // Where each content word is among all the words, for the particle after it.
      let at = -1;
      const positions = contentWords.map((w) => (at = normalisedWords.indexOf(w, at + 1)));
      const memory = role === 'memory' && purposes !== undefined;
      const things = memory && !french ? purposesAt(contentWords) : [];
      return contentWords.map((word, i) => {
        if (
          names.has(word) &&
          options.places &&
          standsForPlace(normalisedWords, positions[i]!, names)
        )
          return place(word, role);
        if (names.has(word) || /^\d/.test(word) || word.length < 3) return NOTHING;
        if (french) {
          const named = household.conceptsOf(stems[i]!, stems[i + 1]).synonyms;
          const senses = role === 'query' ? 1 : (options.translations ?? 2);
          const translated = translator?.translate(word, senses) ?? [];
          const english = [...new Set([...named.map((n) => n.replace(/_/g, ' ')), ...translated])];
          const words = english.flatMap((e) => normalise(e).split(' ')).filter((w) => w !== '');
          // A holiday WordNet knows by its French name ("Noël") and the dictionary lacks.
          const asIs = english.length === 0 && options.timeNames && namesATime(word) ? [word] : [];
          const tagged = merge(
            [...english, ...asIs].map((e) => lookUp(e.replace(/ /g, '_'), role)),
            translated.length > 0 ? words : [],
            role,
            stems[i]!,
          );
          if (!memory) return tagged;
          return withPurpose(
            tagged,
            english.flatMap((e) => purposes.at(normalise(e).split(' '), 0).terms),
          );
        }
        const next = contentWords[i + 1];
        const pair = next === undefined ? undefined : lookUp(`${word}_${next}`, role);
        // A phrasal verb: the word and the particle after it ("passed away", "turn in").
        const after = normalisedWords[positions[i]! + 1];
        const phrasal =
          options.related && after !== undefined && after !== next && isStopWord(after)
            ? lookUp(`${word}_${after}`, role)
            : undefined;
        const own = lookUp(word, role);
        const phrase =
          (options.phrases ?? 2) > 2 ? phraseAt(normalisedWords, positions[i]!, role) : undefined;
        const found = [pair, phrasal, phrase].filter(
          (e) => e !== undefined && e.synonyms.length > 0,
        );
        const tagged = withPurpose(
          merge([own, ...(found as Looked[])], [], role, stems[i]!),
          things[i] ?? [],
        );
        const common = role === 'query' ? (options.commonWords ?? 0) : 0;
        if (common === 0) return tagged;
        const seen = wordnet?.frequency?.(word) ?? 0;
        return { ...tagged, weight: 1 / (1 + common * Math.log10(1 + seen)) };
      });
    },
  };
}

/**
 * What the lexicon's id names: the settings stored terms and vectors are analysed with (a memory's
 * tags, and a text's narrow tags, which the hashed embedder's vectors are made of). The options
 * only a query's search uses (broader terms, definitions, common-word weights, rare words
 * widened) are left out, so changing them re-analyses no store.
 */
function storedAnalysisId(options: WordNetExpansion): string {
  const query = `${options.querySenses ?? 1}.${options.queryDepth ?? 0}`;
  return (
    `wordnet-3.0:${options.senses}:${options.depth}` +
    `${query === '1.0' ? '' : `:q${query}`}` +
    `${options.related ? ':related' : ''}${options.parts ? ':parts' : ''}` +
    `${options.glosses === true ? ':glosses' : ''}${options.places ? ':places' : ''}` +
    `${options.purposes ? ':purposes' : ''}${options.timeNames ? ':times' : ''}${(options.phrases ?? 2) > 2 ? `:phrases${options.phrases}` : ''}`
  );
}

/** `base` with WordNet's tags beside it, and French words' English ones when a dictionary is given. */
export function withWordNet(
  base: Lexicon,
  wordnet: WordNet | undefined,
  options: WordNetExpansion = DEFAULT_EXPANSION,
  translator?: Translator,
): Lexicon {
  const parts = [
    base.id,
    ...(wordnet ? [storedAnalysisId(options)] : []),
    ...(translator ? [`${translator.id ?? 'freedict-fra-eng'}:${options.translations ?? 2}`] : []),
  ];
  return {
    ...base,
    id: parts.join('+'),
    tagger: wordNetTagger(wordnet, base, normaliseText, options, translator),
  };
}
