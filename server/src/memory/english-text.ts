// French text as English words, for an encoder that knows English only: each French word is
// replaced by the most common (by WordNet's counts, when given) of the English words of its
// first two senses in the dictionary ("noir": black, not Negro), function words by a short table
// (the dictionary's first sense of "est" is "east"). Names and numbers stay as written;
// English text is returned unchanged. Word for word, not a translation: the encoder gets the
// content words, which is what it matches on.
import { foldAccents, type Translator } from './french-english.js';
import { looksFrench } from './wordnet-lexicon.js';
import { normaliseText } from './text-analysis.js';

// A Map, not an object: a word such as "constructor" must not find Object's own properties.
const FUNCTION_WORDS = new Map<string, string>(
  Object.entries({
    the: 'le la les l',
    a: 'un une',
    of: 'de du des d',
    is: 'est',
    are: 'sont',
    was: 'etait',
    has: 'a',
    have: 'ai avons avez ont',
    am: 'suis',
    i: 'je j',
    you: 'tu vous te t',
    he: 'il',
    she: 'elle',
    we: 'nous on',
    they: 'ils elles',
    me: 'me m moi',
    my: 'mon ma mes',
    your: 'ton ta tes votre vos',
    his: 'son sa ses',
    our: 'notre nos',
    their: 'leur leurs',
    with: 'avec',
    for: 'pour',
    in: 'dans en',
    on: 'sur',
    at: 'chez au aux à',
    not: 'pas ne n',
    and: 'et',
    or: 'ou',
    who: 'qui',
    what: 'que qu quoi quel quelle quels quelles',
    where: 'où',
    when: 'quand',
    how: 'comment',
    why: 'pourquoi',
    'how much': 'combien',
    this: 'ce cette ces cet',
    there: 'y',
    '': 'se s',
  }).flatMap(([english, french]) => french.split(' ').map((f): [string, string] => [f, english])),
);

/** How often an English word is used (WordNet's sense counts); 0 when unknown. */
export type Frequency = (word: string) => number;

/** The English word or phrase of a folded French word, without a leading "to". */
function englishOf(word: string, translator: Translator, frequency?: Frequency) {
  const found = translator.translate(word, 2).map((e) => e.replace(/^to\s+/, ''));
  let best = found[0];
  let count = 0;
  for (const english of found) {
    const seen = frequency?.(english.replace(/ /g, '_')) ?? 0;
    if (seen > count) [best, count] = [english, seen];
  }
  return best;
}

/** A rewriting of French texts into English words through `translator`. */
export function frenchToEnglish(
  translator: Translator,
  frequency?: Frequency,
): (text: string) => string {
  return (text) => {
    if (!looksFrench(normaliseText(text).split(' '))) return text;
    const tokens = text.match(/[\p{L}\p{N}]+/gu) ?? [];
    const out: string[] = [];
    tokens.forEach((token, i) => {
      const lower = token.toLowerCase();
      const table = FUNCTION_WORDS.get(lower) ?? FUNCTION_WORDS.get(foldAccents(lower));
      if (table !== undefined) {
        if (table !== '') out.push(table);
      } else if ((i > 0 && /^\p{Lu}/u.test(token)) || /\d/.test(token)) out.push(token);
      else out.push(englishOf(foldAccents(lower), translator, frequency) ?? token);
    });
    return out.join(' ');
  };
}
