// Questions waiting for a spoken yes, one per conversation: "Do you want me to unlock the front
// door?" An answer after the timeout is recognised as late rather than acted on. A question is
// bound to the conversation and the peer that asked: an answer from another peer never takes it.
import type { Language } from './types.js';

/** Who a question was asked of: its conversation, and the peer when it was not a satellite. */
export interface Asker {
  readonly conversationId: string;
  readonly peer?: string;
}

export interface PendingUnlock {
  readonly entityIds: readonly string[];
  /** How the question named them, in its language. */
  readonly target: string;
  readonly language: Language;
}

export interface Waiting {
  readonly unlock: PendingUnlock;
  readonly expired: boolean;
}

interface Entry {
  readonly unlock: PendingUnlock;
  readonly expiresAt: number;
  readonly peer?: string;
}

/** Late answers are still recognised for this long, then forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;
/** Questions kept at most, the oldest forgotten first, whatever ids peers invent. */
const MAX_WAITING = 1000;

export class Confirmations {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly timeoutMs: number) {}

  ask(asker: Asker, unlock: PendingUnlock, now: Date): void {
    this.prune(now);
    const expiresAt = now.getTime() + this.timeoutMs;
    this.entries.delete(asker.conversationId);
    this.entries.set(asker.conversationId, { unlock, expiresAt, peer: asker.peer });
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
    return { unlock: entry.unlock, expired: now.getTime() > entry.expiresAt };
  }

  private prune(now: Date): void {
    for (const [id, entry] of this.entries) {
      if (now.getTime() > entry.expiresAt + FORGET_AFTER_MS) this.entries.delete(id);
    }
  }
}
