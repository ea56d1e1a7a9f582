// One language's data made ready to match: templates parsed (politeness wrapped around them),
// word tables folded, and the vocabulary used to guess the language of a sentence.
import type { ClockTable } from './clock-times.js';
import { type DurationTable, compileDurations } from './durations.js';
import {
  INTENTS,
  type ColorWords,
  type IntentName,
  type LanguageData,
  type TargetKind,
} from './languages/language.js';
import { type Token, expansionsOf, tokenize, words } from './normalize.js';
import { type NumberTable, compileNumbers } from './numbers.js';
import { type Sequence, parseTemplate, slotsOf } from './template.js';

export const SLOTS: ReadonlySet<string> = new Set([
  'name',
  'area',
  'brightness',
  'volume',
  'temperature',
  'duration',
  'timer_name',
  'color',
  'state',
  'time',
  'day',
  'message',
  'reminder_name',
]);

export interface CompiledTemplate {
  readonly intent: IntentName;
  readonly target?: TargetKind;
  /** As written in the language file, for debugging a match. */
  readonly source: string;
  /** For matching: the template with the language's politeness around it. */
  readonly sequence: Sequence;
  /** The template alone. */
  readonly bare: Sequence;
  /** For generated sentences: the template alone, with the language's `grammarRules`. */
  readonly spoken: Sequence;
  readonly slots: ReadonlySet<string>;
}

export interface CompiledLanguage {
  readonly data: LanguageData;
  /** Folded articles dropped before names, areas and timer names. */
  readonly articles: ReadonlySet<string>;
  readonly templates: readonly CompiledTemplate[];
  readonly yes: readonly Sequence[];
  readonly no: readonly Sequence[];
  readonly numbers: NumberTable;
  readonly durations: DurationTable;
  /** Times of day ("3 pm", "15 h") and days ("tomorrow"), for reminders. */
  readonly clock: ClockTable;
  readonly colors: ReadonlyMap<string, ColorWords>;
  /** Folded phrase → Home Assistant state. */
  readonly states: ReadonlyMap<string, string>;
  /** Every folded word the language's sentences use, to guess a sentence's language. */
  readonly vocabulary: ReadonlySet<string>;
  tokenize(text: string): Token[];
  words(text: string): string[];
}

function collectWords(sequence: Sequence, into: Set<string>): void {
  for (const node of sequence) {
    if (node.kind === 'word') node.tokens.forEach((token) => into.add(token));
    else if (node.kind === 'alt') node.options.forEach((option) => collectWords(option, into));
  }
}

const compiled = new WeakMap<LanguageData, CompiledLanguage>();

/**
 * The language's sentences parsed once: the recognizer, the routines and the mode phrases all
 * ask for the same data at start-up, and the result depends on nothing else.
 */
export function compileLanguage(data: LanguageData): CompiledLanguage {
  let language = compiled.get(data);
  if (!language) compiled.set(data, (language = compileUncached(data)));
  return language;
}

function compileUncached(data: LanguageData): CompiledLanguage {
  const expansions = expansionsOf(data.articles.contractions, data.articles.render?.elide);
  const fold = (text: string) => words(text, expansions);
  const parse = (template: string, path: string, rules = data.rules) =>
    parseTemplate(template, { rules, words: fold, slots: SLOTS, path });
  const grammarRules = { ...data.rules, ...data.grammarRules };
  const base = `intents.${data.language}`;
  const before = parse(data.wrap.before, `${base}.wrap`);
  const after = parse(data.wrap.after, `${base}.wrap`);
  const templates: CompiledTemplate[] = [];
  for (const intent of INTENTS) {
    for (const group of data.intents[intent]) {
      for (const source of group.sentences) {
        const path = `${base}.${intent}`;
        const bare = parse(source, path);
        const spoken = parse(source, path, grammarRules);
        const sequence = [...before, ...bare, ...after];
        const slots = slotsOf(bare);
        templates.push({ intent, target: group.target, source, sequence, bare, spoken, slots });
      }
    }
  }
  const numbers = compileNumbers(data.numbers, fold);
  const vocabulary = new Set<string>();
  templates.forEach((template) => collectWords(template.bare, vocabulary));
  const tables = [
    Object.keys(data.numbers.words),
    Object.keys(data.durations.units),
    data.colors.flatMap((color) => color.phrases),
    Object.values(data.states).flatMap((state) => state.phrases),
    data.nameWords,
    clockPhrases(data),
  ];
  tables.flat().forEach((phrase) => fold(phrase).forEach((word) => vocabulary.add(word)));
  return {
    data,
    articles: new Set(data.articles.strip.flatMap(fold)),
    templates,
    yes: data.yes.map((template) => parse(template, `${base}.yes`)),
    no: data.no.map((template) => parse(template, `${base}.no`)),
    numbers,
    durations: compileDurations(data.durations, numbers, fold),
    clock: { words: data.reminders.clock, numbers, fold },
    colors: new Map(data.colors.flatMap((c) => c.phrases.map((p) => [fold(p).join(' '), c]))),
    states: new Map(
      Object.entries(data.states).flatMap(([state, w]) =>
        w.phrases.map((p) => [fold(p).join(' '), state] as const),
      ),
    ),
    vocabulary,
    tokenize: (text) => tokenize(text, expansions),
    words: fold,
  };
}

function clockPhrases(data: LanguageData): string[] {
  const { clock } = data.reminders;
  return [
    ...clock.hourUnits,
    ...clock.am,
    ...clock.pm,
    ...clock.noon,
    ...clock.midnight,
    ...Object.keys(clock.days),
  ];
}
