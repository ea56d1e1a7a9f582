// "until 7", "until 6:30 pm", "till seven thirty tomorrow", "jusqu'à 7 h", "jusqu'à sept heures
// et demie", "for two hours", "pendant une heure": when a mode ends. A time of day without am or
// pm means the next one ("until 5" at 16:00 is 17:00, at 18:00 it is 05:00 tomorrow). Words are
// the folded tokens of `normalize.ts`; local time is the server's (`TZ`).
import { compileDurations, parseDuration, type DurationTable } from '../intents/durations.js';
import { languageData } from '../intents/languages/index.js';
import { words } from '../intents/normalize.js';
import { compileNumbers, parseNumber, type NumberTable } from '../intents/numbers.js';

export interface ClockWords {
  /** Phrases before a time of day ("until", "jusqu'à"). */
  readonly until: readonly string[];
  /** Phrases before a duration ("for", "pendant"). */
  readonly during: readonly string[];
  readonly morning: readonly string[];
  readonly evening: readonly string[];
  readonly tomorrow: readonly string[];
  readonly noon: readonly string[];
  readonly midnight: readonly string[];
  /** Between the hour and the minutes, or after the hour ("o'clock", "heures", "h"). */
  readonly hourWords: readonly string[];
  /** Minutes after the hour's number ("et demie": 30). */
  readonly minutesAfter: Readonly<Record<string, number>>;
  /** Minutes before the hour's number ("half past": 30). */
  readonly minutesBefore: Readonly<Record<string, number>>;
}

type PhraseKey = Exclude<keyof ClockWords, 'minutesAfter' | 'minutesBefore'>;
const PHRASE_KEYS: readonly PhraseKey[] = [
  'until',
  'during',
  'morning',
  'evening',
  'tomorrow',
  'noon',
  'midnight',
  'hourWords',
];

export interface ClockTable {
  readonly words: Readonly<Record<PhraseKey, readonly (readonly string[])[]>>;
  readonly after: readonly (readonly [readonly string[], number])[];
  readonly before: readonly (readonly [readonly string[], number])[];
  readonly numbers: NumberTable;
  readonly durations: DurationTable;
}

export function compileClock(language: string, data: ClockWords): ClockTable {
  const lang = languageData(language);
  if (!lang) throw new Error(`no language data for ${language}`);
  const numbers = compileNumbers(lang.numbers);
  const phrases = (list: readonly string[]) =>
    list.map((p) => words(p)).sort((a, b) => b.length - a.length);
  const table = Object.fromEntries(PHRASE_KEYS.map((k) => [k, phrases(data[k])])) as Record<
    PhraseKey,
    string[][]
  >;
  const pairs = (record: Readonly<Record<string, number>>) =>
    Object.entries(record).map(([p, m]) => [words(p), m] as const);
  return {
    words: table,
    after: pairs(data.minutesAfter),
    before: pairs(data.minutesBefore),
    numbers,
    durations: compileDurations(lang.durations, numbers),
  };
}

export interface Until {
  /** When it ends, milliseconds since the epoch. */
  readonly at: number;
  /** The tokens before "until ..." / "for ...". */
  readonly rest: readonly string[];
}

/** The end said at the end of `tokens`, with what comes before it; undefined when none. */
export function parseUntil(
  tokens: readonly string[],
  table: ClockTable,
  now: Date,
): Until | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    for (const marker of table.words.until) {
      if (!startsAt(tokens, i, marker)) continue;
      const at = timeOfDay(tokens.slice(i + marker.length), table, now);
      if (at !== undefined) return { at, rest: tokens.slice(0, i) };
    }
    for (const marker of table.words.during) {
      if (!startsAt(tokens, i, marker)) continue;
      const seconds = parseDuration(tokens.slice(i + marker.length), table.durations);
      if (seconds) return { at: now.getTime() + seconds * 1000, rest: tokens.slice(0, i) };
    }
  }
  return undefined;
}

function startsAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  return phrase.length > 0 && phrase.every((word, i) => tokens[at + i] === word);
}

