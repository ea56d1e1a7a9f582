// Candidate mechanisms of issue 13's transfer session (`memory transfer "<name>"`): each tried on
// the default as it was before them, kept when it raised dev 1-5 and did not lower dev 6 (held-out
// 4, spent; its aggregate only). Kept (the default now): names of times, WordNet's names of 3-4
// words, definitions of rare query words only. Not kept: "which town", "quelle époque" asking
// for the kind of answer WordNet files their noun under (dev 6 lost one question; places and
// people only: no gain). The vector's weight was then chosen on dev 1-5 (2; 1.5 before). `BEFORE_TRANSFER` runs in the whole benchmark.
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
  `${BLENDED}: before the transfer session (vector 1.5, no time names, 2-word names, all definitions)`,
  BEFORE,
  1.5,
);
/** The default with the vector weight before it (1.5). */
export const VECTOR_BEFORE = blended(`${BLENDED}: vector weight 1.5`, {}, 1.5);

export const TRANSFER_VARIANTS: readonly Variant[] = [
  BEFORE_TRANSFER,
  VECTOR_BEFORE,
  ...[5, 20, 50].map((below) =>
    blended(`glosses below ${below}`, { ...BEFORE, glossesBelow: below }, 1.5),
  ),
  blended('time names', { ...BEFORE, timeNames: true }, 1.5),
  ...[3, 4].map((n) => blended(`phrases of ${n}`, { ...BEFORE, phrases: n }, 1.5)),
  ...[1.25, 2.5, 3].map((vector) => blended(`kept, vector ${vector}`, {}, vector)),
];
