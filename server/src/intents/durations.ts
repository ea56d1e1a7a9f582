// Durations said in words or digits: "5 minutes", "une heure et demie", "half an hour",
// "deux minutes trente", "90 seconds". Formatting goes through Intl for the replies.
import type { DurationData } from './languages/language.js';
import { words } from './normalize.js';
import { type NumberTable, parseNumber } from './numbers.js';

export interface DurationTable {
  readonly units: ReadonlyMap<string, number>;
  readonly one: ReadonlySet<string>;
  readonly halfAfter: readonly (readonly string[])[];
  readonly quarterAfter: readonly (readonly string[])[];
  readonly halfBefore: readonly (readonly string[])[];
  readonly fixed: readonly (readonly [readonly string[], number])[];
  readonly joiners: ReadonlySet<string>;
  readonly numbers: NumberTable;
}

interface Step {
  readonly seconds: number;
  /** The unit just said, so "and a half" and a bare trailing number know what they count. */
  readonly unit: number;
  readonly end: number;
}

const MAX_NUMBER_WORDS = 6;

export function compileDurations(
  data: DurationData,
  numbers: NumberTable,
  fold = (text: string) => words(text),
): DurationTable {
  return {
    units: new Map(Object.entries(data.units).map(([w, s]) => [fold(w).join(' '), s])),
    one: new Set(data.one.flatMap((w) => fold(w))),
    halfAfter: longestFirst(data.halfAfter.map((phrase) => fold(phrase))),
    quarterAfter: longestFirst(data.quarterAfter.map((phrase) => fold(phrase))),
    halfBefore: longestFirst(data.halfBefore.map((phrase) => fold(phrase))),
    fixed: Object.entries(data.fixed)
      .map(([phrase, s]) => [fold(phrase), s] as const)
      .sort(([a], [b]) => b.length - a.length),
    joiners: new Set(data.joiners.flatMap((w) => fold(w))),
    numbers,
  };
}

function longestFirst(phrases: string[][]): string[][] {
  return phrases.sort((a, b) => b.length - a.length);
}

function at(tokens: readonly string[], start: number, phrase: readonly string[]): boolean {
  return phrase.every((word, i) => tokens[start + i] === word);
}

/** Seconds said by all these tokens, or undefined. */
export function parseDuration(tokens: readonly string[], table: DurationTable): number | undefined {
  let total = 0;
  let unit = 0;
  let i = 0;
  while (i < tokens.length) {
    const step = nextStep(tokens, i, unit, table);
    if (!step) return undefined;
    total += step.seconds;
    unit = step.unit;
    i = step.end;
  }
  return total > 0 ? Math.round(total) : undefined;
}

function nextStep(
  tokens: readonly string[],
  i: number,
  unit: number,
  table: DurationTable,
): Step | undefined {
  for (const [phrase, seconds] of table.fixed) {
    if (at(tokens, i, phrase)) return { seconds, unit: 0, end: i + phrase.length };
  }
  if (unit) {
    const half = table.halfAfter.find((phrase) => at(tokens, i, phrase));
    if (half) return { seconds: unit / 2, unit: 0, end: i + half.length };
    const quarter = table.quarterAfter.find((phrase) => at(tokens, i, phrase));
    if (quarter) return { seconds: unit / 4, unit: 0, end: i + quarter.length };
    if (table.joiners.has(tokens[i] ?? '')) return { seconds: 0, unit, end: i + 1 };
  }
  for (const phrase of table.halfBefore) {
    const halved = at(tokens, i, phrase) && table.units.get(tokens[i + phrase.length] ?? '');
    if (halved) return { seconds: halved / 2, unit: halved, end: i + phrase.length + 1 };
  }
  return counted(tokens, i, unit, table);
}

/** "ten minutes", "an hour", or a bare number after a unit ("une heure trente"). */
function counted(tokens: readonly string[], i: number, unit: number, table: DurationTable) {
  for (let end = Math.min(tokens.length, i + MAX_NUMBER_WORDS); end > i; end--) {
    const span = tokens.slice(i, end);
    const count =
      span.length === 1 && table.one.has(span[0] ?? '') ? 1 : parseNumber(span, table.numbers);
    if (count === undefined) continue;
    const next = table.units.get(tokens[end] ?? '');
    if (next) return { seconds: count * next, unit: next, end: end + 1 };
    if (end === tokens.length && unit > 1) return { seconds: (count * unit) / 60, unit: 0, end };
  }
  return undefined;
}

/** "1 hour and 30 minutes", "1 heure et 30 minutes". */
export function formatDuration(seconds: number, locale: string): string {
  const whole = Math.max(0, Math.round(seconds));
  const parts: [Intl.NumberFormatOptions['unit'], number][] = [
    ['hour', Math.floor(whole / 3600)],
    ['minute', Math.floor((whole % 3600) / 60)],
    ['second', whole % 60],
  ];
  const said = parts
    .filter(([, n]) => n > 0)
    .map(([unit, n]) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n),
    );
  if (!said.length)
    said.push(
      new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(
        0,
      ),
    );
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(said);
}
