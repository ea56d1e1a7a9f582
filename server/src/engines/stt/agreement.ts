// How far a second recogniser's transcript of the same speech agrees with the grammar's sentence,
// on phones rather than spelling: a neural recogniser that mishears a formant voice ("close the
// garbage door") is still close in phones, while speech that is no command ("tell me a joke") or
// a near miss ("the basement light" heard as the bedroom light) shows other phones, at the name
// or value in the near miss's case. Pure.
import { widened } from './decisive-runs.js';
import type { WordRun } from './filler-grammar.js';
import { normalizeSentence } from './phrase-text.js';
import { type Neighbour, NUMBER_WORDS } from './value-runs.js';

/** Word -> its pronunciations as phone arrays, most common first; none: unknown. */
export type PhoneLookup = (word: string) => readonly (readonly string[])[];

export interface Agreement {
  /** 1 - phone edit distance / the sentence's phones (1: the same phones; below 0: far longer). */
  readonly sentence: number;
  /** The same for each word of the sentence (empty when a word has no pronunciation). */
  readonly words: readonly number[];
  /**
   * The same over the name or value runs' phones, aligned within the whole sentence: the least
   * of the runs; 0 for a number the transcript writes as another number ("seventy" for
   * "seventeen").
   */
  readonly run?: number;
  /** The transcript's words aligned to that run. */
  readonly said?: readonly string[];
  /**
   * How much closer the transcript is to the sentence than to its nearest neighbour, in phones
   * per phone of the run they differ in (`contrast`): 1 all on the sentence's side, below 0 the
   * neighbour's ("set tea timer" against "set a timer").
   */
  readonly contrast?: number;
}

/** The transcript in the grammar's spoken form: lower case, numbers and "%" in words. */
export const transcriptWords = (text: string): string[] =>
  normalizeSentence(text).split(' ').filter(Boolean);

/** Levenshtein distance between two phone sequences. */
export function phoneDistance(a: readonly string[], b: readonly string[]): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, replace));
    }
    row = next;
  }
  return row[b.length]!;
}

/** A cost to reach a column, and the column the current word was entered at. */
interface Cell {
  cost: number;
  origin: number;
}

/**
 * The best alignment of one word (any of its `variants`) after `before` (the cost of every
 * transcript prefix once the words before it are aligned): each column's cost and entry column.
 */
function alignWord(
  before: readonly number[],
  variants: readonly (readonly string[])[],
  said: readonly string[],
): Cell[] {
  let best: Cell[] | undefined;
  for (const phones of variants) {
    let row: Cell[] = before.map((cost, origin) => ({ cost, origin }));
    for (const phone of phones) {
      const next: Cell[] = [{ cost: row[0]!.cost + 1, origin: row[0]!.origin }];
      for (let j = 1; j <= said.length; j++) {
        const deleted = { cost: row[j]!.cost + 1, origin: row[j]!.origin };
        const diagonal = row[j - 1]!;
        const replaced = {
          cost: diagonal.cost + (phone === said[j - 1] ? 0 : 1),
          origin: diagonal.origin,
        };
        const inserted = { cost: next[j - 1]!.cost + 1, origin: next[j - 1]!.origin };
        next.push([replaced, deleted, inserted].reduce((a, b) => (b.cost < a.cost ? b : a)));
      }
      row = next;
    }
    best = best ? best.map((cell, j) => (row[j]!.cost < cell.cost ? row[j]! : cell)) : row;
  }
  return best ?? before.map((cost, origin) => ({ cost, origin }));
}

/** The transcript's phones, and the word each comes from. */
function phonesOf(transcript: readonly string[], lookup: PhoneLookup) {
  const said: string[] = [];
  const owner: number[] = [];
  transcript.forEach((word, index) => {
    const phones = lookup(word)[0] ?? [];
    said.push(...phones);
    owner.push(...phones.map(() => index));
  });
  return { said, owner };
}

/** The alignment of `words` (pronunciations) to `said`: the cells of each word. */
function align(words: readonly (readonly (readonly string[])[])[], said: readonly string[]) {
  const columns: Cell[][] = [];
  let boundary = Array.from({ length: said.length + 1 }, (_, j) => j);
  for (const variants of words) {
    const cells = alignWord(boundary, variants, said);
    columns.push(cells);
    boundary = cells.map((cell) => cell.cost);
  }
  return { columns, total: boundary[said.length]! };
}

const isNumber = (words: readonly string[]) =>
  words.length > 0 && words.every((word) => NUMBER_WORDS.has(word));

