// Modes by voice: "night mode", "don't disturb me until 7", "silent mode here", "mode nuit
// jusqu'à 7 h", "retour au mode normal". A sentence in, a mode command out (or undefined); the
// answer as words; and the sentences for the phrase engine's grammar. The phrases are data in
// `mode-phrases.ts`.
import { expandTemplate } from '../automation/sentence-templates.js';
import { type ClockTable, clockTableOf, parseWhen } from '../intents/clock-times.js';
import { compileDurations, type DurationTable, parseDuration } from '../intents/durations.js';
import { languageData } from '../intents/languages/index.js';
import { primaryLanguage } from '../intents/recognize.js';
import { words } from '../intents/normalize.js';
import { spellNumber } from '../intents/numbers.js';
import type { RoomMode } from '../speech/schedule.js';
import { MODE_LANGUAGES, type ModeLanguage } from './mode-phrases.js';
import { ROOM_MODES } from './policy.js';

export interface ModeCommand {
  readonly mode: RoomMode;
  /** For the satellite that heard it only. */
  readonly here: boolean;
  /** When it ends, milliseconds since the epoch. */
  readonly until?: number;
  readonly language: string;
}

export interface CompiledModeLanguage {
  readonly data: ModeLanguage;
  /** Folded sentence → mode. */
  readonly sentences: ReadonlyMap<string, RoomMode>;
  readonly here: readonly (readonly string[])[];
  readonly filler: readonly (readonly string[])[];
  /** Times of day, as reminders read them (`intents/clock-times.ts`). */
  readonly clock: ClockTable;
  readonly durations: DurationTable;
  /** Before a time of day ("until") and before a duration ("for"). */
  readonly until: readonly (readonly string[])[];
  readonly during: readonly (readonly string[])[];
}

export function compileModeLanguage(data: ModeLanguage): CompiledModeLanguage {
  const sentences = new Map<string, RoomMode>();
  for (const mode of ROOM_MODES) {
    for (const template of data.sentences[mode]) {
      for (const sentence of expandTemplate(template))
        sentences.set(words(sentence).join(' '), mode);
    }
  }
  const phrases = (list: readonly string[]) =>
    list.map((p) => words(p)).sort((a, b) => b.length - a.length);
  const language = languageData(data.language);
  if (!language) throw new Error(`no language data for ${data.language}`);
  const clock = clockTableOf(language);
  return {
    data,
    sentences,
    here: phrases(data.here),
    filler: phrases(data.filler),
    clock,
    durations: compileDurations(language.durations, clock.numbers),
    until: phrases(data.until),
    during: phrases(data.during),
  };
}

export const COMPILED_MODE_LANGUAGES: readonly CompiledModeLanguage[] =
  MODE_LANGUAGES.map(compileModeLanguage);

export function modeLanguage(
  language: string | undefined,
  languages = COMPILED_MODE_LANGUAGES,
): CompiledModeLanguage | undefined {
  const primary = language && primaryLanguage(language);
  return languages.find((l) => l.data.language === primary);
}

/** The mode command `text` says, trying `language` first; undefined when it says none. */
export function parseModeCommand(
  text: string,
  now: Date,
  language?: string,
  languages = COMPILED_MODE_LANGUAGES,
): ModeCommand | undefined {
  const first = modeLanguage(language, languages);
  const order = first ? [first, ...languages.filter((l) => l !== first)] : languages;
  for (const lang of order) {
    const command = parseIn(lang, words(text), now);
    if (command) return command;
  }
  return undefined;
}

function parseIn(
  lang: CompiledModeLanguage,
  tokens: readonly string[],
  now: Date,
): ModeCommand | undefined {
  let rest = trim(tokens, lang.filler);
  let here = false;
  for (const phrase of lang.here) {
    const at = indexOf(rest, phrase);
    if (at < 0) continue;
    rest = [...rest.slice(0, at), ...rest.slice(at + phrase.length)];
    here = true;
    break;
  }
  const exact = lang.sentences.get(trim(rest, lang.filler).join(' '));
  const language = lang.data.language;
  if (exact) return { mode: exact, here, language };
  const until = parseUntil(rest, lang, now);
  if (!until) return undefined;
  const mode = lang.sentences.get(trim(until.rest, lang.filler).join(' '));
  if (!mode) return undefined;
  return mode === 'normal' ? { mode, here, language } : { mode, here, until: until.at, language };
}

