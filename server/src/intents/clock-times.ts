// Times of day as said, the one parser reminders ("at 3 pm", "à 15 h", "tomorrow at 8") and
// modes ("until 7", "jusqu'à sept heures et demie demain") share: "3 pm", "half past eight",
// "15 h 30", "midi", "huit heures et demie", "tomorrow". A time is minutes after midnight and
// whether it names one moment of the day ("3 pm", "15 h", "noon") or two ("at 5": 5 o'clock in
// the morning or in the afternoon); `nextTime` puts it on the calendar (local time, `TZ`).
import type { LanguageData } from './languages/language.js';
import { words as plainWords } from './normalize.js';
import type { NumberTable } from './numbers.js';
import { compileNumbers, parseNumber } from './numbers.js';

/** One language's words for times of day (`LanguageData.clock`). */
export interface ClockWords {
  /** After the hour, optional: "o'clock", "h", "heures". */
  readonly hourUnits: readonly string[];
  readonly am: readonly string[];
  readonly pm: readonly string[];
  readonly noon: readonly string[];
  readonly midnight: readonly string[];
  /** After the hour: "et demie" (+30), "et quart" (+15), "moins le quart" (-15). */
  readonly halfAfter: readonly string[];
  readonly quarterAfter: readonly string[];
  readonly quarterToAfter: readonly string[];
  /** Before the hour: "half past" (+30), "quarter past" (+15), "quarter to" (-15). */
  readonly halfPast: readonly string[];
  readonly quarterPast: readonly string[];
  readonly quarterTo: readonly string[];
  /** "today" 0, "tomorrow" 1, "demain" 1, "après-demain" 2. */
  readonly days: Readonly<Record<string, number>>;
  /** Times put in the generated sentences. */
  readonly samples: readonly string[];
}

export interface ClockTime {
  /** Minutes after midnight, 0-1439. */
  readonly minutes: number;
  /** False when the hour could be in the morning or the afternoon ("at 5"). */
  readonly exact: boolean;
}

export interface ClockTable {
  readonly words: ClockWords;
  readonly numbers: NumberTable;
  readonly fold: (text: string) => string[];
}

const DAY = 24 * 60;

/** A language's clock table, its words folded by `fold` (default: without contractions). */
export function clockTableOf(data: LanguageData, fold = plainWords): ClockTable {
  return { words: data.reminders.clock, numbers: compileNumbers(data.numbers, fold), fold };
}

function phraseAt(
  tokens: readonly string[],
  phrases: readonly string[],
  fold: ClockTable['fold'],
  where: 'start' | 'end',
): number {
  for (const phrase of phrases) {
    const words = fold(phrase);
    if (!words.length || words.length > tokens.length) continue;
    const part = where === 'start' ? tokens.slice(0, words.length) : tokens.slice(-words.length);
    if (part.join(' ') === words.join(' ')) return words.length;
  }
  return 0;
}

function wholeNumber(tokens: readonly string[], table: NumberTable, max: number) {
  if (!tokens.length) return undefined;
  const value = parseNumber(tokens, table);
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= max
    ? value
    : undefined;
}

/** The hour and its minutes: "8", "8 30", "15 h 30", "huit heures", "three o'clock". */
function hourAndMinutes(tokens: readonly string[], table: ClockTable) {
  for (let split = tokens.length; split >= 1; split--) {
    const hour = wholeNumber(tokens.slice(0, split), table.numbers, 24);
    if (hour === undefined) continue;
    let rest = tokens.slice(split);
    const unit = phraseAt(rest, table.words.hourUnits, table.fold, 'start');
    rest = rest.slice(unit);
    if (!rest.length) return { hour, minutes: 0 };
    const minutes = wholeNumber(rest, table.numbers, 59);
    if (minutes !== undefined) return { hour, minutes };
  }
  return undefined;
}

