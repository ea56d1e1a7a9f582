// What a thing is for, in WordNet's own words: a memory naming a thing made for a use (WordNet's
// instrumentality: "first aid kit", "shovel", "pacemaker") stores the words of its definition
// ("…a set of bandages and medicines for giving first aid", "…a hand tool for lifting…"), so a
// question about what it is for ("where are the bandages?") meets the memory naming it. Only
// things: the definitions of every other word (people, feelings, times) say what they are, not
// what they are for, and met questions they were not about (`glosses: true` stores them all).
import { isStopWord, stem } from './text-analysis.js';
import type { WordNet } from './wordnet.js';

/** How far up WordNet's hypernyms a noun is searched for instrumentality. */
const DEPTH = 14;
/**
 * A name's commonest noun senses read, those that are things: "pacemaker" is first someone who
 * sets the pace, third the implanted device.
 */
const SENSES = 3;

export interface Purposes {
  /**
   * The stems of the definition of the thing WordNet names with the words starting at
   * `at` (three, two, then one word: "first aid kit" before "kit"), as `g_<stem>` terms, and how
   * many words that name has; nothing when those words name no such thing.
   */
  at(words: readonly string[], at: number): { terms: string[]; length: number };
}

/** The forms WordNet may write a name of `n` words in ("first-aid_kit", "first_aid_kit"). */
function namesOf(words: readonly string[]): string[] {
  if (words.length === 1) return [words[0]!];
  const forms = new Set<string>();
  for (let joins = 0; joins < 2 ** (words.length - 1); joins++)
    forms.add(words.reduce((s, w, k) => `${s}${(joins >> (k - 1)) & 1 ? '-' : '_'}${w}`));
  return [...forms];
}

export function purposesOf(wordnet: WordNet, normalise: (s: string) => string): Purposes {
  // "An artifact that is instrumental in accomplishing some end": tools, devices, containers,
  // equipment, furniture. Not every artifact: with buildings and rooms too, the transfer sets
  // (dev 6-8) lost a question at R@1.
  const instrumentality = wordnet.senses('instrumentation', 1)[0];
  const cache = new Map<string, string[] | undefined>();
  const isThing = (id: string): boolean => {
    let level = [id];
    const seen = new Set(level);
    for (let d = 0; d < DEPTH && level.length > 0; d++) {
      if (instrumentality !== undefined && level.includes(instrumentality)) return true;
      level = level
        .flatMap((s) => wordnet.synset(s)?.above ?? [])
        .filter((a) => !seen.has(a) && seen.add(a));
    }
    return false;
  };
  /** The stems of the definitions of a name's commonest noun senses that are things, if any. */
  const definitionOf = (name: string): string[] | undefined => {
    if (cache.has(name)) return cache.get(name);
    const nouns = wordnet.senses(name, SENSES).filter((id) => id.startsWith('n') && isThing(id));
    let found: string[] | undefined;
    if (nouns.length > 0) {
      const own = new Set(normalise(name.replace(/[_-]/g, ' ')).split(' ').map(stem));
      const gloss = nouns.map((id) => wordnet.synset(id)?.gloss ?? '').join(' ');
      const words = normalise(gloss).split(' ');
      found = [
        ...new Set(words.filter((w) => w.length > 2 && !isStopWord(w) && !/\d/.test(w)).map(stem)),
      ]
        .filter((s) => !own.has(s))
        .map((s) => `g_${s}`);
    }
    cache.set(name, found);
    return found;
  };
  return {
    at(words, at) {
      for (let n = Math.min(3, words.length - at); n >= 1; n--) {
        for (const name of namesOf(words.slice(at, at + n))) {
          const terms = definitionOf(name);
          if (terms) return { terms, length: n };
        }
      }
      return { terms: [], length: 1 };
    },
  };
}
