// Conversation context: the recent turns of each conversation (one per satellite by default, or
// the id a caller passes), kept for a TTL, and an action waiting for the user's confirmation.
// Implemented in Redis and in process, with one contract test for both.

export interface ConversationMessage {
  readonly role: 'user' | 'assistant';
  readonly content: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  /** The satellite that heard it, if any. */
  readonly satellite?: string;
  readonly language?: string;
}

/** A sensitive action the agent asked the user to confirm ("Should I unlock the front door?"). */
export interface PendingAction {
  /** The tool call to run on "yes". */
  readonly tool: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  /** What was asked, to say again or to log. */
  readonly question: string;
  readonly language?: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  /** The peer that was asked (see `AgentRequest.peer`); only its answer is taken. */
  readonly peer?: string;
}

export interface ConversationStore {
  /** `redis`, `memory`, or `memory (Redis unavailable)`, for the start-up summary and health. */
  readonly kind: string;
  /** Appends messages and restarts the conversation's TTL. Keeps at most the newest `maxMessages`. */
  append(conversationId: string, messages: readonly ConversationMessage[]): Promise<void>;
  /** The newest `limit` messages, oldest first; empty once the TTL has passed. */
  recent(conversationId: string, limit?: number): Promise<ConversationMessage[]>;
  /** Sets (or with `undefined` clears) the action waiting for confirmation; it expires with the TTL. */
  setPending(conversationId: string, action: PendingAction | undefined): Promise<void>;
  pending(conversationId: string): Promise<PendingAction | undefined>;
  /** Forgets the conversation. */
  clear(conversationId: string): Promise<void>;
  close(): Promise<void>;
}

export interface ConversationStoreOptions {
  /** How long a conversation lives after its last message (default 5 minutes). */
  readonly ttlMs?: number;
  /** Messages kept per conversation (default 20). */
  readonly maxMessages?: number;
}
