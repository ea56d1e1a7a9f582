// Candidate mechanisms of issue 13's transfer session (`memory transfer "<name>"`): each tried on
// the default as it was before them, kept when it raised dev 1-5 and did not lower dev 6 (held-out
// 4, spent; its aggregate only). Kept (the default now): names of times, WordNet's names of 3-4
// words, definitions of rare query words only. Not kept: "which town", "quelle époque" asking
// for the kind of answer WordNet files their noun under (dev 6 lost one question; places and
// people only: no gain), and the vector's weight. `BEFORE_TRANSFER` runs in the whole benchmark.
import type { Variant } from './memory.js';
import { BLEND, BLENDED } from './memory-gloss-variants.js';
import { SENTENCE_WEIGHTS } from '../src/memory/sentence-blend.js';
import { DEFAULT_EXPANSION, type WordNetExpansion } from '../src/memory/wordnet-lexicon.js';

const BEFORE: Partial<WordNetExpansion> = {
  timeNames: false,
  phrases: 2,
  glossesBelow: undefined,
};

const blended = (
  name: string,
  expansion: Partial<WordNetExpansion>,
  vector = SENTENCE_WEIGHTS.vector,
): Variant => ({
  name,
  embedder: BLEND,
  weights: { ...SENTENCE_WEIGHTS, vector },
  expansion: { ...DEFAULT_EXPANSION, ...expansion },
});

/** The default before them: no names of times, two-word names, every query word's definition. */
export const BEFORE_TRANSFER = blended(
  `${BLENDED}: before the transfer session (no time names, 2-word names, all definitions)`,
  BEFORE,
);

export const TRANSFER_VARIANTS: readonly Variant[] = [
  BEFORE_TRANSFER,
  ...[5, 20, 50].map((below) =>
    blended(`glosses below ${below}`, { ...BEFORE, glossesBelow: below }),
  ),
  blended('time names', { ...BEFORE, timeNames: true }),
  ...[3, 4].map((n) => blended(`phrases of ${n}`, { ...BEFORE, phrases: n })),
  ...[1.25, 2, 2.5, 3].map((vector) => blended(`kept, vector ${vector}`, {}, vector)),
];
