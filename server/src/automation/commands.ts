// What automations ask Jarvis to do, whichever way they come in (a `jarvis_command` event from
// Home Assistant, `POST /api/commands`, an MQTT command topic): one shape, one validation, and
// the answer matching of `ask` (as Home Assistant's `assist_satellite.ask_question` does it).
import { words } from '../intents/normalize.js';
import { expandTemplate, TemplateError } from './sentence-templates.js';

/** One possible answer to a question: its id and the sentences that mean it. */
export interface AnswerChoice {
  readonly id: string;
  readonly sentences: readonly string[];
}

export type JarvisCommand =
  /**
   * Speaks `text` on the target satellites (all of them when none is named), through the speech
   * schedule: held where the mode does not let it through, unless `urgent`.
   */
  | {
      readonly action: 'announce';
      readonly target: Target;
      readonly text: string;
      readonly urgent?: boolean;
    }
  /**
   * Speaks `question`, listens without the wake word, matches the reply against `answers`. Held
   * where the mode does not let it through (then asked when it does), unless `urgent`.
   */
  | {
      readonly action: 'ask';
      readonly target: Target;
      readonly question: string;
      readonly answers: readonly AnswerChoice[];
      readonly urgent?: boolean;
    }
  /** Speaks `text`, then listens: the conversation stays open. Held as `ask` is. */
  | {
      readonly action: 'converse';
      readonly target: Target;
      readonly text: string;
      readonly urgent?: boolean;
    }
  /** Opens a turn without the wake word. */
  | { readonly action: 'listen'; readonly target: Target }
  /** Handles `text` as if it was spoken to the target satellite (or to no satellite). */
  | { readonly action: 'process'; readonly target: Target; readonly text: string };

export interface Target {
  readonly satellite?: string;
  readonly area?: string;
}

export const ACTIONS = ['announce', 'ask', 'converse', 'listen', 'process'] as const;

/** A command that cannot be carried out as given; the message names the field. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/** Reads a command from JSON data; throws `CommandError` naming the first bad field. */
export function parseCommand(data: unknown): JarvisCommand {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new CommandError('expected an object with an action');
  const body = data as Record<string, unknown>;
  const action = body.action;
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action))
    throw new CommandError(`action: expected one of ${ACTIONS.join(', ')}`);
  const target: Target = {
    ...optionalString(body, 'satellite'),
    ...optionalString(body, 'area'),
  };
  switch (action as (typeof ACTIONS)[number]) {
    case 'announce':
      return { action: 'announce', target, text: text(body, 'text'), ...urgent(body) };
    case 'converse':
      return { action: 'converse', target, text: text(body, 'text'), ...urgent(body) };
    case 'process':
      return { action: 'process', target, text: text(body, 'text') };
    case 'listen':
      return { action: 'listen', target };
    case 'ask':
      return {
        action: 'ask',
        target,
        question: text(body, 'question'),
        answers: answersOf(body.answers),
        ...urgent(body),
      };
  }
}

/** The answer an `ask` heard: its id, the sentence that matched and its `{wildcards}`' words. */
export interface AnswerMatch {
  readonly id: string;
  readonly sentence: string;
  readonly slots: Readonly<Record<string, string>>;
}

/** A sentence as words and `{wildcard}` slots (`play {genre}` -> `play`, slot `genre`). */
type Part = { readonly word: string } | { readonly slot: string };

const WILDCARD = /\{([^{}]+)\}/;

export function sentenceParts(sentence: string): Part[] {
  return sentence.split(/(\{[^{}]+\})/).flatMap((piece): Part[] => {
    const slot = WILDCARD.exec(piece)?.[1]?.trim();
    return slot ? [{ slot }] : words(piece).map((word) => ({ word }));
  });
}

