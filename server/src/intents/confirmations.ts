// Questions waiting for a spoken yes, one per conversation: "Do you want me to unlock the front
// door?", "Do you want me to open the garage door?". An answer after the timeout is recognised
// as late rather than acted on.
import type { ServiceCall } from '../home/home.js';
import type { IntentName, ResponseKey } from './languages/language.js';
import type { Language } from './types.js';

/** How the question is put: unlocking, opening, or any other sensitive action. */
export type ConfirmKind = 'unlock' | 'open' | 'act';

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
}

export interface Waiting {
  readonly pending: PendingConfirmation;
  readonly expired: boolean;
}

interface Entry {
  readonly pending: PendingConfirmation;
  readonly expiresAt: number;
}

/** Late answers are still recognised for this long, then forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;

export class Confirmations {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly timeoutMs: number) {}

  ask(conversationId: string, pending: PendingConfirmation, now: Date): void {
    this.prune(now);
    this.entries.set(conversationId, { pending, expiresAt: now.getTime() + this.timeoutMs });
  }

  /** The conversation's waiting question, now answered or dropped either way. */
  take(conversationId: string, now: Date): Waiting | undefined {
    this.prune(now);
    const entry = this.entries.get(conversationId);
    if (!entry) return undefined;
    this.entries.delete(conversationId);
    return { pending: entry.pending, expired: now.getTime() > entry.expiresAt };
  }

  private prune(now: Date): void {
    for (const [id, entry] of this.entries) {
      if (now.getTime() > entry.expiresAt + FORGET_AFTER_MS) this.entries.delete(id);
    }
  }
}
