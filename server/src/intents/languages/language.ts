// The shape of one language's data. A language is one file of plain data of this type plus one
// line in `index.ts`; nothing else in the recognizer knows any language.
import type { Language } from '../types.js';
import { REMINDER_INTENTS, REMINDER_RESPONSES, type ReminderLanguage } from './reminder-keys.js';

/** `counting('zero one two')` → { zero: 0, one: 1, two: 2 }: number words written compactly. */
export function counting(words: string, from = 0, step = 1): Record<string, number> {
  return Object.fromEntries(listOf(words).map((word, i) => [word, from + i * step]));
}

/** `worth('min mins minute', 60)` → each word worth the same. */
export function worth(words: string, value: number): Record<string, number> {
  return Object.fromEntries(listOf(words).map((word) => [word, value]));
}

/** Phrases separated by commas. */
export function phrasesOf(text: string): string[] {
  return text.split(',').map((phrase) => phrase.trim());
}

/** Words separated by spaces. */
export function listOf(words: string): string[] {
  return words.trim().split(/\s+/);
}

/** Tried in this order; the first sentence that matches wins. */
export const INTENTS = [
  'HassLightSet',
  'HassClimateSetTemperature',
  'HassSetVolume',
  'HassTurnOn',
  'HassTurnOff',
  'HassLock',
  'HassUnlock',
  'HassMediaPause',
  'HassMediaUnpause',
  'HassGetState',
  'HassClimateGetTemperature',
  'HassGetCurrentTime',
  'HassGetCurrentDate',
  ...REMINDER_INTENTS.slice(0, 3),
  'HassStartTimer',
  'HassCancelTimer',
  'HassTimerStatus',
  ...REMINDER_INTENTS.slice(3),
  'HassNevermind',
] as const;

export type IntentName = (typeof INTENTS)[number];

/** What `{name}`, an area or a bare "the light" refers to (`domains.ts` maps it to domains). */
export type TargetKind =
  | 'onoff'
  | 'light'
  | 'fan'
  | 'cover'
  | 'lock'
  | 'climate'
  | 'media'
  | 'everything'
  | 'temperature'
  | 'any';

/**
 * Sentence templates, hassil style: `(a|b)` alternatives, `[a|b]` optional, `{slot}` values,
 * `<rule>` shared fragments from `rules`. Slots: name, area, brightness, volume, temperature,
 * duration, timer_name, color, state, time, day, message, reminder_name.
 */
export interface SentenceGroup {
  readonly target?: TargetKind;
  readonly sentences: readonly string[];
}

export const RESPONSES = [
  'turnedOn',
  'turnedOff',
  'opened',
  'closed',
  'brightnessSet',
  'colorSet',
  'temperatureSet',
  'volumeSet',
  'paused',
  'resumed',
  'locked',
  'unlockConfirm',
  'unlocked',
  'unlockCancelled',
  'unlockExpired',
  'openConfirm',
  'openCancelled',
  'openExpired',
  'actConfirm',
  'actCancelled',
  'actExpired',
  'notHeard',
  'heardConfirm',
  'heardCancelled',
  'heardExpired',
  'stateYes',
  'stateNo',
  'stateSome',
  'stateIs',
  'temperatureIs',
  'temperatureIsArea',
  'noTemperature',
  'currentTime',
  'currentDate',
  'timerStarted',
  'timerStartedNamed',
  'timerCancelled',
  'timerCancelledNamed',
  'timerLeft',
  'timerLeftNamed',
  'timersLeft',
  'timerItem',
  'noTimer',
  'unknownTimer',
  'whichTimer',
  'nevermind',
  'unknownDevice',
  'ambiguous',
  'noDeviceInArea',
  'noArea',
  'cannotControl',
  'unreachable',
  ...REMINDER_RESPONSES,
] as const;

export type ResponseKey = (typeof RESPONSES)[number];
/** The responses a language writes in `responses-<lang>.ts`: all but the reminders'. */
export type HomeResponses = Readonly<
  Record<Exclude<ResponseKey, (typeof REMINDER_RESPONSES)[number]>, string>
>;

/** How a reply names what it acted on; placeholders `{name}`, `{area}`, `{domain}`. */
export interface TargetPhrases {
  readonly name: string;
  readonly area: string;
  readonly here: string;
  readonly everything: string;
  readonly everythingArea: string;
}

/** Words for a domain in replies: one, several, and the bare noun ("no light in ..."). */
export interface DomainWords {
  readonly one: string;
  readonly many: string;
  readonly bare: string;
}

/** A word that agrees: masculine, feminine, masculine plural, feminine plural (or one form). */
export type AgreeingWord =
  | string
  | readonly [masculine: string, feminine: string, masculinePlural: string, femininePlural: string];

