// What automations ask Jarvis to do, whichever way they come in (a `jarvis_command` event from
// Home Assistant, `POST /api/commands`, an MQTT command topic): one shape, one validation, and
// the answer matching of `ask` (as Home Assistant's `assist_satellite.ask_question` does it).
import { words } from '../intents/normalize.js';

/** One possible answer to a question: its id and the sentences that mean it. */
export interface AnswerChoice {
  readonly id: string;
  readonly sentences: readonly string[];
}

export type JarvisCommand =
  /** Speaks `text` on the target satellites (all of them when none is named). */
  | { readonly action: 'announce'; readonly target: Target; readonly text: string }
  /** Speaks `question`, listens without the wake word, matches the reply against `answers`. */
  | {
      readonly action: 'ask';
      readonly target: Target;
      readonly question: string;
      readonly answers: readonly AnswerChoice[];
    }
  /** Speaks `text`, then listens: the conversation stays open. */
  | { readonly action: 'converse'; readonly target: Target; readonly text: string }
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
      return { action: 'announce', target, text: text(body, 'text') };
    case 'converse':
      return { action: 'converse', target, text: text(body, 'text') };
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
      };
  }
}

/**
 * The answer `heard` means, if any: a sentence of an answer equal to it, else one whose words
 * all appear in it in order ("yes please" matches "yes"). Case, accents and punctuation aside.
 */
export function matchAnswer(
  heard: string,
  answers: readonly AnswerChoice[],
): { id: string; sentence: string } | undefined {
  const said = words(heard);
  let best: { id: string; sentence: string; score: number } | undefined;
  for (const answer of answers) {
    for (const sentence of answer.sentences) {
      const wanted = words(sentence);
      if (wanted.length === 0 || !inOrder(wanted, said)) continue;
      const score = wanted.length === said.length ? 1000 : wanted.length;
      if (!best || score > best.score) best = { id: answer.id, sentence, score };
    }
  }
  return best && { id: best.id, sentence: best.sentence };
}

function inOrder(wanted: readonly string[], said: readonly string[]): boolean {
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
    return { id: answer.id, sentences: sentences as string[] };
  });
}
