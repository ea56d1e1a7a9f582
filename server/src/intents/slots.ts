// What each `{slot}` accepts: the home's names and areas (live, in the sentence's language
// folding), numbers, durations, colour and state words, and free timer names.
import type { Home, HomeArea, HomeEntity } from '../home/home.js';
import type { CompiledLanguage } from './compile.js';
import { type ClockTime, parseClockTime, parseDay } from './clock-times.js';
import { parseDuration } from './durations.js';
import type { SlotMatcher, SlotSpan } from './match.js';
import { type Token, key, rawText, stripArticle } from './normalize.js';
import { parseNumber, spellDigits } from './numbers.js';

export interface NameMatch {
  readonly entity: HomeEntity;
  /** The name or alias that was said, as Home Assistant writes it. */
  readonly said: string;
}

export interface AreaMatch {
  readonly area: HomeArea;
  readonly said: string;
}

export type SlotValue =
  | { readonly kind: 'entities'; readonly matches: readonly NameMatch[] }
  | { readonly kind: 'unknown'; readonly spoken: string }
  | { readonly kind: 'areas'; readonly matches: readonly AreaMatch[] }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'time'; readonly time: ClockTime };

export interface HomeIndex {
  readonly names: ReadonlyMap<string, readonly NameMatch[]>;
  readonly areas: ReadonlyMap<string, readonly AreaMatch[]>;
  readonly longest: number;
}

export interface SlotOptions {
  /** `{name}` only matches entities of these domains (all when undefined). */
  readonly domains?: readonly string[];
  /** `{name}` matches words that are no known name, to say "I don't know a device called X". */
  readonly unknownNames?: boolean;
}

const MAX_NUMBER = 6;
const MAX_DURATION = 10;
const MAX_TIMER_NAME = 3;
const MAX_UNKNOWN_NAME = 4;
const MAX_TIME = 7;
const MAX_MESSAGE = 14;
const MAX_REMINDER_NAME = 5;
const DIGIT = /\d/;

function add<T>(map: Map<string, T[]>, name: string, value: T, lang: CompiledLanguage): number {
  const tokens = stripArticle(lang.tokenize(name), lang.articles).map((t) => t.norm);
  if (!tokens.length) return 0;
  const entry = map.get(key(tokens)) ?? [];
  entry.push(value);
  map.set(key(tokens), entry);
  return tokens.length;
}

/** The home's names and areas folded the way this language folds what people say. */
export function indexHome(home: Home, lang: CompiledLanguage): HomeIndex {
  const names = new Map<string, NameMatch[]>();
  const areas = new Map<string, AreaMatch[]>();
  let longest = 1;
  for (const entity of home.entities()) {
    for (const said of [entity.name, ...entity.aliases]) {
      longest = Math.max(longest, add(names, said, { entity, said }, lang));
      const spelled = spellDigits(said, lang.numbers);
      if (spelled !== said)
        longest = Math.max(longest, add(names, spelled, { entity, said }, lang));
    }
  }
  for (const area of home.areas()) {
    for (const said of [area.name, ...area.aliases]) {
      longest = Math.max(longest, add(areas, said, { area, said }, lang));
    }
  }
  return { names, areas, longest };
}

function* spans(tokens: readonly Token[], start: number, max: number) {
  for (let end = Math.min(tokens.length, start + max); end > start; end--) {
    yield { end, span: tokens.slice(start, end) };
  }
}

interface Scope {
  readonly lang: CompiledLanguage;
  readonly index: HomeIndex;
  readonly options: SlotOptions;
}

type Spans = Iterable<SlotSpan<SlotValue>>;

function* name({ lang, index, options }: Scope, tokens: readonly Token[], start: number): Spans {
  const inDomain = (match: NameMatch) =>
    !options.domains || options.domains.includes(match.entity.domain);
  for (const { end, span } of spans(tokens, start, Math.max(index.longest, MAX_UNKNOWN_NAME) + 1)) {
    const words = stripArticle(span, lang.articles);
    if (!words.length) continue;
    const known = index.names.get(key(words.map((t) => t.norm)));
    if (!options.unknownNames) {
      const matches = known?.filter(inDomain);
      if (matches?.length) yield { end, value: { kind: 'entities', matches } };
    } else if (!known && words.length <= MAX_UNKNOWN_NAME && !words.some(hasDigit)) {
      yield { end, value: { kind: 'unknown', spoken: rawText(words) } };
    }
  }
}

