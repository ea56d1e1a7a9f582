// Which words are known to be of one language only, for guessing a name's language
// (name-language.ts), from the word lists the server already installs: a word of the French
// dictionary (FreeDict's French-English headwords, a singular or infinitive found as the memory
// finds them) is French when the English pronunciation dictionary the phrase engine uses lacks
// it ("chambre", "couloir", "volets"); a word in both ("salon", "garage", "machine") tells
// nothing. The English dictionary is no evidence the other way: it also lists the world's
// names ("draco", "samsung"), which are said in every language.
import { readFile } from 'node:fs/promises';
import { FREEDICT_DIR, frenchHeadwords, frenchLemmas } from '../memory/french-english.js';
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

const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** The words French has in `headwords`, as written or as a dictionary form of them. */
function inFrench(word: string, headwords: ReadonlySet<string>): boolean {
  return frenchLemmas(fold(word)).some((form) => headwords.has(form));
}

/**
 * Endings French spells and English does not, for the French words the small French list lacks
 * ("ventilateur", "plafonnier"); only for words the English dictionary lacks too.
 */
const FRENCH_ENDINGS = /(?:eurs?|eaux?|oirs?|ettes?|iers?)$/;

/**
 * French for the words the English dictionary lacks and the French list has, or that end the
 * way French words do; undefined when either list is missing (then only letters and little
 * words tell a name's language).
 */
export async function loadWordLanguage(paths: WordListPaths): Promise<WordLanguage | undefined> {
  const headwords = frenchHeadwords(paths.freedictDir ?? FREEDICT_DIR);
  if (!headwords) return undefined;
  let text: string;
  try {
    text = await readFile(paths.englishDictionary, 'utf8');
  } catch {
    return undefined;
  }
  const frenchLooking = (word: string) => FRENCH_ENDINGS.test(word) || inFrench(word, headwords);
  // Only the English words that look French are kept: the others are never French evidence.
  const english = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.slice(0, line.indexOf(' ')).replace(/\(\d+\)$/, '');
    if (word && frenchLooking(word)) english.add(word);
  }
  return (word) => (!english.has(word) && frenchLooking(word) ? 'fr' : undefined);
}

/**
 * A name's language as the server tells it: every known language's clues, the word lists at
 * `paths` when installed (`wordLists` says whether they were), and the names set by hand.
 */
export async function installedNameLanguage(
  paths: WordListPaths | undefined,
  overrides?: NameLanguageOverrides,
): Promise<{ nameLanguage: NameLanguage; wordLists: boolean }> {
  const wordLanguage = paths && (await loadWordLanguage(paths));
  const nameLanguage = nameLanguageGuesser({ languages: LANGUAGES, wordLanguage, overrides });
  return { nameLanguage, wordLists: wordLanguage !== undefined };
}
