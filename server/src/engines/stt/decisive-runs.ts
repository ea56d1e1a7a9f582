// Every part of a heard sentence that can go wrong, for the second opinion to compare one by one
// and take the worst: its name and value runs, the run most slot neighbours replace, and every
// word another sentence of the grammar exchanges for one other word ("lock" and "unlock", "open"
// and "close", "on" and "off", "shutters" and "curtains"), however few sentences do, so a small
// home's pairs are compared too. Found from the grammar alone, no word list. Pure.
import { fillerRun, type WordRun } from './filler-grammar.js';
import { type Neighbour, neighboursOf, valueRuns } from './value-runs.js';

/**
 * The least phones a run is judged on (`widened`): of 1, 3, 4 and 5, the most commands acted on
 * correctly on the calibration split (README, "Understanding, measured").
 */
export const DECISIVE_MIN_PHONES = 3;

/** Which runs `decisiveRuns` gathers (all by default). */
export interface DecisiveRunOptions {
  readonly values?: boolean;
  readonly neighbours?: boolean;
  readonly exchanges?: boolean;
  /**
   * Fewest different replacements that make a name or value run (`valueRuns`); 1 by default, so
   * a small home's two rooms are compared too (on the calibration split 1, 2, 3: 280, 282, 281
   * commands acted on correctly, none wrongly).
   */
  readonly minSubstitutes?: number;
  /** `neighboursOf(words, sentences)`, when the caller has it already. */
  readonly near?: readonly Neighbour[];
}

/** The words of `words` some neighbour replaces by exactly one other word: [i, i + 1). */
export function exchangeRuns(neighbours: readonly Neighbour[]): WordRun[] {
  const starts = new Set<number>();
  for (const { run, theirs } of neighbours) {
    if (run.end - run.start === 1 && theirs.length === 1) starts.add(run.start);
  }
  return [...starts].sort((a, b) => a - b).map((start) => ({ start, end: start + 1 }));
}

/** The runs of `words` to compare, in order, without repeats (they may overlap). */
export function decisiveRuns(
  words: readonly string[],
  sentences: readonly (readonly string[])[],
  shares: ReadonlyMap<string, number>,
  options: DecisiveRunOptions = {},
): WordRun[] {
  const { values = true, neighbours = true, exchanges = true, minSubstitutes = 1 } = options;
  const near = options.near ?? neighboursOf(words, sentences);
  const found: WordRun[] = [];
  if (values) found.push(...valueRuns(words, near, shares, { minSubstitutes }));
  const most = neighbours ? fillerRun(words, sentences) : undefined;
  if (most) found.push(most);
  if (exchanges) found.push(...exchangeRuns(near));
  const unique = new Map(found.map((run) => [`${run.start}:${run.end}`, run]));
  return [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * `run` widened by whole words, the nearer side first (ties: the following word), until it has
 * at least `minPhones` phones (`phones[i]`: word i's), so a one-phone run ("a") is judged with
 * its neighbours' phones rather than all or nothing.
 */
export function widened(run: WordRun, phones: readonly number[], minPhones: number): WordRun {
  let { start, end } = run;
  const count = () => phones.slice(start, end).reduce((sum, n) => sum + n, 0);
  while (count() < minPhones && (start > 0 || end < phones.length)) {
    const after = end < phones.length;
    if (after && (end - run.end <= run.start - start || start === 0)) end++;
    else start--;
  }
  return { start, end };
}
