// Which language a device's or room's name is written in, so that a language's grammar holds only
// the names said in it. Home Assistant's aliases carry no language, and a French alias in the
// English grammar ("cafetière") is one more sentence that English speech which is no command
// ("turn on the garage heater") can be heard as.
//
// The evidence, word by word: letters only one language writes (é, ç, œ...), a language's little
// words ("de", "la", "l'", "the", "of") standing as words of their own (not "De-humidifier"),
// and, when given, a word known to be of one language only (a French dictionary's word that the
// English pronunciation dictionary lacks: "chambre", "couloir"). A word only one language's
// dictionary has ("room") is no evidence of its own, since dictionaries list the world's names
// too, but it outweighs a little word of another language: "Au pair room" is no French. The
// language with most evidence wins; a name with none, or as much for two languages, belongs to
// every language: people name things "Draco". Pure.
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
  /**
   * The language whose dictionary alone has a word ("room", "kettle"): outweighs a little word of
   * another language, and is no evidence of its own (dictionaries list names: "draco").
   */
  readonly dictionaryLanguage?: WordLanguage;
  readonly overrides?: NameLanguageOverrides;
}

const APOSTROPHES = /[’‘`´ʼ]/g;
const ELISION = /^(\p{L}{1,3}')(\p{L}.*)$/u;
const HYPHENS = /[-‐‑]+/;

/** A name lowercase, its apostrophes all "'". */
const lowercase = (name: string) => name.normalize('NFC').toLowerCase().replace(APOSTROPHES, "'");

/** One word of a name; `alone` unless it is a part of a hyphenated word ("pour" in "Pour-over"). */
interface NameWord {
  readonly word: string;
  readonly alone: boolean;
}

/** The words of a name, lowercase, hyphenated words split, each elided article apart. */
function nameParts(name: string): NameWord[] {
  return lowercase(name)
    .split(/[^\p{L}\p{M}\p{N}'‐‑-]+/u)
    .flatMap((chunk) => {
      const words = chunk.split(HYPHENS).flatMap(splitElision).filter(hasLetter);
      const alone = chunk.split(HYPHENS).filter(hasLetter).length < 2;
      return words.map((word) => ({ word, alone }));
    });
}

/** Lowercase words, an elided article split off its word ("d'entrée" -> "d'", "entrée"). */
export function nameWords(name: string): string[] {
  return nameParts(name).map(({ word }) => word);
}

function splitElision(word: string): string[] {
  const bare = word.replace(/^'+/, '');
  const elided = ELISION.exec(bare);
  return elided ? [elided[1]!, trailing(elided[2]!)] : [trailing(bare)];
}

function trailing(word: string): string {
  return word.replace(/'+$/, '');
}

const hasLetter = (word: string) => /\p{L}/u.test(word);

/** What one word tells: strong evidence, a little word, or a word one dictionary alone has. */
interface Evidence {
  readonly kind: 'strong' | 'little' | 'dictionary';
  readonly languages: readonly Language[];
}

function wordEvidence(
  { word, alone }: NameWord,
  options: NameLanguageOptions,
): Evidence | undefined {
  const { languages, wordLanguage, dictionaryLanguage } = options;
  const of = (test: (clues: LanguageData['nameClues']) => boolean) =>
    languages.filter(({ nameClues }) => test(nameClues)).map((data) => data.language);
  const lettered = of(({ letters }) => [...word].some((c) => letters.includes(c)));
  if (lettered.length > 0) return { kind: 'strong', languages: lettered };
  const little = alone ? of(({ words }) => words.includes(word)) : [];
  if (little.length > 0) return { kind: 'little', languages: little };
  const listed = wordLanguage?.(word);
  if (listed !== undefined) return { kind: 'strong', languages: [listed] };
  const spelled = dictionaryLanguage?.(word);
  return spelled === undefined ? undefined : { kind: 'dictionary', languages: [spelled] };
}

/**
 * Each language's evidence in a name: its strong evidence, and its little words less one for each
 * word only another language's dictionary has.
 */
function votes(name: string, options: NameLanguageOptions): Map<Language, number> {
  const counts = { strong: new Map<Language, number>(), little: new Map<Language, number>() };
  const dictionary = new Map<Language, number>();
  for (const part of nameParts(name)) {
    const evidence = wordEvidence(part, options);
    if (!evidence) continue;
    const into = evidence.kind === 'dictionary' ? dictionary : counts[evidence.kind];
    for (const language of evidence.languages) into.set(language, (into.get(language) ?? 0) + 1);
  }
  const against = (language: Language) =>
    [...dictionary].reduce((sum, [other, n]) => (other === language ? sum : sum + n), 0);
  const total = new Map(counts.strong);
  for (const [language, n] of counts.little) {
    const kept = n - against(language);
    if (kept > 0) total.set(language, (total.get(language) ?? 0) + kept);
  }
  return total;
}

/** How a name set by hand is matched: the whole name, in any case, spacing or punctuation. */
export function overrideKey(name: string): string {
  return lowercase(name)
    .split(/[^\p{L}\p{M}\p{N}']+/u)
    .filter(Boolean)
    .join(' ');
}

export function nameLanguageGuesser(options: NameLanguageOptions): NameLanguage {
  const overrides = new Map(
    Object.entries(options.overrides ?? {}).map(([name, language]) => [
      overrideKey(name),
      language,
    ]),
  );
  return (name) => {
    const set = overrides.get(overrideKey(name));
    if (set !== undefined) return set === 'any' ? undefined : set;
    const ranked = [...votes(name, options)].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    return first && (!second || second[1] < first[1]) ? first[0] : undefined;
  };
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
