// One request in a conversation, whoever asks (a voice turn, `POST /api/conversation`, the
// Wyoming `handle` service): the local intents first, then the conversation agent, then an
// honest "I can't do that yet". The answer streams, so speech can start with its first sentence.
import { type Logger, silentLogger } from 'wyoming-ts';
import type { AgentReply, ConversationAgent } from '../agent/agent.js';
import type { ConversationStore } from '../conversation/store.js';
import type { Home, ServiceCall } from '../home/home.js';
import type {
  IntentRecognizer,
  IntentResult,
  Language,
  TimerAction,
  ReminderDesk,
  TimerInfo,
} from '../intents/types.js';
import { reply } from './replies.js';

export interface ConversationDeps {
  readonly recognizer: IntentRecognizer;
  readonly home: Home;
  /** The LLM agent; without it, what no intent understands gets "I can't do that yet". */
  readonly agent?: ConversationAgent;
  /** Where local-intent turns are written too, so the agent knows what just happened. */
  readonly conversations?: ConversationStore;
  /** Reminders (the reminder book); none where they cannot be kept. */
  readonly reminders?: ReminderDesk;
  /** The reply language when the request's is unknown. */
  readonly language: Language;
  readonly logger?: Logger;
}

export interface ConversationRequest {
  readonly text: string;
  readonly conversationId: string;
  /**
   * Who asked, when it was not a satellite (`wyoming:192.168.1.20`, `http`): a confirmation is
   * taken only from the peer that was asked.
   */
  readonly peer?: string;
  readonly satellite?: string;
  readonly area?: string;
  /** The request's language when known (from speech-to-text). */
  readonly language?: Language;
  readonly timers: readonly TimerInfo[];
  readonly signal?: AbortSignal;
  /** False when speech-to-text was too unsure for an action that opens, unlocks or disarms. */
  readonly sureEnoughForSensitive?: boolean;
  /**
   * Heard below the acceptance rule, within the asking band: the local intents ask it back, and
   * nothing else (the agent) is given a sentence nobody may have said.
   */
  readonly askBack?: boolean;
}

export interface ConversationOutcome {
  readonly speech: string;
  readonly language: Language;
  /** The local intent (`HassTurnOn`), `agent` for the LLM, none when nothing could answer. */
  readonly intent?: string;
  readonly handledBy: 'intent' | 'agent' | 'none';
  readonly calls: readonly ServiceCall[];
  readonly timer?: TimerAction;
  readonly expectsReply: boolean;
  readonly failed: boolean;
  /** Why it failed (`ollama-timeout`, `intent-failed`, ...). */
  readonly errorCode?: string;
  /** Not done: heard too unsurely for an action that opens, unlocks or disarms. */
  readonly notSureEnough?: boolean;
}

export interface ConversationAnswer {
  /** The spoken answer as it is produced (text deltas). */
  readonly text: AsyncIterable<string>;
  /** Settles after `text` ends; never rejects. */
  readonly done: Promise<ConversationOutcome>;
}

/** Answers one request; never throws (a failure is an apology with `failed`). */
export async function converse(
  deps: ConversationDeps,
  request: ConversationRequest,
): Promise<ConversationAnswer> {
  const logger = deps.logger ?? silentLogger;
  let result: IntentResult | undefined;
  try {
    result = await deps.recognizer.handle(request.text, {
      home: deps.home,
      area: request.area,
      conversationId: request.conversationId,
      peer: request.peer,
      satellite: request.satellite,
      now: new Date(),
      timers: request.timers,
      reminders: deps.reminders,
      language: request.language,
      signal: request.signal,
      sureEnoughForSensitive: request.sureEnoughForSensitive,
      askBack: request.askBack,
    });
  } catch (error) {
    logger.error(`intent handling failed: ${(error as Error).message}`);
    const language = request.language ?? deps.language;
    return whole(fixed(reply('failed', language), language, true, 'intent-failed'));
  }
  if (result) {
    await remember(deps, request, result.speech, result.language, logger);
    return whole({
      speech: result.speech,
      language: result.language,
      intent: result.intent,
      handledBy: 'intent',
      calls: result.calls,
      timer: result.timer,
      expectsReply: result.expectsReply,
      failed: result.failed ?? false,
      ...(result.notSureEnough && { notSureEnough: true }),
    });
  }
  if (request.askBack) {
    const language = request.language ?? deps.language;
    return whole(fixed(reply('notUnderstood', language), language, false));
  }
  if (!deps.agent) {
    const language = request.language ?? deps.language;
    return whole(fixed(reply('notYet', language), language, false));
  }
  const turn = deps.agent.reply({
    text: request.text,
    conversationId: request.conversationId,
    peer: request.peer,
    satellite: request.satellite,
    area: request.area,
    language: request.language,
    timers: request.timers,
    reminders: deps.reminders,
    now: new Date(),
    signal: request.signal,
  });
  return { text: turn.text, done: turn.done.then(fromAgent) };
}

/** The whole answer, for callers that do not speak it as it comes. */
export async function finish(answer: ConversationAnswer): Promise<ConversationOutcome> {
  for await (const delta of answer.text) void delta;
  return answer.done;
}

function fromAgent(reply: AgentReply): ConversationOutcome {
  return {
    speech: reply.speech,
    language: reply.language,
    intent: 'agent',
    handledBy: 'agent',
    calls: reply.calls,
    timer: reply.timer,
    expectsReply: reply.expectsReply,
    failed: reply.failed,
    errorCode: reply.errorCode,
  };
}

function fixed(
  speech: string,
  language: Language,
  failed: boolean,
  errorCode?: string,
): ConversationOutcome {
  return { speech, language, handledBy: 'none', calls: [], expectsReply: false, failed, errorCode };
}

/** A fixed answer known at once ("Sorry, I didn't catch that"), neither handled nor failed. */
export function fixedAnswer(speech: string, language: Language): ConversationAnswer {
  return whole(fixed(speech, language, false));
}

/** An answer known at once: its text in one piece. */
function whole(outcome: ConversationOutcome): ConversationAnswer {
  return {
    text: (async function* () {
      yield outcome.speech;
    })(),
    done: Promise.resolve(outcome),
  };
}

/** Writes a local-intent turn into the conversation's context; a store failure is only logged. */
async function remember(
  deps: ConversationDeps,
  request: ConversationRequest,
  speech: string,
  language: Language,
  logger: Logger,
): Promise<void> {
  if (!deps.conversations) return;
  const at = Date.now();
  try {
    await deps.conversations.append(request.conversationId, [
      { role: 'user', content: request.text, at, satellite: request.satellite, language },
      { role: 'assistant', content: speech, at, satellite: request.satellite, language },
    ]);
  } catch (error) {
    logger.warn(`conversation context not saved: ${(error as Error).message}`);
  }
}