/** Takes the first of `phrases` found anywhere in `tokens`; returns what is left. */
function take(
  tokens: readonly string[],
  phrases: readonly (readonly string[])[],
): readonly string[] | undefined {
  for (const phrase of phrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (startsAt(tokens, i, phrase))
        return [...tokens.slice(0, i), ...tokens.slice(i + phrase.length)];
    }
  }
  return undefined;
}

interface Clock {
  readonly hour: number;
  readonly minute: number;
  /** Noon and midnight: no am or pm to guess. */
  readonly exact?: boolean;
}

/** The next moment after `now` at the time of day these tokens say. */
export function timeOfDay(
  tokens: readonly string[],
  table: ClockTable,
  now: Date,
): number | undefined {
  let rest = tokens;
  const tomorrow = take(rest, table.words.tomorrow);
  if (tomorrow) rest = tomorrow;
  let period: 'am' | 'pm' | undefined;
  const morning = take(rest, table.words.morning);
  const evening = morning ? undefined : take(rest, table.words.evening);
  if (morning) [rest, period] = [morning, 'am'];
  else if (evening) [rest, period] = [evening, 'pm'];
  const clock = clockOf(rest, table);
  if (!clock) return undefined;
  const hours = clock.exact
    ? [clock.hour]
    : period === 'am'
      ? [clock.hour % 12]
      : period === 'pm'
        ? [(clock.hour % 12) + 12]
        : clock.hour >= 1 && clock.hour <= 12
          ? [clock.hour % 12, (clock.hour % 12) + 12]
          : [clock.hour];
  const times = hours.map((hour) => nextAt(now, hour, clock.minute, tomorrow !== undefined));
  return Math.min(...times);
}

function nextAt(now: Date, hour: number, minute: number, tomorrow: boolean): number {
  const day = new Date(now);
  day.setHours(hour, minute, 0, 0);
  if (tomorrow) {
    const next = new Date(now);
    next.setDate(now.getDate() + 1);
    next.setHours(hour, minute, 0, 0);
    return next.getTime();
  }
  if (day.getTime() <= now.getTime()) day.setDate(day.getDate() + 1);
  return day.getTime();
}

function clockOf(tokens: readonly string[], table: ClockTable): Clock | undefined {
  const { words: w } = table;
  if (tokens.length === 0) return undefined;
  if (w.noon.some((p) => same(p, tokens))) return { hour: 12, minute: 0, exact: true };
  if (w.midnight.some((p) => same(p, tokens))) return { hour: 0, minute: 0, exact: true };
  for (const [phrase, minute] of table.before) {
    if (startsAt(tokens, 0, phrase)) {
      const hour = hourOf(tokens.slice(phrase.length), table);
      return hour === undefined ? undefined : { hour, minute };
    }
  }
  for (const [phrase, minute] of table.after) {
    const at = tokens.length - phrase.length;
    if (at > 0 && startsAt(tokens, at, phrase)) {
      const hour = hourOf(tokens.slice(0, at), table);
      return hour === undefined ? undefined : { hour, minute };
    }
  }
  // "7", "seven o'clock", "7 h", then "7 30", "seven thirty", "7 h 30", "sept heures trente".
  const hour = hourOf(tokens, table);
  if (hour !== undefined) return { hour, minute: 0 };
  for (let split = 1; split < tokens.length; split++) {
    const h = hourOf(tokens.slice(0, split), table);
    const m = parseNumber(tokens.slice(split), table.numbers);
    if (h !== undefined && m !== undefined && Number.isInteger(m) && m >= 0 && m < 60)
      return { hour: h, minute: m };
  }
  return undefined;
}

/** An hour, alone or followed by "o'clock" / "heures" / "h". */
function hourOf(tokens: readonly string[], table: ClockTable): number | undefined {
  const bare = table.words.hourWords.find(
    (p) => p.length < tokens.length && startsAt(tokens, tokens.length - p.length, p),
  );
  const number = parseNumber(bare ? tokens.slice(0, -bare.length) : tokens, table.numbers);
  return number !== undefined && Number.isInteger(number) && number >= 0 && number <= 23
    ? number
    : undefined;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((word, i) => b[i] === word);
}
