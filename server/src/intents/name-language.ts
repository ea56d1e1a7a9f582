// Which language a device's or room's name is written in, so that a language's grammar holds only
// the names said in it. Home Assistant's aliases carry no language, and a French alias in the
// English grammar ("cafetière") is one more sentence that English speech which is no command
// ("turn on the garage heater") can be heard as.
//
// The evidence, word by word: letters only one language writes (é, ç, œ...), a language's little
// words ("de", "la", "l'", "the", "of"), and, when given, a word known to be of one language only
// (a French dictionary's word that the English pronunciation dictionary lacks: "chambre",
// "couloir"). The language with most evidence wins; a name with none, or as much for two
// languages, belongs to every language: people name things "Draco". Pure.
import type { LanguageData } from './languages/language.js';
import type { Language } from './types.js';

/** A name's language, or undefined when it belongs to every language. */
export type NameLanguage = (name: string) => Language | undefined;

/** The language a single lowercase word is known to be of, from word lists. */
export type WordLanguage = (word: string) => Language | undefined;

/** A name's language set by hand (`stt.phrase.name_languages`); `any`: every language. */
export type NameLanguageOverrides = Readonly<Record<string, Language | 'any'>>;

export interface NameLanguageOptions {
  /** The languages and their clues (`nameClues`). */
  readonly languages: readonly LanguageData[];
  readonly wordLanguage?: WordLanguage;
  readonly overrides?: NameLanguageOverrides;
}

const APOSTROPHES = /[’‘`´ʼ]/g;
const ELISION = /^(\p{L}{1,3}')(\p{L}.*)$/u;

/** Lowercase words, an elided article split off its word ("d'entrée" -> "d'", "entrée"). */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .split(/[^\p{L}\p{M}\p{N}']+/u)
    .flatMap((word) => {
      const bare = word.replace(/^'+/, '');
      const elided = ELISION.exec(bare);
      return elided ? [elided[1]!, trailing(elided[2]!)] : [trailing(bare)];
    })
    .filter((word) => /\p{L}/u.test(word));
}

function trailing(word: string): string {
  return word.replace(/'+$/, '');
}

/** The languages one word is evidence for. */
function wordEvidence(
  word: string,
  languages: readonly LanguageData[],
  wordLanguage: WordLanguage | undefined,
): Language[] {
  const clued = languages
    .filter(
      ({ nameClues }) =>
        nameClues.words.includes(word) || [...word].some((c) => nameClues.letters.includes(c)),
    )
    .map((data) => data.language);
  if (clued.length > 0) return clued;
  const listed = wordLanguage?.(word);
  return listed === undefined ? [] : [listed];
}

export function nameLanguageGuesser(options: NameLanguageOptions): NameLanguage {
  const { languages, wordLanguage } = options;
  const overrides = new Map(
    Object.entries(options.overrides ?? {}).map(([name, language]) => [fold(name), language]),
  );
  return (name) => {
    const set = overrides.get(fold(name));
    if (set !== undefined) return set === 'any' ? undefined : set;
    const votes = new Map<Language, number>();
    for (const word of nameWords(name)) {
      for (const language of wordEvidence(word, languages, wordLanguage)) {
        votes.set(language, (votes.get(language) ?? 0) + 1);
      }
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    return first && (!second || second[1] < first[1]) ? first[0] : undefined;
  };
}

function fold(name: string): string {
  return nameWords(name).join(' ');
}

/**
 * Of one thing's names (its primary name first, then its aliases), those said in `language`:
 * every name that is of no other language. When that leaves none, the primary name, so that
 * everything can still be named in every language (a French "Cafetière" in an English grammar
 * beats a coffee machine that English cannot switch on).
 */
export function namesIn(
  language: Language,
  names: readonly string[],
  guess: NameLanguage,
): string[] {
  const own = names.filter((name) => {
    const guessed = guess(name);
    return guessed === undefined || guessed === language;
  });
  return own.length > 0 ? own : names.slice(0, 1);
}