/** The time said by all of `tokens` (folded words), or undefined. */
export function parseClockTime(
  tokens: readonly string[],
  table: ClockTable,
): ClockTime | undefined {
  const { words, fold } = table;
  let rest = [...tokens];
  const cut = (phrases: readonly string[], where: 'start' | 'end') => {
    const n = phraseAt(rest, phrases, fold, where);
    if (n) rest = where === 'start' ? rest.slice(n) : rest.slice(0, rest.length - n);
    return n > 0;
  };
  const period = cut(words.am, 'end') ? 'am' : cut(words.pm, 'end') ? 'pm' : undefined;
  let extra = 0;
  if (cut(words.halfAfter, 'end') || cut(words.halfPast, 'start')) extra = 30;
  else if (cut(words.quarterAfter, 'end') || cut(words.quarterPast, 'start')) extra = 15;
  else if (cut(words.quarterToAfter, 'end') || cut(words.quarterTo, 'start')) extra = -15;
  if (!rest.length) return undefined;
  let hour: number;
  let minutes = 0;
  let exact = period !== undefined;
  if (phraseAt(rest, words.noon, fold, 'start') === rest.length) {
    [hour, exact] = [12, true];
  } else if (phraseAt(rest, words.midnight, fold, 'start') === rest.length) {
    [hour, exact] = [0, true];
  } else {
    const said = hourAndMinutes(rest, table);
    if (!said) return undefined;
    ({ hour, minutes } = said);
    if (extra && minutes) return undefined; // "8 30 et demie"
    if (period && (hour === 0 || hour > 12)) return undefined; // "15 pm"
    if (period === 'pm' && hour < 12) hour += 12;
    if (period === 'am' && hour === 12) hour = 0;
    if (hour === 0 || hour >= 13) exact = true;
  }
  return { minutes: (((hour * 60 + minutes + extra) % DAY) + DAY) % DAY, exact };
}

/** The day said ("tomorrow" → 1), or undefined. */
export function parseDay(tokens: readonly string[], table: ClockTable): number | undefined {
  const said = tokens.join(' ');
  const found = Object.entries(table.words.days).find(([p]) => table.fold(p).join(' ') === said);
  return found?.[1];
}

export interface NextTime {
  readonly at: Date;
  /** The time was said exactly and had passed today: it is tomorrow's (say so). */
  readonly movedToTomorrow: boolean;
}

function atMinutes(day: Date, offsetDays: number, minutes: number): Date {
  const at = new Date(day);
  at.setDate(at.getDate() + offsetDays);
  at.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
  return at;
}

/**
 * When a time said at `now` is, in local time: the next moment it names, on `day` (days after
 * today) when given. "At 5" is the next 5 o'clock, morning or afternoon; "at 3 pm" said at
 * 4 pm is tomorrow's 3 pm.
 */
export function nextTime(now: Date, time: ClockTime, day?: number): NextTime {
  const halves = time.exact ? [time.minutes] : [time.minutes % 720, (time.minutes % 720) + 720];
  const from = day ?? 0;
  for (let offset = from; offset <= from + 2; offset++) {
    for (const minutes of halves) {
      const at = atMinutes(now, offset, minutes);
      if (at.getTime() > now.getTime()) {
        return { at, movedToTomorrow: time.exact && offset > from };
      }
    }
  }
  return { at: atMinutes(now, from + 1, time.minutes), movedToTomorrow: true };
}

/**
 * When `tokens` say, from `now`: a time of day with an optional day before or after it ("9 pm
 * tomorrow", "demain 7 h"); undefined when they say none.
 */
export function parseWhen(
  tokens: readonly string[],
  table: ClockTable,
  now: Date,
): NextTime | undefined {
  const splits: [time: readonly string[], day: number | undefined][] = [[tokens, undefined]];
  for (let n = 1; n < tokens.length && n <= 3; n++) {
    const first = parseDay(tokens.slice(0, n), table);
    if (first !== undefined) splits.push([tokens.slice(n), first]);
    const last = parseDay(tokens.slice(-n), table);
    if (last !== undefined) splits.push([tokens.slice(0, -n), last]);
  }
  for (const [said, day] of splits) {
    const time = parseClockTime(said, table);
    if (time) return nextTime(now, time, day);
  }
  return undefined;
}
