// Questions waiting for a spoken yes, one per conversation: "Do you want me to unlock the front
// door?", "Do you want me to open the garage door?". An answer after the timeout is recognised
// as late rather than acted on. A question is bound to the conversation and the peer that asked:
// an answer from another peer never takes it.
import type { ServiceCall } from '../home/home.js';
import type { IntentName, ResponseKey } from './languages/language.js';
import type { Language } from './types.js';

/** Who a question was asked of: its conversation, and the peer when it was not a satellite. */
export interface Asker {
  readonly conversationId: string;
  readonly peer?: string;
}

/**
 * How the question is put: unlocking, opening, any other sensitive action, or a sentence heard
 * too unsurely to act on, asked back (`heard`).
 */
export type ConfirmKind = 'unlock' | 'open' | 'act' | 'heard';

export interface PendingConfirmation {
  readonly kind: ConfirmKind;
  readonly intent: IntentName;
  /** The calls to make on "yes". */
  readonly calls: readonly ServiceCall[];
  /** How the question named the target, in its language. */
  readonly target: string;
  readonly language: Language;
  /** What to say once done. */
  readonly done: ResponseKey;
  /** `heard`: the sentence asked back, handled as if said again on "yes". */
  readonly sentence?: string;
}

export interface Waiting {
  readonly pending: PendingConfirmation;
  readonly expired: boolean;
}

interface Entry {
  readonly pending: PendingConfirmation;
  readonly expiresAt: number;
  readonly peer?: string;
}

/** Late answers are still recognised for this long, then forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;
/** Questions kept at most (invented conversation ids cannot grow memory): oldest dropped. */
const MAX_WAITING = 1000;

export class Confirmations {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly timeoutMs: number) {}

  ask(asker: Asker, pending: PendingConfirmation, now: Date): void {
    this.prune(now);
    const expiresAt = now.getTime() + this.timeoutMs;
    this.entries.delete(asker.conversationId);
    this.entries.set(asker.conversationId, { pending, expiresAt, peer: asker.peer });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_WAITING) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * The conversation's waiting question, now answered or dropped either way; none for another
   * peer, whose answer leaves the question waiting for the one it was asked of.
   */
  take(asker: Asker, now: Date): Waiting | undefined {
    this.prune(now);
    const entry = this.entries.get(asker.conversationId);
    if (!entry || entry.peer !== asker.peer) return undefined;
    this.entries.delete(asker.conversationId);
    return { pending: entry.pending, expired: now.getTime() > entry.expiresAt };
  }

  private prune(now: Date): void {
    for (const [id, entry] of this.entries) {
      if (now.getTime() > entry.expiresAt + FORGET_AFTER_MS) this.entries.delete(id);
    }
  }
}
