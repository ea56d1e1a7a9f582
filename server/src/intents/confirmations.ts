// Questions waiting for a spoken yes, one per conversation: "Do you want me to unlock the front
// door?" An answer after the timeout is recognised as late rather than acted on.
import type { Language } from './types.js';

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
}

/** Late answers are still recognised for this long, then forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;

export class Confirmations {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly timeoutMs: number) {}

  ask(conversationId: string, unlock: PendingUnlock, now: Date): void {
    this.prune(now);
    this.entries.set(conversationId, { unlock, expiresAt: now.getTime() + this.timeoutMs });
  }

  /** The conversation's waiting question, now answered or dropped either way. */
  take(conversationId: string, now: Date): Waiting | undefined {
    this.prune(now);
    const entry = this.entries.get(conversationId);
    if (!entry) return undefined;
    this.entries.delete(conversationId);
    return { unlock: entry.unlock, expired: now.getTime() > entry.expiresAt };
  }

  private prune(now: Date): void {
    for (const [id, entry] of this.entries) {
      if (now.getTime() > entry.expiresAt + FORGET_AFTER_MS) this.entries.delete(id);
    }
  }
}