/** The sentences a grammar can hear (those without wildcards), for an answers-only STT. */
export function answerSentences(answers: readonly AnswerChoice[]): string[] | undefined {
  const sentences = answers.flatMap((a) => a.sentences);
  return sentences.some((s) => WILDCARD.test(s)) ? undefined : sentences;
}

/**
 * The answer `heard` means, if any, as Home Assistant's `ask_question` matches: a sentence equal
 * to it, its `{wildcards}` taking one or more words each; else a sentence without wildcards whose
 * words all appear in it in order ("yes please" matches "yes"). Case, accents and punctuation
 * aside.
 */
export function matchAnswer(
  heard: string,
  answers: readonly AnswerChoice[],
): AnswerMatch | undefined {
  const said = words(heard);
  let best: (AnswerMatch & { score: number }) | undefined;
  for (const answer of answers) {
    for (const sentence of answer.sentences) {
      const parts = sentenceParts(sentence);
      const literal = parts.filter((p) => 'word' in p).length;
      if (parts.length === 0) continue;
      const slots = fullMatch(parts, said);
      const score = slots ? 1000 + literal : inOrder(parts, said) ? literal : 0;
      if (score > 0 && (!best || score > best.score))
        best = { id: answer.id, sentence, slots: slots ?? {}, score };
    }
  }
  return best && { id: best.id, sentence: best.sentence, slots: best.slots };
}

/** The slots when `parts` cover all of `said` (each wildcard one or more words), else none. */
function fullMatch(
  parts: readonly Part[],
  said: readonly string[],
): Record<string, string> | undefined {
  const [part, ...rest] = parts;
  if (!part) return said.length === 0 ? {} : undefined;
  if ('word' in part) return said[0] === part.word ? fullMatch(rest, said.slice(1)) : undefined;
  for (let take = said.length - rest.length; take >= 1; take--) {
    const after = fullMatch(rest, said.slice(take));
    if (after) return { [part.slot]: said.slice(0, take).join(' '), ...after };
  }
  return undefined;
}

/** A sentence without wildcards whose words all appear in `said`, in order. */
function inOrder(parts: readonly Part[], said: readonly string[]): boolean {
  if (parts.some((p) => 'slot' in p)) return false;
  const wanted = parts.map((p) => ('word' in p ? p.word : ''));
  let at = 0;
  for (const word of said) if (word === wanted[at]) at++;
  return at === wanted.length;
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || !value.trim())
    throw new CommandError(`${key}: expected a non-empty string`);
  if (value.length > 2000) throw new CommandError(`${key}: at most 2000 characters`);
  return value.trim();
}

function urgent(body: Record<string, unknown>): { urgent?: true } {
  if (body.urgent === undefined || body.urgent === null || body.urgent === false) return {};
  if (body.urgent !== true) throw new CommandError('urgent: expected true or false');
  return { urgent: true };
}

function optionalString(body: Record<string, unknown>, key: string): Record<string, string> {
  const value = body[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'string' || !value.trim())
    throw new CommandError(`${key}: expected a non-empty string`);
  return { [key]: value.trim() };
}

function answersOf(value: unknown): AnswerChoice[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new CommandError('answers: expected a list');
  return value.map((item, i) => {
    const answer = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    const sentences = answer.sentences;
    if (typeof answer.id !== 'string' || !answer.id)
      throw new CommandError(`answers[${i}].id: expected a non-empty string`);
    if (
      !Array.isArray(sentences) ||
      sentences.length === 0 ||
      !sentences.every((s) => typeof s === 'string' && s.trim())
    )
      throw new CommandError(`answers[${i}].sentences: expected a list of sentences`);
    return { id: answer.id, sentences: (sentences as string[]).flatMap(expanded(i)) };
  });
}

/** Home Assistant's `[optional]` and `(a|b)` in an answer, as the sentences they mean. */
function expanded(answer: number) {
  return (template: string): string[] => {
    try {
      return expandTemplate(template);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      throw new CommandError(`answers[${answer}].sentences: ${error.message}`);
    }
  };
}
