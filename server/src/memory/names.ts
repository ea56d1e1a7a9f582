// Names in a text, and whether a name stands where a place does. A word written with a capital
// inside a sentence is a name; a sentence's first word is one when WordNet knows it only as a
// name ("Florence", "Hugo": every sense a proper noun), so it is not looked up as a word. A name
// is taken for a place only after a preposition of place or motion ("in Florence", "à Lille",
// "we went to Portugal"), so "My aunt Florence is a nurse" and "Florence is a nurse" name no
// city. The prepositions are a closed class of English and French, not words of any question.
import type { WordNet } from './wordnet.js';

/** Capitalised words inside sentences, and capitalised first words (normalised). */
export function capitalised(
  text: string,
  normalise: (s: string) => string,
): { inside: Set<string>; initial: Set<string> } {
  const inside = new Set<string>();
  const initial = new Set<string>();
  const tokens = text.split(/\s+/);
  tokens.forEach((token, i) => {
    if (!/^\p{Lu}/u.test(token)) return;
    const first = i === 0 || /[.!?:]$/.test(tokens[i - 1]!);
    for (const w of normalise(token).split(' ')) (first ? initial : inside).add(w);
  });
  return { inside, initial };
}

/** Whether every sense WordNet has of a word is a proper noun ("Florence"), and it has one. */
export function onlyAName(word: string, wordnet: WordNet | undefined): boolean {
  const senses = wordnet?.senses(word, 20) ?? [];
  return senses.length > 0 && senses.every((id) => wordnet?.synset(id)?.proper === true);
}

// Folded, as normaliseText leaves them ("à" is "a").
const PLACE_BEFORE = new Set(
  'in at to from into near around across towards toward a en au aux dans vers pres'.split(' '),
);
const ARTICLES = new Set(['the', 'le', 'la', 'les', 'l']);

/**
 * Whether the name at `position` of the normalised words (the whole name: "Quebec City") follows
 * a preposition of place, an article between them allowed ("in the Alps", "dans les Alpes").
 */
export function standsForPlace(
  words: readonly string[],
  position: number,
  names: ReadonlySet<string>,
): boolean {
  let at = position - 1;
  while (at >= 0 && names.has(words[at]!)) at--;
  while (at >= 0 && ARTICLES.has(words[at]!)) at--;
  return at >= 0 && PLACE_BEFORE.has(words[at]!);
}
