// French words the dictionary lacks, found in English WordNet through the regular spellings of
// learned words shared by both languages: the word as written ("safari", "rhésus"), or with its
// ending changed ("asthmatique": asthmatic, "radiologue": radiologist, "conservatoire":
// conservatory, "castré": castrate). Only for words the dictionary has no entry for, and only
// words WordNet knows as more than a name. The endings are the regular French-English ones, not
// words of any question.
import { foldAccents, type Translator } from './french-english.js';
import { onlyAName } from './names.js';
import type { WordNet } from './wordnet.js';

// Folded French endings and their English ones, longest first.
const ENDINGS: readonly (readonly [string, string])[] = [
  ['logues', 'logist'],
  ['logue', 'logist'],
  ['iques', 'ic'],
  ['ique', 'ic'],
  ['oires', 'ory'],
  ['oire', 'ory'],
  ['aires', 'ary'],
  ['aire', 'ary'],
  ['ismes', 'ism'],
  ['isme', 'ism'],
  ['istes', 'ist'],
  ['iste', 'ist'],
  ['ites', 'ity'],
  ['ite', 'ity'],
  ['eurs', 'or'],
  ['eur', 'or'],
  ['euses', 'ous'],
  ['euse', 'ous'],
  ['eux', 'ous'],
  ['ifs', 'ive'],
  ['if', 'ive'],
  ['isees', 'ize'],
  ['isee', 'ize'],
  ['ises', 'ize'],
  ['ise', 'ize'],
  ['iser', 'ize'],
  ['ies', 'y'],
  ['ie', 'y'],
  ['elles', 'al'],
  ['elle', 'al'],
  ['els', 'al'],
  ['el', 'al'],
  ['ees', 'ate'],
  ['ee', 'ate'],
  ['es', 'ate'],
  ['e', 'ate'],
  ['er', 'ate'],
  ['s', ''],
  ['e', ''],
];

/** Shorter words are too often another word in the other language. */
const SHORTEST = 5;

/** The English word a folded French word is a cognate of, or undefined. */
export function cognateOf(word: string, wordnet: WordNet): string | undefined {
  if (word.length < SHORTEST || !/^[a-z]+$/.test(word)) return undefined;
  const forms = [word];
  for (const [ending, english] of ENDINGS) {
    if (word.endsWith(ending)) forms.push(word.slice(0, -ending.length) + english);
  }
  return forms.find(
    (f) => f.length >= SHORTEST - 1 && wordnet.senses(f, 1).length > 0 && !onlyAName(f, wordnet),
  );
}

/** Words looked up and kept, at most (every French word the dictionary lacks would grow it). */
const KEPT_LOOKUPS = 5000;

/** `translator`, with cognates for the words it has no entry for. */
export function withCognates(translator: Translator, wordnet: WordNet): Translator {
  const known = new Map<string, string | undefined>();
  return {
    id: `${translator.id ?? 'dictionary'}+cognates-v1`,
    translate(word, senses, verb) {
      const found = translator.translate(word, senses, verb);
      if (found.length > 0) return found;
      const folded = foldAccents(word);
      if (!known.has(folded)) {
        if (known.size >= KEPT_LOOKUPS) known.delete(known.keys().next().value!);
        known.set(folded, cognateOf(folded, wordnet));
      }
      const cognate = known.get(folded);
      return cognate ? [cognate] : [];
    },
  };
}

/** The dictionary with cognates when both it and WordNet are there, else whichever is. */
export function withCognatesOf(translator?: Translator, wordnet?: WordNet): Translator | undefined {
  return translator && wordnet ? withCognates(translator, wordnet) : translator;
}
