// What a text's rare words mean, in WordNet's own words: the definition of each rare content
// word's commonest sense ("dehumidifier": "a device that removes moisture from the air"). A
// sentence encoder knows common words well and rare ones poorly; their definitions say in common
// words what a memory is about, so "l'appareil contre l'humidité" can find the dehumidifier.
// English words only: French is rewritten into English words first by the caller.
import { isStopWord, normaliseText } from './text-analysis.js';
import type { WordNet } from './wordnet.js';

export interface GlossOptions {
  /** A word met at most this often in WordNet's tagged texts is rare enough to define. */
  readonly below: number;
  /** At most this many definitions per text, rarest words first. */
  readonly most?: number;
  /**
   * Which words are defined: any (their commonest sense, whatever its part of speech), `nouns`
   * (their commonest noun sense) or `only-nouns` (words that are nothing but nouns: "favourite"
   * or "leak" are not, and their commonest noun sense is often not the one meant).
   */
  readonly nouns?: 'nouns' | 'only-nouns';
  /** Only words with one sense in WordNet, whose definition cannot be another sense's. */
  readonly oneSense?: boolean;
}

/** Words written with a capital inside a sentence are names: not defined ("Singer", "Felix"). */
function contentWords(text: string): string[] {
  const words: string[] = [];
  text.split(/\s+/).forEach((token, i, tokens) => {
    const name = i > 0 && /^\p{Lu}/u.test(token) && !/[.!?:]$/.test(tokens[i - 1]!);
    if (name) return;
    for (const w of normaliseText(token).split(' ')) {
      if (w.length > 2 && !/\d/.test(w) && !isStopWord(w)) words.push(w);
    }
  });
  return words;
}

/** The sense of a word that is defined: none, or its commonest (of the parts of speech allowed). */
function senseOf(word: string, wordnet: WordNet, options: GlossOptions): string[] {
  if (options.oneSense && wordnet.senses(word, 2).length !== 1) return [];
  const senses = wordnet.senses(word, 1);
  if (options.nouns === undefined) return senses;
  const nouns = senses.filter((id) => id.startsWith('n'));
  return options.nouns === 'only-nouns' && nouns.length < senses.length ? [] : nouns;
}

/** The names of two or three words starting at `i`, as WordNet writes them ("first-aid_kit"). */
function phrasesAt(words: readonly string[], i: number): string[] {
  const [a, b, c] = words.slice(i, i + 3);
  if (b === undefined) return [];
  const three = c === undefined ? [] : [`${a}_${b}_${c}`, `${a}-${b}_${c}`];
  return [...three, `${a}_${b}`, `${a}-${b}`];
}

/**
 * The definitions of a text's rare words, joined ("" when none): their commonest sense's, rarest
 * word first. Two-word names WordNet knows ("first aid kit" is one) are defined as one.
 */
export function glossOf(text: string, wordnet: WordNet, options: GlossOptions): string {
  const words = contentWords(text);
  const found: { count: number; gloss: string }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const phrase = phrasesAt(words, i).find((p) => wordnet.senses(p, 1).length > 0);
    const word = phrase ?? words[i]!;
    const [sense] = senseOf(word, wordnet, options);
    const gloss = sense === undefined ? undefined : wordnet.synset(sense)?.gloss;
    const count = wordnet.frequency?.(word) ?? 0;
    if (gloss && count <= options.below && !seen.has(gloss)) {
      seen.add(gloss);
      found.push({ count, gloss });
    }
    if (phrase) i += phrase.split(/[_-]/).length - 1;
  }
  return found
    .sort((a, b) => a.count - b.count)
    .slice(0, options.most ?? 3)
    .map((f) => f.gloss)
    .join('; ');
}
