// Variants for what the memory knows of the world through WordNet (issue 13): names of places,
// rare query words widened to their other senses, definitions of rare words. `GLOSS_ABLATIONS`
// run in the whole benchmark (each mechanism of the default off, the ones not kept on); the
// grid runs only in `memory dev <variant>`, on the development sets.
import type { EmbedderChoice } from './memory-embedders.js';
import type { Variant } from './memory.js';
import { SENTENCE_WEIGHTS } from '../src/memory/sentence-blend.js';
import { DEFAULT_EXPANSION, type WordNetExpansion } from '../src/memory/wordnet-lexicon.js';

export const BLEND = { kind: 'blend' } as const;
export const BLENDED = 'hashed + sentence encoder (0.75), vector weight 1.5 (default)';

const blended = (
  name: string,
  expansion: Partial<WordNetExpansion>,
  embedder: EmbedderChoice = BLEND,
): Variant => ({
  name: `${BLENDED}: ${name}`,
  embedder,
  weights: SENTENCE_WEIGHTS,
  expansion: { ...DEFAULT_EXPANSION, ...expansion },
});

export const GLOSS_ABLATIONS: readonly Variant[] = [
  blended('before the world knowledge (no places, no rare words widened)', {
    places: false,
    rareWords: undefined,
  }),
  blended('no places named', { places: false }),
  blended('no rare words widened', { rareWords: undefined }),
  blended('rare words always widened', {
    rareWords: { ...DEFAULT_EXPANSION.rareWords!, unmatched: false },
  }),
  blended(
    'rare words’ definitions in memory vectors (0.5)',
    {},
    {
      kind: 'blend',
      glosses: { below: 5, weight: 0.5 },
    },
  ),
  blended('definitions stored with memories too (full text)', { glosses: true }),
];

/** Settings tried on the development sets only (`memory dev "<name>"`). */
export const GLOSS_GRID: readonly Variant[] = [
  {
    name: 'hashed embedder: before the world knowledge (no places, no rare words widened)',
    expansion: { ...DEFAULT_EXPANSION, places: false, rareWords: undefined },
  },
  ...[
    [0, 1, false],
    [10, 1, false],
    [20, 1, false],
    [5, 1, true],
    [20, 1, true],
    [50, 1, true],
  ].map(([below, depth, unmatched]) =>
    blended(`rare words widened ${below}/5/${depth}${unmatched ? ' when unmatched' : ''}`, {
      places: false,
      rareWords: {
        below: below as number,
        senses: 5,
        depth: depth as number,
        unmatched: unmatched as boolean,
      },
    }),
  ),
  blended('places named only', { places: true, rareWords: undefined }),
  ...[
    [5, 0.3, false],
    [5, 0.5, false],
    [5, 1, false],
    [20, 0.5, false],
    [5, 0.5, true],
    [5, 0.5, false, 'nouns'],
    [5, 0.5, false, 'only-nouns'],
  ].map(([below, weight, queries, nouns]) =>
    blended(
      `glosses ${below}/${weight}${queries ? '/queries' : ''}${nouns ? `/${nouns}` : ''}`,
      { places: false, rareWords: undefined },
      {
        kind: 'blend',
        glosses: {
          below: below as number,
          weight: weight as number,
          queries: queries as boolean,
          nouns: nouns as 'nouns' | 'only-nouns' | undefined,
        },
      },
    ),
  ),
  ...[0.5, 1].map((weight) =>
    blended(
      `glosses 5/${weight}/one sense`,
      {},
      { kind: 'blend', glosses: { below: 5, weight, oneSense: true } },
    ),
  ),
  blended(
    'glosses 5/0.3 with places and widening',
    {},
    {
      kind: 'blend',
      glosses: { below: 5, weight: 0.3 },
    },
  ),
];
