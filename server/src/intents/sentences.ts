// Every sentence the templates can produce in a home, for the phrase engine's grammar: names and
// areas filled in, numbers in words, lowercase words only. Kept bounded by the languages'
// `grammarRules`, sampled numbers and durations, and caps per template: each template gives
// its plainest phrasing with every name (so no device is left out of the grammar), then an
// even sample of all its phrasings. Names and areas are those said in the sentence's language
// (`name-language.ts`): a French alias in the English grammar is one more sentence that English
// speech which is no command can be heard as.
import type { Home } from '../home/home.js';
import { contract } from './articles.js';
import type { CompiledLanguage } from './compile.js';
import { domainsOf } from './domains.js';
import type { TargetKind } from './languages/language.js';
import { type NameLanguage, namesIn } from './name-language.js';
import { spellDigits, spellNumber } from './numbers.js';
import { Speech } from './speech.js';
import type { Node, Sequence } from './template.js';

export interface SentenceLimits {
  /** Sentences of each template's plainest phrasing (an even sample past this). */
  readonly plainPerTemplate: number;
  /** Sentences of each template's every phrasing (an even sample past this). */
  readonly perTemplate: number;
  readonly percents: readonly number[];
  readonly temperatures: readonly number[];
}

export const DEFAULT_LIMITS: SentenceLimits = {
  plainPerTemplate: 2000,
  perTemplate: 500,
  percents: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
  temperatures: [16, 17, 18, 19, 20, 21, 22, 23, 24, 25],
};

/** The states worth asking about for each kind of target. */
const STATES_ASKED: Readonly<Partial<Record<TargetKind, readonly string[]>>> = {
  light: ['on', 'off'],
  lock: ['locked', 'unlocked', 'open', 'closed'],
  any: ['on', 'off', 'locked', 'unlocked', 'open', 'closed'],
};

type Values = (slot: string) => readonly string[];

function countNode(node: Node, values: Values): number {
  if (node.kind === 'word') return 1;
  if (node.kind === 'slot') return values(node.name).length;
  const options = node.options.reduce((sum, option) => sum + count(option, values), 0);
  return options + (node.optional ? 1 : 0);
}

function count(sequence: Sequence, values: Values): number {
  return sequence.reduce((product, node) => product * countNode(node, values), 1);
}

/** The `index`-th sentence of a sequence, its nodes read as the digits of a mixed radix. */
function nth(sequence: Sequence, index: number, values: Values): string[] {
  const words: string[] = [];
  let rest = index;
  for (let i = sequence.length - 1; i >= 0; i--) {
    const node = sequence[i] as Node;
    const radix = countNode(node, values);
    words.unshift(...nthNode(node, rest % radix, values));
    rest = Math.floor(rest / radix);
  }
  return words;
}

function nthNode(node: Node, index: number, values: Values): string[] {
  if (node.kind === 'word') return [node.text];
  if (node.kind === 'slot') return [values(node.name)[index] ?? ''];
  let rest = node.optional ? index - 1 : index;
  if (rest < 0) return [];
  for (const option of node.options) {
    const size = count(option, values);
    if (rest < size) return nth(option, rest, values);
    rest -= size;
  }
  return [];
}

function* sample(sequence: Sequence, values: Values, cap: number): Iterable<string> {
  const total = count(sequence, values);
  const step = total > cap ? total / cap : 1;
  for (let k = 0; k < Math.min(total, cap); k++) {
    yield nth(sequence, Math.floor(k * step), values).join(' ');
  }
}

function hasSlot(sequence: Sequence): boolean {
  return sequence.some((n) => n.kind === 'slot' || (n.kind === 'alt' && n.options.some(hasSlot)));
}

/** The first of each alternative; optional words kept, optional slots ("in the {area}") left out. */
function plain(sequence: Sequence): Node[] {
  return sequence.flatMap((node): Node[] => {
    if (node.kind !== 'alt') return [node];
    const [first = []] = node.options;
    return node.optional && hasSlot(first) ? [] : plain(first);
  });
}

/** Lowercase words only: hyphens split, symbols dropped, apostrophes kept inside words. */
export function cleanSentence(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[^\p{L}\p{M}']+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every name belongs to every language. */
const ANY_LANGUAGE: NameLanguage = () => undefined;

function slotValues(
  lang: CompiledLanguage,
  home: Home,
  limits: SentenceLimits,
  nameLanguage: NameLanguage,
) {
  const { data } = lang;
  const speech = new Speech(lang);
  const say = (name: string) => speech.name(spellDigits(name, lang.numbers));
  const spell = (numbers: readonly number[]) =>
    numbers.map((n) => spellNumber(n, lang.numbers)).filter((w): w is string => w !== undefined);
  const said = (names: readonly string[]) => namesIn(data.language, names, nameLanguage).map(say);
  const areas = home.areas().flatMap((a) => said([a.name, ...a.aliases]));
  const names = (kind: TargetKind | undefined) => {
    const domains = domainsOf(kind);
    return home
      .entities()
      .filter((e) => !domains || domains.includes(e.domain))
      .flatMap((e) => said([e.name, ...e.aliases]));
  };
  // One way to say each state: its other forms sound the same ("allumé", "allumée").
  const states = (kind: TargetKind | undefined) =>
    (STATES_ASKED[kind ?? 'any'] ?? STATES_ASKED.any ?? [])
      .map((state) => data.states[state]?.phrases[0])
      .filter((phrase): phrase is string => phrase !== undefined);
  const fixed: Readonly<Record<string, readonly string[]>> = {
    area: areas,
    brightness: spell(limits.percents),
    volume: spell(limits.percents),
    temperature: spell(limits.temperatures),
    duration: data.durations.samples,
    timer_name: data.timerNames,
    time: data.reminders.clock.samples,
    day: data.reminders.samples.days,
    message: data.reminders.samples.messages,
    reminder_name: data.reminders.samples.names,
    color: data.colors.flatMap((color) => color.phrases),
  };
  return (kind: TargetKind | undefined): Values => {
    const forKind: Readonly<Record<string, readonly string[]>> = {
      ...fixed,
      name: names(kind),
      state: states(kind),
    };
    return (slot) => forKind[slot] ?? [];
  };
}

/** `nameLanguage`: the language of each name and alias (by default every name is in every one). */
export function generateSentences(
  lang: CompiledLanguage,
  home: Home,
  limits: SentenceLimits = DEFAULT_LIMITS,
  nameLanguage: NameLanguage = ANY_LANGUAGE,
): string[] {
  const values = slotValues(lang, home, limits, nameLanguage);
  const sentences = new Set<string>();
  for (const template of lang.templates) {
    const slots = values(template.target);
    const texts = [
      ...sample(plain(template.spoken), slots, limits.plainPerTemplate),
      ...sample(template.spoken, slots, limits.perTemplate),
    ];
    for (const text of texts) {
      const sentence = cleanSentence(contract(text, lang.data.articles));
      if (sentence) sentences.add(sentence);
    }
  }
  return [...sentences];
}

/** The answers a question waits for ("yes please", "no thanks"), every phrasing up to the cap. */
export function answerSentences(
  lang: CompiledLanguage,
  limits: SentenceLimits = DEFAULT_LIMITS,
): string[] {
  const sentences = new Set<string>();
  for (const template of [...lang.yes, ...lang.no]) {
    for (const text of sample(template, () => [], limits.perTemplate)) {
      const sentence = cleanSentence(text);
      if (sentence) sentences.add(sentence);
    }
  }
  return [...sentences];
}