/** The end said at the end of `tokens` ("until 7", "for two hours"), with what comes before. */
function parseUntil(
  tokens: readonly string[],
  lang: CompiledModeLanguage,
  now: Date,
): { at: number; rest: readonly string[] } | undefined {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const after = (marker: readonly string[]) =>
      marker.length > 0 && indexOf(tokens.slice(i, i + marker.length), marker) === 0
        ? tokens.slice(i + marker.length)
        : undefined;
    for (const marker of lang.until) {
      const said = after(marker);
      const when = said && parseWhen(said, lang.clock, now);
      if (when) return { at: when.at.getTime(), rest: tokens.slice(0, i) };
    }
    for (const marker of lang.during) {
      const said = after(marker);
      const seconds = said && parseDuration(said, lang.durations);
      if (seconds) return { at: now.getTime() + seconds * 1000, rest: tokens.slice(0, i) };
    }
  }
  return undefined;
}

function indexOf(tokens: readonly string[], phrase: readonly string[]): number {
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((word, j) => tokens[i + j] === word)) return i;
  }
  return -1;
}

/** Without filler words at either end. */
function trim(tokens: readonly string[], filler: readonly (readonly string[])[]): string[] {
  let rest = [...tokens];
  for (let changed = true; changed;) {
    changed = false;
    for (const phrase of filler) {
      if (phrase.length > 0 && indexOf(rest.slice(0, phrase.length), phrase) === 0) {
        rest = rest.slice(phrase.length);
        changed = true;
      } else if (phrase.length > 0 && indexOf(rest.slice(-phrase.length), phrase) === 0) {
        rest = rest.slice(0, rest.length - phrase.length);
        changed = true;
      }
    }
  }
  return rest;
}

/** What Jarvis says once the mode is set. */
export function modeAnswer(command: ModeCommand, languages = COMPILED_MODE_LANGUAGES): string {
  const lang = modeLanguage(command.language, languages) ?? languages[0]!;
  const { answers } = lang.data;
  const until =
    command.until === undefined
      ? ''
      : answers.until.replace('{time}', formatTime(new Date(command.until), lang.data));
  return answers.set[command.mode]
    .replace('{here}', command.here ? answers.here : '')
    .replace('{until}', until);
}

/** "Not at night." in the request's language (the first known one otherwise). */
export function refusal(
  mode: RoomMode,
  language: string | undefined,
  languages = COMPILED_MODE_LANGUAGES,
): string {
  const lang = modeLanguage(language, languages) ?? languages[0]!;
  return lang.data.answers.refused[mode];
}

export function formatTime(at: Date, data: ModeLanguage): string {
  const h24 = at.getHours();
  const minutes = at.getMinutes();
  const h = data.time.hour12 ? h24 % 12 || 12 : h24;
  const template = minutes === 0 ? data.time.hour : data.time.full;
  return template
    .replace('{h}', String(h))
    .replace('{hh}', String(h24))
    .replace('{mm}', String(minutes).padStart(2, '0'))
    .replace('{period}', h24 < 12 ? 'am' : 'pm')
    .trim();
}

/**
 * The common ways of saying a mode for the phrase engine: each alone and with "here", and the
 * modes that end with "until" each hour.
 */
export function modeSentences(language: string, languages = COMPILED_MODE_LANGUAGES): string[] {
  const lang = modeLanguage(language, languages);
  if (!lang) return [];
  const { grammar, grammarHere, grammarUntil } = lang.data;
  const said = (mode: RoomMode) => grammar[mode].flatMap(expandTemplate);
  const plain = ROOM_MODES.flatMap((mode) => said(mode).flatMap((s) => [s, `${s} ${grammarHere}`]));
  // With an end: the shortest way of saying each.
  const shortest = (template: string) =>
    expandTemplate(template).reduce((a, b) => (b.length < a.length ? b : a));
  const timed = ROOM_MODES.filter((mode) => mode !== 'normal').flatMap((mode) =>
    grammar[mode].map(shortest).flatMap((sentence) =>
      Array.from({ length: 12 }, (_, i) => {
        const hour = spellNumber(i + 1, lang.clock.numbers) ?? String(i + 1);
        return `${sentence} ${grammarUntil.replace('{hour}', hour)}`;
      }),
    ),
  );
  return [...new Set([...plain, ...timed])];
}
