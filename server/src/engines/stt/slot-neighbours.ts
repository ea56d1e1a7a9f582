// The slot neighbours of a heard sentence: the grammar's sentences that differ from it in one run
// of a few words, the same words before and after ("eighty" against "ninety" or "ninety five",
// "light" against "lights", one name against another, "on" against "off"). Those are what a
// sentence heard confidently can still be mistaken for. Pure.

/** Most words a sentence and a neighbour may differ in, one run of words each. */
export const SLOT_SPAN = 3;

/** Where `other` differs from `words`: words [start, end) of `words` against `theirs` words. */
export interface DifferingRun {
  readonly start: number;
  readonly end: number;
  readonly theirs: number;
}

/**
 * The one run of words in which `other` differs from `words` (the longest common beginning and
 * ending taken away), or undefined when they are the same sentence or either side of the run is
 * longer than `span`. A run may be empty on one side ("twenty" against "twenty five").
 */
export function differingRun(
  words: readonly string[],
  other: readonly string[],
  span = SLOT_SPAN,
): DifferingRun | undefined {
  if (Math.abs(other.length - words.length) > span) return undefined;
  const shortest = Math.min(other.length, words.length);
  let before = 0;
  while (before < shortest && other[before] === words[before]) before++;
  if (before === words.length && before === other.length) return undefined;
  let after = 0;
  while (
    after < shortest - before &&
    other[other.length - 1 - after] === words[words.length - 1 - after]
  ) {
    after++;
  }
  const mine = words.length - before - after;
  const theirs = other.length - before - after;
  if (mine > span || theirs > span || mine + theirs === 0) return undefined;
  return { start: before, end: before + mine, theirs };
}

/** The sentences of `sentences` that differ from `words` in one run of at most `span` words. */
export function slotNeighbours(
  words: readonly string[],
  sentences: Iterable<readonly string[]>,
  span = SLOT_SPAN,
): (readonly string[])[] {
  const neighbours: (readonly string[])[] = [];
  for (const other of sentences) if (differingRun(words, other, span)) neighbours.push(other);
  return neighbours;
}

/**
 * The positions of `words` that a neighbour replaces (a run of at least one word of `words`):
 * the slot words.
 */
export function slotPositions(
  words: readonly string[],
  sentences: Iterable<readonly string[]>,
  span = SLOT_SPAN,
): Set<number> {
  const slots = new Set<number>();
  for (const other of sentences) {
    const run = differingRun(words, other, span);
    if (!run || run.end === run.start || run.theirs > span) continue;
    for (let i = run.start; i < run.end; i++) slots.add(i);
  }
  return slots;
}
