// Numbers said in words or digits: "vingt et un", "quatre-vingt-dix", "one hundred and five",
// "21.5", "vingt et un et demi". Spelling is the reverse, for generated sentences.
import type { NumberData } from './languages/language.js';
import { words } from './normalize.js';

export interface NumberTable {
  readonly phrases: ReadonlyMap<string, number>;
  readonly longest: number;
  readonly multipliers: ReadonlyMap<string, number>;
  readonly joiners: ReadonlySet<string>;
  readonly half: readonly (readonly string[])[];
  /** How each value with a word of its own is spelled. */
  readonly spelled: ReadonlyMap<number, string>;
  readonly spelling?: NumberData['spelling'];
}

const DIGITS = /^\d+(?:\.\d+)?$/;

export function compileNumbers(
  data: NumberData,
  fold = (text: string) => words(text),
): NumberTable {
  const phrases = new Map<string, number>();
  const spelled = new Map<number, string>();
  let longest = 1;
  for (const [phrase, value] of Object.entries(data.words)) {
    const folded = fold(phrase);
    phrases.set(folded.join(' '), value);
    longest = Math.max(longest, folded.length);
    if (!spelled.has(value)) spelled.set(value, phrase);
  }
  return {
    phrases,
    longest,
    multipliers: new Map(Object.entries(data.multipliers).map(([w, v]) => [fold(w).join(' '), v])),
    joiners: new Set(data.joiners.flatMap((w) => fold(w))),
    half: data.half.map((phrase) => fold(phrase)),
    spelled,
    spelling: data.spelling,
  };
}

function spellHundreds(value: number, table: NumberTable): string | undefined {
  const hundred = [...table.multipliers].find(([, v]) => v === 100)?.[0];
  const count = Math.floor(value / 100);
  const head = count === 1 ? spellNumber(100, table) : spellNumber(count, table);
  const rest = value % 100 ? spellNumber(value % 100, table) : '';
  if (!hundred || head === undefined || rest === undefined) return undefined;
  return [head, count === 1 ? '' : hundred, rest].filter(Boolean).join(' ');
}

/** "Hue lamp 2" → "Hue lamp two": names as the phrase engine hears them. */
export function spellDigits(text: string, table: NumberTable): string {
  return text.replace(/\d+/g, (digits) => spellNumber(Number(digits), table) ?? digits);
}

function endsWith(tokens: readonly string[], tail: readonly string[]): boolean {
  const offset = tokens.length - tail.length;
  return offset > 0 && tail.every((word, i) => tokens[offset + i] === word);
}

/** The number all these tokens say, or undefined. */
export function parseNumber(tokens: readonly string[], table: NumberTable): number | undefined {
  const half = table.half.find((tail) => endsWith(tokens, tail));
  const body = half ? tokens.slice(0, tokens.length - half.length) : tokens;
  const extra = half ? 0.5 : 0;
  const [only] = body;
  if (body.length === 1 && only !== undefined && DIGITS.test(only)) return Number(only) + extra;
  const value = parseWords(body, table);
  return value === undefined ? undefined : value + extra;
}

/** Parts add up from largest to smallest; a multiplier scales what came before it. */
function parseWords(tokens: readonly string[], table: NumberTable): number | undefined {
  let total = 0;
  let last = Infinity;
  let any = false;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] ?? '';
    if (any && table.joiners.has(token) && i + 1 < tokens.length) {
      i++;
      continue;
    }
    const multiplier = table.multipliers.get(token);
    if (any && multiplier !== undefined && total < multiplier) {
      total *= multiplier;
      last = multiplier;
      i++;
      continue;
    }
    const part = longestPhrase(tokens, i, table);
    if (!part || part.value >= last) return undefined;
    total += part.value;
    last = part.value;
    any = true;
    i += part.length;
  }
  return any ? total : undefined;
}

function longestPhrase(tokens: readonly string[], start: number, table: NumberTable) {
  for (let length = Math.min(table.longest, tokens.length - start); length > 0; length--) {
    const value = table.phrases.get(tokens.slice(start, start + length).join(' '));
    if (value !== undefined) return { value, length };
  }
  return undefined;
}

/** A whole number below 1000 in words ("soixante et onze", "two hundred five"). */
export function spellNumber(value: number, table: NumberTable): string | undefined {
  const exact = table.spelled.get(value);
  if (exact !== undefined) return exact;
  if (value > 100 && value < 1000) return spellHundreds(value, table);
  const base = [...table.spelled.keys()]
    .filter((v) => v > 0 && v % 10 === 0 && v < value)
    .reduce((best, v) => Math.max(best, v), 0);
  if (!base || !Number.isInteger(value)) return undefined;
  const rest = spellNumber(value - base, table);
  if (rest === undefined) return undefined;
  const { spelling } = table;
  const joined =
    spelling && base >= 20 && base <= spelling.tensUpTo && spelling.units.includes(value - base);
  return `${table.spelled.get(base)} ${joined ? `${spelling.joiner} ` : ''}${rest}`;
}
