// What distinguishes a heard sentence from the grammar's other sentences: its value or name runs
// (the number, the device or room name) rather than the carrier words around them ("set the",
// "turn on the"), which a near miss shares. A name run is a word (or a few) of the sentence that
// at least `minSubstitutes` neighbours replace by as many different words, and that is not one
// of the grammar's everyday words; a number run is all the number's words ("eighty five", not
// "eighty"). Pure.
import type { WordRun } from './filler-grammar.js';
import { integerToWords } from './phrase-text.js';
import { differingRun, SLOT_SPAN } from './slot-neighbours.js';

/** English number words, as the grammar and `transcriptWords` spell numbers. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  [...Array.from({ length: 100 }, (_, n) => integerToWords(n)), 'hundred thousand million']
    .join(' ')
    .split(' '),
);

export interface ValueRunOptions {
  /** Fewest different replacements that make a run a name or value slot. */
  readonly minSubstitutes?: number;
  /** Words in more than this share of the grammar's sentences are carrier words ("the", "set"). */
  readonly carrierShare?: number;
  readonly span?: number;
}

/** A neighbour of the sentence and where it differs. */
export interface Neighbour {
  readonly words: readonly string[];
  /** Words [start, end) of the sentence it replaces (empty: it inserts words there). */
  readonly run: WordRun;
  /** Its own words in their place. */
  readonly theirs: readonly string[];
}

/** The sentences of `sentences` that differ from `words` in one run of at most `span` words. */
export function neighboursOf(
  words: readonly string[],
  sentences: Iterable<readonly string[]>,
  span = SLOT_SPAN,
): Neighbour[] {
  const found: Neighbour[] = [];
  for (const other of sentences) {
    const run = differingRun(words, other, span);
    if (!run) continue;
    const theirs = other.slice(run.start, run.start + run.theirs);
    found.push({ words: other, run: { start: run.start, end: run.end }, theirs });
  }
  return found;
}

/** The share of `sentences` each word appears in. */
export function wordShares(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    for (const word of new Set(sentence)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const n = Math.max(1, sentences.length);
  return new Map([...counts].map(([word, count]) => [word, count / n]));
}

const contains = (outer: WordRun, inner: WordRun) =>
  outer.start <= inner.start && inner.end <= outer.end;

/** The run widened to every number word next to it, when it holds one. */
function wholeNumber(words: readonly string[], run: WordRun): WordRun {
  if (!words.slice(run.start, run.end).some((w) => NUMBER_WORDS.has(w))) return run;
  let { start, end } = run;
  while (start > 0 && NUMBER_WORDS.has(words[start - 1]!)) start--;
  while (end < words.length && NUMBER_WORDS.has(words[end]!)) end++;
  return { start, end };
}

/**
 * The name and value runs of `words` (in order, apart): the smallest runs its `neighbours`
 * replace in at least `minSubstitutes` different ways, none of their words a carrier word
 * (`shares`: in more than `carrierShare` of the sentences, numbers aside); numbers whole.
 */
export function valueRuns(
  words: readonly string[],
  neighbours: readonly Neighbour[],
  shares: ReadonlyMap<string, number>,
  options: ValueRunOptions = {},
): WordRun[] {
  const { minSubstitutes = 3, carrierShare = 0.2 } = options;
  const substitutes = new Map<string, { run: WordRun; theirs: Set<string> }>();
  for (const { run, theirs } of neighbours) {
    if (run.end === run.start || theirs.length === 0) continue;
    const key = `${run.start}:${run.end}`;
    const entry = substitutes.get(key) ?? { run, theirs: new Set<string>() };
    entry.theirs.add(theirs.join(' '));
    substitutes.set(key, entry);
  }
  // A number is a value however often the grammar says it (a home of thermostats).
  const carrier = (w: string) => !NUMBER_WORDS.has(w) && (shares.get(w) ?? 0) > carrierShare;
  const slots = [...substitutes.values()]
    .filter(({ theirs }) => theirs.size >= minSubstitutes)
    .map(({ run }) => run)
    .filter((run) => !words.slice(run.start, run.end).some(carrier));
  const smallest = slots.filter(
    (run) => !slots.some((other) => other !== run && contains(run, other)),
  );
  const runs = smallest.map((run) => wholeNumber(words, run)).sort((a, b) => a.start - b.start);
  // Overlapping runs (a number widened over its neighbour) merge.
  const merged: WordRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && run.start < last.end)
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, run.end) };
    else merged.push(run);
  }
  return merged;
}

/** The neighbours that replace words of `runs`: other values or names, not other carriers. */
export function rivalsAt(neighbours: readonly Neighbour[], runs: readonly WordRun[]): Neighbour[] {
  return neighbours.filter(({ run }) =>
    runs.some((value) => run.start < value.end && value.start < run.end),
  );
}