function* area({ lang, index }: Scope, tokens: readonly Token[], start: number): Spans {
  for (const { end, span } of spans(tokens, start, index.longest + 1)) {
    const words = stripArticle(span, lang.articles);
    const matches = words.length ? index.areas.get(key(words.map((t) => t.norm))) : undefined;
    if (matches) yield { end, value: { kind: 'areas', matches } };
  }
}

function* parsed(
  tokens: readonly Token[],
  start: number,
  max: number,
  parse: (words: string[]) => number | undefined,
): Spans {
  for (const { end, span } of spans(tokens, start, max)) {
    const value = parse(span.map((t) => t.norm));
    if (value !== undefined) yield { end, value: { kind: 'number', value } };
  }
}

function* state({ lang }: Scope, tokens: readonly Token[], start: number): Spans {
  for (const { end, span } of spans(tokens, start, 4)) {
    const value = lang.states.get(key(span.map((t) => t.norm)));
    if (value !== undefined) yield { end, value: { kind: 'text', value } };
  }
}

/** Any few words that are not a number: "pasta", "les pâtes". */
function* timerName({ lang }: Scope, tokens: readonly Token[], start: number, max: number): Spans {
  for (const { end, span } of spans(tokens, start, max + 1)) {
    const words = stripArticle(span, lang.articles);
    if (!words.length || words.length > max || words.some(hasDigit)) continue;
    if (
      parseNumber(
        words.map((t) => t.norm),
        lang.numbers,
      ) !== undefined
    )
      continue;
    yield { end, value: { kind: 'text', value: rawText(words) } };
  }
}

function* time({ lang }: Scope, tokens: readonly Token[], start: number): Spans {
  for (const { end, span } of spans(tokens, start, MAX_TIME)) {
    const value = parseClockTime(
      span.map((t) => t.norm),
      lang.clock,
    );
    if (value) yield { end, value: { kind: 'time', time: value } };
  }
}

/** What to remind: any words, as said ("walk the dog", "sortir le chien"). */
function* message(tokens: readonly Token[], start: number): Spans {
  for (const { end, span } of spans(tokens, start, MAX_MESSAGE)) {
    const value = rawText(span);
    if (value) yield { end, value: { kind: 'text', value } };
  }
}

function hasDigit(token: Token): boolean {
  return DIGIT.test(token.norm);
}

function inRange(value: number | undefined, min: number, max: number): number | undefined {
  return value !== undefined && value >= min && value <= max ? value : undefined;
}

export function slotMatcher(
  lang: CompiledLanguage,
  index: HomeIndex,
  options: SlotOptions = {},
): SlotMatcher<SlotValue> {
  const scope: Scope = { lang, index, options };
  const percent = (words: string[]) => inRange(parseNumber(words, lang.numbers), 0, 100);
  return (slot, tokens, start) => {
    switch (slot) {
      case 'name':
        return name(scope, tokens, start);
      case 'area':
        return area(scope, tokens, start);
      case 'brightness':
      case 'volume':
      case 'temperature':
        return parsed(tokens, start, MAX_NUMBER, percent);
      case 'duration':
        return parsed(tokens, start, MAX_DURATION, (w) => parseDuration(w, lang.durations));
      case 'color':
        return parsed(tokens, start, 4, (w) => lang.colors.get(key(w))?.kelvin);
      case 'state':
        return state(scope, tokens, start);
      case 'timer_name':
        return timerName(scope, tokens, start, MAX_TIMER_NAME);
      case 'reminder_name':
        return timerName(scope, tokens, start, MAX_REMINDER_NAME);
      case 'time':
        return time(scope, tokens, start);
      case 'day':
        return parsed(tokens, start, 3, (w) => parseDay(w, lang.clock));
      case 'message':
        return message(tokens, start);
      default:
        return [];
    }
  };
}
