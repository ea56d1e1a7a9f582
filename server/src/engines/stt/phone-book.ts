// Pronunciations of any English word, for comparing transcripts on phones (agreement.ts): a
// grammar's own (its accents' variants included), then the CMU dictionary's, read once when first
// needed, then espeak-ng's letter-to-sound guess for what neither has (remembered).
import { readFile } from 'node:fs/promises';
import type { PhoneLookup } from './agreement.js';
import { guessPronunciation, readDictionary } from './lexicon.js';

export { readDictionary };

/** Guesses remembered at most (a word no dictionary has is rare, but the set is unbounded). */
const MAX_GUESSES = 2000;

export interface PhoneBookOptions {
  /** The pronunciation dictionary (CMU's, as pocketsphinx-en-us ships it). */
  readonly dictionary: string;
  /** espeak-ng, to guess words the dictionary lacks; null: such words have no phones. */
  readonly espeak: string | null;
}

export class PhoneBook {
  private cmu: Promise<Map<string, string[]>> | undefined;
  private readonly guesses = new Map<string, string | undefined>();

  constructor(private readonly options: PhoneBookOptions) {}

  /**
   * A lookup covering `words`, once their phones are known; `grammar`'s pronunciations (a
   * grammar's dictionary, `readDictionary`) come first.
   */
  async lookupFor(
    words: readonly string[],
    grammar: ReadonlyMap<string, readonly string[]> = new Map(),
    signal?: AbortSignal,
  ): Promise<PhoneLookup> {
    const cmu = await (this.cmu ??= readFile(this.options.dictionary, 'utf8').then(readDictionary));
    const unknown = words.filter((w) => !grammar.has(w) && !cmu.has(w) && !this.guesses.has(w));
    for (const word of new Set(unknown)) {
      const guess =
        this.options.espeak === null
          ? undefined
          : await guessPronunciation(word, { espeak: this.options.espeak, signal });
      if (this.guesses.size >= MAX_GUESSES) this.guesses.clear();
      this.guesses.set(word, guess);
    }
    return (word) => {
      const known = grammar.get(word) ?? cmu.get(word);
      const guess = this.guesses.get(word);
      const phones = known ?? (guess ? [guess] : []);
      return phones.map((p) => p.split(' '));
    };
  }
}