export interface StateWords {
  /** What people say ("locked", "verrouillée"). */
  readonly phrases: readonly string[];
  readonly say: AgreeingWord;
}

export interface ArticleData {
  /** Leading words dropped from a spoken name, area or timer name ("the", "la", "l'"). */
  readonly strip: readonly string[];
  /** Written pairs said as one word: input is expanded ("du" → "de le"), replies contracted. */
  readonly contractions: readonly (readonly [full: string, contracted: string])[];
  /** Names said with their article in replies and generated sentences ("la cuisine"). */
  readonly render?: {
    readonly masculine: string;
    readonly feminine: string;
    readonly plural: string;
    /** Before a vowel ("l'entrée"). */
    readonly elided: string;
    /** Words elided before a vowel in replies ("de" → "d'"). */
    readonly elide: readonly string[];
    /** First words of feminine names; names ending in "e" are feminine unless masculine here. */
    readonly feminineWords: readonly string[];
    readonly masculineWords: readonly string[];
    /** First words ending in "s" or "x" that are singular. */
    readonly singularWords: readonly string[];
  };
}

export interface NumberData {
  /** Number words; the first word listed for a value is how it is spelled. */
  readonly words: Readonly<Record<string, number>>;
  /** Words that multiply what precedes them ("deux cents"). */
  readonly multipliers: Readonly<Record<string, number>>;
  /** Words between parts ("vingt et un", "one hundred and five"). */
  readonly joiners: readonly string[];
  /** "and a half", "et demi": adds 0.5. */
  readonly half: readonly string[];
  /** Spelling: `joiner` goes before these units after a tens word up to `tensUpTo`. */
  readonly spelling?: {
    readonly joiner: string;
    readonly units: readonly number[];
    readonly tensUpTo: number;
  };
}

export interface DurationData {
  /** Unit words and their length in seconds. */
  readonly units: Readonly<Record<string, number>>;
  /** Words for "one" before a unit ("an hour"), besides number words. */
  readonly one: readonly string[];
  /** After a unit: half of it more ("and a half", "et demie"). */
  readonly halfAfter: readonly string[];
  /** After a unit: a quarter of it more ("and a quarter", "et quart"). */
  readonly quarterAfter: readonly string[];
  /** Before a unit: half of it ("half an", "une demi"). */
  readonly halfBefore: readonly string[];
  /** Whole phrases ("a quarter of an hour", "un quart d'heure"). */
  readonly fixed: Readonly<Record<string, number>>;
  readonly joiners: readonly string[];
  /** Durations put in the generated sentences. */
  readonly samples: readonly string[];
}

export interface ColorWords {
  readonly kelvin: number;
  readonly say: string;
  readonly phrases: readonly string[];
}

export interface LanguageData {
  readonly language: Language;
  /** BCP 47 locale for dates, times, numbers and lists. */
  readonly locale: string;
  readonly rules: Readonly<Record<string, string>>;
  /**
   * Rules replaced in the sentences generated for the phrase engine: the common ways of saying
   * things, so its grammar stays small (what it hears is still matched with `rules`).
   */
  readonly grammarRules: Readonly<Record<string, string>>;
  /** Around every sentence when matching ("can you", "please"); not in generated sentences. */
  readonly wrap: { readonly before: string; readonly after: string };
  readonly intents: Readonly<Record<IntentName, readonly SentenceGroup[]>>;
  /** Answers to a confirmation question. */
  readonly yes: readonly string[];
  readonly no: readonly string[];
  readonly articles: ArticleData;
  readonly numbers: NumberData;
  readonly durations: DurationData;
  readonly colors: readonly ColorWords[];
  /** Home Assistant states (`on`, `locked`, ...) as said. */
  readonly states: Readonly<Record<string, StateWords>>;
  /** "is"/"are", "est"/"sont". */
  readonly copula: readonly [one: string, many: string];
  readonly domains: Readonly<Record<string, DomainWords>>;
  /**
   * Common words for rooms and devices: of a device's or room's names and aliases, replies use
   * the one with most words of the language ("Cuisine" rather than "Kitchen").
   */
  readonly nameWords: readonly string[];
  /**
   * What tells that a device's or room's name is written in this language (Home Assistant's
   * aliases carry no language): letters only this language writes, and its little words
   * ("de", "l'"), as written after lowercasing (`name-language.ts`).
   */
  readonly nameClues: { readonly letters: string; readonly words: readonly string[] };
  /** Timer names put in the generated sentences. */
  readonly timerNames: readonly string[];
  /** Times of day and the reminders' sample words (`reminders-<lang>.ts`). */
  readonly reminders: ReminderLanguage;
  /** Time of day in `currentTime`: `{hour}` is 1-12 with `{period}` when true. */
  readonly hour12: boolean;
  readonly targets: TargetPhrases;
  readonly responses: Readonly<Record<ResponseKey, string>>;
}