/**
 * The agreement of `transcript` (words, spoken form) with `sentence` (the grammar's words), and,
 * given `runs` (words [start, end) of `sentence`), of the transcript's words the alignment puts
 * there. Every pronunciation of the sentence's words is tried; the transcript's first ones are
 * used, and its words with none are left out. A run of fewer than `minPhones` phones is judged
 * with the words next to it (`widened`), so one phone ("a") does not decide all or nothing.
 */
export function agreement(
  sentence: readonly string[],
  transcript: readonly string[],
  lookup: PhoneLookup,
  runs?: WordRun | readonly WordRun[],
  minPhones = 1,
): Agreement {
  const { said, owner } = phonesOf(transcript, lookup);
  const words = sentence.map((word) => lookup(word)).filter((variants) => variants.length > 0);
  const { columns, total } = align(words, said);
  const length = words.reduce((sum, variants) => sum + variants[0]!.length, 0);
  const sentenceAgreement = length > 0 ? 1 - total / length : 0;
  if (words.length !== sentence.length) return { sentence: sentenceAgreement, words: [] };
  // Back through the words: where each began and ended in the transcript's phones, and its cost.
  // Phones said before the first word are the first word's ("unlock" written for "lock").
  const spans: { start: number; end: number; cost: number }[] = [];
  let end = said.length;
  for (let k = words.length - 1; k >= 0; k--) {
    const cell = columns[k]![end]!;
    const start = k > 0 ? cell.origin : 0;
    spans[k] = { start, end, cost: cell.cost - (k > 0 ? columns[k - 1]![start]!.cost : 0) };
    end = start;
  }
  const perWord = spans.map((span, k) => 1 - span.cost / Math.max(1, words[k]![0]!.length));
  const result = { sentence: sentenceAgreement, words: perWord };
  const list = (runs === undefined ? [] : 'start' in runs ? [runs] : runs).filter(
    (run) => run.end > run.start,
  );
  const phones = words.map((variants) => variants[0]!.length);
  const heardAt = (run: WordRun) => {
    const inRun = spans.slice(run.start, run.end);
    const owners = owner.slice(inRun[0]!.start, inRun[inRun.length - 1]!.end);
    return [...new Set(owners)].map((index) => transcript[index]!);
  };
  let worst: { run: number; said: string[] } | undefined;
  for (const named of list) {
    const run = widened(named, phones, minPhones);
    const inRun = spans.slice(run.start, run.end);
    const runLength = words.slice(run.start, run.end).reduce((sum, v) => sum + v[0]!.length, 0);
    const runCost = inRun.reduce((sum, span) => sum + span.cost, 0);
    const heard = heardAt(named);
    const mine = sentence.slice(named.start, named.end);
    // Another number written out is another value, however close its phones ("seventy").
    const otherNumber = isNumber(mine) && isNumber(heard) && heard.join(' ') !== mine.join(' ');
    const agreed = otherNumber ? 0 : 1 - runCost / Math.max(1, runLength);
    if (!worst || agreed < worst.run) worst = { run: agreed, said: heardAt(run) };
  }
  return worst ? { ...result, ...worst } : result;
}

/**
 * How much closer `transcript` is to `sentence` than to the closest of `rivals` (sentences that
 * differ from it in one run): the difference of their phone distances to it over the phones of
 * the longer of both runs. Undefined without rivals (or pronunciations).
 */
export function contrast(
  sentence: readonly string[],
  rivals: readonly Neighbour[],
  transcript: readonly string[],
  lookup: PhoneLookup,
): number | undefined {
  const { said } = phonesOf(transcript, lookup);
  const pronounced = (words: readonly string[]) => {
    const all = words.map((word) => lookup(word));
    return all.every((variants) => variants.length > 0) ? all : undefined;
  };
  const phones = (words: readonly string[]) =>
    words.reduce((sum, word) => sum + (lookup(word)[0]?.length ?? 0), 0);
  const mine = pronounced(sentence);
  if (!mine) return undefined;
  const cost = align(mine, said).total;
  let least: number | undefined;
  for (const rival of rivals) {
    const theirs = pronounced(rival.words);
    if (!theirs) continue;
    const span = Math.max(
      phones(sentence.slice(rival.run.start, rival.run.end)),
      phones(rival.theirs),
    );
    const margin = (align(theirs, said).total - cost) / Math.max(1, span);
    if (least === undefined || margin < least) least = margin;
  }
  return least;
}
