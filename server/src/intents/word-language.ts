// Which words are known to be of one language only, for guessing a name's language
// (name-language.ts), from the word lists the server already installs: a word of the French
// dictionary (FreeDict's French-English headwords, a singular or infinitive found as the memory
// finds them) is French when the English pronunciation dictionary the phrase engine uses lacks
// it and its English singular ("chambre", "couloir", "chambres"; not "pendants": "pendant" is
// English); a word in both ("salon", "garage", "machine") tells nothing. A word the English
// dictionary has and the French one lacks ("room", "kettle") is no evidence of its own, since
// that dictionary also lists the world's names ("draco", "samsung"), said in every language; it
// only outweighs a French little word ("Au pair room").
import { readFile } from 'node:fs/promises';
import {
  FREEDICT_DIR,
  foldAccents,
  frenchHeadwords,
  frenchLemmas,
} from '../memory/french-english.js';
import { LANGUAGES } from './languages/index.js';
import {
  type NameLanguage,
  nameLanguageGuesser,
  type NameLanguageOverrides,
  type WordLanguage,
} from './name-language.js';

export interface WordListPaths {
  /** The phrase engine's pronunciation dictionary (`word PH PH ...`, `word(2) ...`). */
  readonly englishDictionary: string;
  /** FreeDict's directory, with `freedict-fra-eng.index`. */
  readonly freedictDir?: string;
}

/** What the word lists tell of one word: French only, or English only (see above). */
export interface WordLists {
  readonly wordLanguage: WordLanguage;
  readonly dictionaryLanguage: WordLanguage;
}

/**
 * Endings French spells and English does not, for the French words the small French list lacks
 * ("ventilateur", "plafonnier"); only for words the English dictionary lacks too.
 */
const FRENCH_ENDINGS = /(?:eurs?|eaux?|oirs?|ettes?|iers?)$/;

/** A word and the English singulars it may be the plural of ("boxes" -> "boxe", "box"). */
export function englishSingulars(word: string): string[] {
  const forms = [word];
  if (/[^s]s$/.test(word)) forms.push(word.slice(0, -1));
  if (/(?:s|x|z|ch|sh)es$/.test(word)) forms.push(word.slice(0, -2));
  if (/[^aeiou]ies$/.test(word)) forms.push(`${word.slice(0, -3)}y`);
  return forms;
}

/** The words of a pronunciation dictionary (`word PH PH ...`, `word(2) ...`). */
function dictionaryWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.slice(0, line.indexOf(' ')).replace(/\(\d+\)$/, '');
    if (word) words.add(word);
  }
  return words;
}

/** The word lists at `paths`, or undefined when either is missing. */
export async function loadWordLists(paths: WordListPaths): Promise<WordLists | undefined> {
  const [headwords, text] = await Promise.all([
    frenchHeadwords(paths.freedictDir ?? FREEDICT_DIR),
    readFile(paths.englishDictionary, 'utf8').catch(() => undefined),
  ]);
  if (!headwords || text === undefined) return undefined;
  const english = dictionaryWords(text);
  const inEnglish = (word: string) => englishSingulars(word).some((form) => english.has(form));
  const frenchLooking = (word: string) =>
    FRENCH_ENDINGS.test(word) ||
    frenchLemmas(foldAccents(word)).some((form) => headwords.has(form));
  return {
    wordLanguage: (word) => (!inEnglish(word) && frenchLooking(word) ? 'fr' : undefined),
    dictionaryLanguage: (word) => (inEnglish(word) && !frenchLooking(word) ? 'en' : undefined),
  };
}

/**
 * A name's language as the server tells it: every known language's clues, the word lists at
 * `paths` when installed (`wordLists` says whether they were), and the names set by hand.
 */
export async function installedNameLanguage(
  paths: WordListPaths | undefined,
  overrides?: NameLanguageOverrides,
): Promise<{ nameLanguage: NameLanguage; wordLists: boolean }> {
  const lists = paths && (await loadWordLists(paths));
  const nameLanguage = nameLanguageGuesser({ languages: LANGUAGES, ...lists, overrides });
  return { nameLanguage, wordLists: lists !== undefined };
}
