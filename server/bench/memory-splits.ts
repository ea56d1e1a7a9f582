// The memory benchmark's sets: the development sets (what may be tuned on), the held-out set
// reported (held-out 7) and the earlier held-out sets, each run before the next was written, so
// seen (held-out 3-6 are development data since: dev 5-8 in `memory dev`); and how many of the
// held-out questions' words earlier sets' questions use. Only `memory` and `memory overlap` load
// the held-out set reported: the tuning commands load DEVELOPMENT and the seen sets they name.
import { generateQualitySet } from './memory-corpus.js';
import { generateSecondDevSet } from './memory-dev2.js';
import { generateThirdDevSet } from './memory-dev3.js';
import { generateFourthDevSet } from './memory-dev4.js';
import { generateHeldOutSet, heldOutOverlap } from './memory-heldout.js';
import { generateFreshHeldOutSet } from './memory-heldout2.js';
import { generateThirdHeldOutSet } from './memory-heldout3.js';
import { generateFourthHeldOutSet } from './memory-heldout4.js';
import { generateFifthHeldOutSet } from './memory-heldout5.js';
import { generateSixthHeldOutSet } from './memory-heldout6.js';
import { generateSeventhHeldOutSet } from './memory-heldout7.js';

export type Split =
  | 'development'
  | 'development 2'
  | 'development 3'
  | 'development 4'
  | 'held-out 7'
  | 'held-out 6, seen'
  | 'held-out 5, seen'
  | 'held-out 4, seen'
  | 'held-out 3, seen'
  | 'held-out 2, seen'
  | 'held-out 1, seen';
/** The sets the weights, lexicons and thresholds may be tuned on. */
export const DEVELOPMENT: readonly Split[] = [
  'development',
  'development 2',
  'development 3',
  'development 4',
];
/** The held-out set reported: nothing was tuned on it, nor measured on it before it was wired in. */
export const HELD_OUT: Split = 'held-out 7';
/** The earlier held-out sets, each run before the next was written (so they guide nothing). */
export const SEEN_HELD_OUT: readonly Split[] = [
  'held-out 6, seen',
  'held-out 5, seen',
  'held-out 4, seen',
  'held-out 3, seen',
  'held-out 2, seen',
  'held-out 1, seen',
];
/** The held-out set reported, then the earlier ones. */
export const SPLITS: readonly Split[] = [...DEVELOPMENT, HELD_OUT, ...SEEN_HELD_OUT];

export function splitOf(split: Split) {
  if (split === 'development') return generateQualitySet();
  if (split === 'development 2') return generateSecondDevSet();
  if (split === 'development 3') return generateThirdDevSet();
  if (split === 'development 4') return generateFourthDevSet();
  if (split === 'held-out 7') return generateSeventhHeldOutSet();
  if (split === 'held-out 6, seen') return generateSixthHeldOutSet();
  if (split === 'held-out 5, seen') return generateFifthHeldOutSet();
  if (split === 'held-out 4, seen') return generateFourthHeldOutSet();
  if (split === 'held-out 3, seen') return generateThirdHeldOutSet();
  return split === 'held-out 2, seen' ? generateFreshHeldOutSet() : generateHeldOutSet();
}

export interface Overlap {
  readonly share: number;
  readonly shared: string[];
}

/** The held-out set's question words used by development questions, and by earlier held-out ones. */
export interface HeldOutOverlaps extends Overlap {
  /** By development set, then by earlier held-out set. */
  readonly bySplit: Record<string, Overlap>;
  /** With the earlier held-out sets' questions. */
  readonly seenHeldOut: Overlap;
}

/** Reads the questions' words only: nothing is recalled (`memory overlap`). */
export function heldOutOverlaps(): HeldOutOverlaps {
  const heldOut = splitOf(HELD_OUT);
  const against = (splits: readonly Split[]) =>
    heldOutOverlap(
      splits.flatMap((split) => splitOf(split).questions),
      heldOut.questions,
      heldOut.facts,
    );
  return {
    ...against(DEVELOPMENT),
    bySplit: Object.fromEntries(
      [...DEVELOPMENT, ...SEEN_HELD_OUT].map((split) => [split, against([split])]),
    ),
    seenHeldOut: against(SEEN_HELD_OUT),
  };
}
