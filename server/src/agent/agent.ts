// The conversation agent: what answers when no local intent matches. The Ollama agent
// (`ollama-agent.ts`) implements it; the voice pipeline, `POST /api/conversation` and the
// Wyoming `handle` service call it through this interface only.
import type { ServiceCall } from '../home/home.js';
import type { Language, ReminderDesk, TimerAction, TimerInfo } from '../intents/types.js';

export interface AgentRequest {
  readonly text: string;
  /** One per satellite by default, or the id a caller passes. */
  readonly conversationId: string;
  /**
   * Who asked, when it was not a satellite (`wyoming:192.168.1.20`, `http`): a confirmation is
   * taken only from the peer that was asked.
   */
  readonly peer?: string;
  /** The satellite that heard it, if any. */
  readonly satellite?: string;
  /** The satellite's area id: "the light" means this area's. */
  readonly area?: string;
  /** The request's language when known (from speech-to-text); the agent answers in it. */
  readonly language?: Language;
  /** The satellite's running timers. */
  readonly timers: readonly TimerInfo[];
  /** Reminders; none where they cannot be kept. */
  readonly reminders?: ReminderDesk;
  readonly now: Date;
  readonly signal?: AbortSignal;
}

export interface AgentReply {
  /** The whole answer as spoken. */
  readonly speech: string;
  readonly language: Language;
  /** Service calls made on the home. */
  readonly calls: readonly ServiceCall[];
  /** Tools the model called, in order (`ha_call_service`, `remember`, ...). */
  readonly tools: readonly string[];
  readonly timer?: TimerAction;
  /** The answer is a question (a confirmation): the satellite listens again without the wake word. */
  readonly expectsReply: boolean;
  /** The model failed (unreachable, timeout, bad tool call): `speech` is the apology. */
  readonly failed: boolean;
  /** `ollama-unreachable`, `ollama-timeout`, `bad-tool-call`, ... when failed. */
  readonly errorCode?: string;
}

export interface AgentTurn {
  /**
   * The spoken answer as it is produced (text deltas, in order), so speech can start with the
   * first sentence. Ends when the answer is complete; an apology is streamed like any answer.
   */
  readonly text: AsyncIterable<string>;
  /** Settles after `text` ends; never rejects. */
  readonly done: Promise<AgentReply>;
}

export interface ConversationAgent {
  /** `ollama llama3.1:8b`, for the summary and logs. */
  readonly description: string;
  reply(request: AgentRequest): AgentTurn;
}
