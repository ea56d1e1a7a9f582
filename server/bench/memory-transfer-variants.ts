// Candidate mechanisms of issue 13's transfer session, each a variant of the default
// (`memory transfer "<name>"`): tuned on dev 1-5, checked on dev 6's aggregate only.
import type { Variant } from './memory.js';
import { BLEND } from './memory-gloss-variants.js';
import { SENTENCE_WEIGHTS } from '../src/memory/sentence-blend.js';
import { DEFAULT_EXPANSION, type WordNetExpansion } from '../src/memory/wordnet-lexicon.js';

const blended = (name: string, expansion: Partial<WordNetExpansion>): Variant => ({
  name,
  embedder: BLEND,
  weights: SENTENCE_WEIGHTS,
  expansion: { ...DEFAULT_EXPANSION, ...expansion },
});

export const TRANSFER_VARIANTS: readonly Variant[] = [
  blended('asked kinds', { askedKinds: true }),
  ...[5, 20, 50, 200].map((below) => blended(`glosses below ${below}`, { glossesBelow: below })),
  blended('time names', { timeNames: true }),
  blended('phrases of 4', { phrases: 4 }),
  blended('phrases of 3', { phrases: 3 }),
  blended('time names, phrases of 4, glosses below 20', {
    timeNames: true,
    phrases: 4,
    glossesBelow: 20,
  }),
];
