// The lexicon the memory analyses texts with: the household one, with WordNet's tags beside it
// when WordNet's files are installed (Debian's wordnet-base) and French words' English words when
// FreeDict's French-English dictionary is (dict-freedict-fra-eng; with WordNet, cognates of the
// words it lacks: cognates.ts). What is missing is said once
// at start, so a missing package is not a silent loss of recall.
import type { Logger } from 'wyoming-ts';
import type { Frequency } from './english-text.js';
import { withCognatesOf } from './cognates.js';
import { FREEDICT_DIR, openFrenchEnglish, type Translator } from './french-english.js';
import { HOUSEHOLD_LEXICON, type Lexicon } from './lexicon.js';
import { openWordNet, WORDNET_DIR } from './wordnet.js';
import { withWordNet } from './wordnet-lexicon.js';

export interface MemoryLexicon {
  readonly lexicon: Lexicon;
  /** For the start-up summary: which lexicons, and what is missing. */
  readonly line: string;
  /** The dictionary and WordNet's word counts, when installed (the sentence encoder's French). */
  readonly translator?: Translator;
  readonly frequency?: Frequency;
}

export function openMemoryLexicon(
  logger: Logger,
  dirs: { wordnet?: string; dictionary?: string } = {},
): MemoryLexicon {
  const { wordnet, missing } = openWordNet(dirs.wordnet ?? WORDNET_DIR);
  const dictionary = openFrenchEnglish(dirs.dictionary ?? FREEDICT_DIR);
  const noDictionary = dictionary.missing;
  // Words the dictionary lacks are looked for in WordNet as cognates ("radiologue").
  const translator = withCognatesOf(dictionary.translator, wordnet);
  const parts = ['household lexicon'];
  if (wordnet) parts.push(`WordNet 3.0 (${wordnet.dir})`);
  else {
    logger.warn(
      `memory: WordNet is missing (${missing}); recall finds fewer memories asked for in other ` +
        `words. Install it: apt-get install wordnet-base`,
    );
    parts.push('WordNet missing (apt-get install wordnet-base)');
  }
  if (translator) parts.push('French-English dictionary');
  else {
    logger.warn(
      `memory: the French-English dictionary is missing (${noDictionary}); recall matches ` +
        `French and English less well. Install it: apt-get install dict-freedict-fra-eng`,
    );
    parts.push('French-English dictionary missing (apt-get install dict-freedict-fra-eng)');
  }
  const lexicon =
    wordnet || translator
      ? withWordNet(HOUSEHOLD_LEXICON, wordnet, undefined, translator)
      : HOUSEHOLD_LEXICON;
  return {
    lexicon,
    line: parts.join(', '),
    translator,
    frequency: wordnet?.frequency?.bind(wordnet),
  };
}
