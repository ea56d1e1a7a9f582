// The lexicon the memory analyses texts with: the household one with WordNet's tags beside it
// when WordNet's files are installed (Debian's wordnet-base), else the household one alone,
// said once at start so a missing package is not a silent loss of recall.
import type { Logger } from 'wyoming-ts';
import { HOUSEHOLD_LEXICON, type Lexicon } from './lexicon.js';
import { openWordNet, WORDNET_DIR } from './wordnet.js';
import { withWordNet } from './wordnet-lexicon.js';

export interface MemoryLexicon {
  readonly lexicon: Lexicon;
  /** For the start-up summary: which lexicon, or what is missing. */
  readonly line: string;
}

export function openMemoryLexicon(logger: Logger, dir = WORDNET_DIR): MemoryLexicon {
  const { wordnet, missing } = openWordNet(dir);
  if (!wordnet) {
    logger.warn(
      `memory: WordNet is missing (${missing}); recall uses the household lexicon alone and ` +
        `finds fewer memories asked for in other words. Install it: apt-get install wordnet-base`,
    );
    return {
      lexicon: HOUSEHOLD_LEXICON,
      line: 'household lexicon only (WordNet missing: apt-get install wordnet-base)',
    };
  }
  return {
    lexicon: withWordNet(HOUSEHOLD_LEXICON, wordnet),
    line: `household lexicon and WordNet 3.0 (${wordnet.dir})`,
  };
}
