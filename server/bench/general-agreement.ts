// Agreement between the grammar's sentence and a general English transcript of the same speech,
// on the sentence's name or value run (`fillerRun`): a near miss ("the basement light" heard as
// the bedroom light) should show another word there. Pure.
import { phoneDistance } from '../src/engines/stt/agreement.js';
import { fillerRun } from '../src/engines/stt/filler-grammar.js';
import { readDictionary as readPronunciations } from '../src/engines/stt/lexicon.js';

export { phoneDistance };

/** A word of a decoded path and its frames [start, end). */
export interface TimedWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

export interface Agreement {
  /** Every word of the run is somewhere in the transcript. */
  readonly found: boolean;
  /**
   * 1 - phone edit distance / the run's phones, between the run and the transcript's words
   * lying mostly inside its frames (the closest pronunciations); 1 is the same phones.
   */
  readonly phones: number;
  /** The same for the sentence's other words (the voice: how well the general decode hears it). */
  readonly carrier?: number;
  /** The run's words. */
  readonly run: readonly string[];
  /** The transcript's words at its frames. */
  readonly said: readonly string[];
}

/** Word -> its pronunciations as phone arrays. */
export type PhoneLookup = (word: string) => readonly (readonly string[])[];

const isFiller = (word: string) => /^[<([]/.test(word);

/** The phone sequences of `words` (at most `limit`, first variants first); unknown words skipped. */
export function phoneSequences(
  words: readonly string[],
  lookup: PhoneLookup,
  limit = 32,
): (readonly string[])[] {
  let out: (readonly string[])[] = [[]];
  for (const word of words) {
    const variants = lookup(word);
    if (variants.length === 0) continue;
    out = out.flatMap((prefix) => variants.map((v) => [...prefix, ...v])).slice(0, limit);
  }
  return out;
}

/**
 * How far `transcript` (the general decode's path) agrees with `heard` (the grammar decoder's
 * path, silences and noises included) on the run of its words that most of `sentences` (spoken
 * forms, split) replace. Undefined when no sentence replaces any of its words.
 */
export function slotAgreement(
  heard: readonly TimedWord[],
  transcript: readonly TimedWord[],
  sentences: Iterable<readonly string[]>,
  lookup: PhoneLookup,
): Agreement | undefined {
  const words = heard.filter((w) => !isFiller(w.word));
  const run = fillerRun(
    words.map((w) => w.word),
    sentences,
  );
  if (!run) return undefined;
  const slot = words.slice(run.start, run.end);
  const spoken = transcript.filter((w) => !isFiller(w.word));
  const { phones, said } = phoneAgreement(slot, spoken, lookup);
  const rest = [...words.slice(0, run.start), ...words.slice(run.end)];
  const carrier = rest.length > 0 ? phoneAgreement(rest, spoken, lookup).phones : undefined;
  const runWords = slot.map((w) => w.word);
  const found = runWords.every((word) => spoken.some((w) => w.word === word));
  return { found, phones, carrier, run: runWords, said };
}

/**
 * 1 - phone edit distance / the phones of `words`, against the words of `spoken` that lie mostly
 * inside their frames (the closest pronunciations of both); and those words.
 */
export function phoneAgreement(
  words: readonly TimedWord[],
  spoken: readonly TimedWord[],
  lookup: PhoneLookup,
): { phones: number; said: string[] } {
  const inside = (w: TimedWord) =>
    words.reduce(
      (sum, x) => sum + Math.max(0, Math.min(w.end, x.end) - Math.max(w.start, x.start)),
      0,
    );
  const said = spoken
    .filter((w) => inside(w) >= 0.5 * Math.max(w.end - w.start, 1))
    .map((w) => w.word);
  let phones = 0;
  for (const a of phoneSequences(
    words.map((w) => w.word),
    lookup,
  )) {
    for (const b of phoneSequences(said, lookup)) {
      phones = Math.max(phones, 1 - phoneDistance(a, b) / Math.max(a.length, 1));
    }
  }
  return { phones, said };
}

/** Word -> pronunciations (phone arrays) of a pocketsphinx dictionary's text; `(2)` marks folded. */
export function readDictionary(text: string): Map<string, string[][]> {
  const entries = [...readPronunciations(text)];
  return new Map(entries.map(([word, variants]) => [word, variants.map((p) => p.split(' '))]));
}
