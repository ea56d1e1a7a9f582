// The filler check's grammar: the heard sentence with its name or value run (the words its
// slot neighbours replace) swapped for a loop of free phones, the words around it kept. A name
// that was said fits about as well as the free phones; another name said in its place ("bathroom"
// for "bedroom") fits far worse. Pure.
import { ARPABET_PHONES, buildPhoneLoop, fsgText } from './phrase-grammar.js';
import { differingRun, SLOT_SPAN } from './slot-neighbours.js';

/** Words [start, end) of a sentence. */
export interface WordRun {
  readonly start: number;
  readonly end: number;
}

/**
 * The run of `words` most of its neighbours in `sentences` replace (at least one word of
 * `words`): the name or value slot. Ties go to the longer run, then the earlier. Undefined when
 * no sentence replaces any of its words.
 */
export function fillerRun(
  words: readonly string[],
  sentences: Iterable<readonly string[]>,
  span = SLOT_SPAN,
): WordRun | undefined {
  const counts = new Map<string, { run: WordRun; count: number }>();
  for (const other of sentences) {
    const run = differingRun(words, other, span);
    if (!run || run.end === run.start) continue;
    const key = `${run.start}:${run.end}`;
    const entry = counts.get(key) ?? { run: { start: run.start, end: run.end }, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { run: WordRun; count: number } | undefined;
  const length = (run: WordRun) => run.end - run.start;
  for (const entry of counts.values()) {
    const better =
      !best ||
      entry.count > best.count ||
      (entry.count === best.count && length(entry.run) > length(best.run)) ||
      (entry.count === best.count &&
        length(entry.run) === length(best.run) &&
        entry.run.start < best.run.start);
    if (better) best = entry;
  }
  return best?.run;
}

export interface FillerGrammarOptions {
  /**
   * Probability of each phone of the loop (the phone insertion penalty: lower, fewer phones);
   * default one over the phones, as the free phone loop.
   */
  readonly phoneProbability?: number;
  readonly name?: string;
}

/**
 * An FSG accepting `words` with each of `runs` (words [start, end), in order, apart) replaced by
 * one or more free phones (the phone loop's pseudo-words, `buildPhoneLoop`).
 */
export function buildFillerFsg(
  words: readonly string[],
  runs: WordRun | readonly WordRun[],
  options: FillerGrammarOptions = {},
): string {
  const loops = 'start' in runs ? [runs] : runs;
  const tokens: (string | undefined)[] = []; // undefined: a loop
  let at = 0;
  for (const run of loops) {
    if (run.start < at || run.end > words.length || run.end <= run.start) {
      throw new Error(`no run of words ${run.start}-${run.end} here in ${words.length} words`);
    }
    tokens.push(...words.slice(at, run.start), undefined);
    at = run.end;
  }
  tokens.push(...words.slice(at));
  const p = (options.phoneProbability ?? 1 / ARPABET_PHONES.length).toPrecision(6);
  const transitions: string[] = [];
  // States: 0 = start, 1 = final, then one after each token but the last, and each loop's.
  let next = 2;
  let state = 0;
  const edge = (from: number, to: number, label = '', probability = '1.0') =>
    transitions.push(`TRANSITION ${from} ${to} ${probability}${label ? ` ${label}` : ''}`);
  tokens.forEach((word, i) => {
    const target = i === tokens.length - 1 ? 1 : next++;
    if (word !== undefined) {
      edge(state, target, word);
    } else {
      const loop = next++;
      for (const phone of phoneWords()) {
        edge(state, loop, phone, p);
        edge(loop, loop, phone, p);
      }
      edge(loop, target);
    }
    state = target;
  });
  return fsgText(options.name ?? 'filler', next, transitions);
}

/** The runs of a sentence of `length` words outside `run`: the words around it. */
export function around(length: number, run: WordRun): WordRun[] {
  const runs = [
    { start: 0, end: run.start },
    { start: run.end, end: length },
  ];
  return runs.filter((r) => r.end > r.start);
}

/** The phone loop's pseudo-words (`+aa+`...), in the order of `ARPABET_PHONES`. */
export function phoneWords(): string[] {
  return buildPhoneLoop()
    .dictionary.trim()
    .split('\n')
    .map((line) => line.split(' ')[0]!);
}

/** Dictionary lines for the phone pseudo-words, to add to the grammar's dictionary. */
export function fillerDictionary(): string {
  return buildPhoneLoop().dictionary;
}
