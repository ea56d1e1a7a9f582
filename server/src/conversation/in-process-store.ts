// The conversation store used when no Redis is configured, and the fallback of the resilient
// store while Redis is away: the same contract as the Redis store, kept in a Map. Expired
// conversations are dropped when touched and by a periodic sweep (an unref'd timer), so the
// memory of a long-running server does not grow with every conversation it ever had.
import type {
  ConversationMessage,
  ConversationStore,
  ConversationStoreOptions,
  PendingAction,
} from './store.js';
import { resolveStoreOptions } from './store-options.js';

export interface InProcessConversationStoreOptions extends ConversationStoreOptions {
  /** The clock (milliseconds since the epoch); `Date.now` by default. Tests move it by hand. */
  readonly now?: () => number;
  /** How often expired conversations are swept (default: the TTL, at least 10 s). */
  readonly sweepIntervalMs?: number;
  /**
   * Conversations kept at most (default 1,000); the least recently used goes first, so peers
   * inventing conversation ids cannot grow the server's memory without end.
   */
  readonly maxConversations?: number;
}

export const DEFAULT_MAX_CONVERSATIONS = 1000;

/** A conversation held in memory, as the resilient store copies it back to Redis. */
export interface ConversationSnapshot {
  readonly conversationId: string;
  readonly messages: ConversationMessage[];
  readonly pending?: PendingAction;
}

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

export class InProcessConversationStore implements ConversationStore {
  readonly kind = 'memory';
  private readonly ttlMs: number;
  private readonly maxMessages: number;
  private readonly now: () => number;
  private readonly maxConversations: number;
  private readonly messages = new Map<string, Expiring<ConversationMessage[]>>();
  private readonly pendings = new Map<string, Expiring<PendingAction>>();
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(options: InProcessConversationStoreOptions = {}) {
    ({ ttlMs: this.ttlMs, maxMessages: this.maxMessages } = resolveStoreOptions(options));
    this.now = options.now ?? Date.now;
    this.maxConversations = options.maxConversations ?? DEFAULT_MAX_CONVERSATIONS;
    const interval = options.sweepIntervalMs ?? Math.max(this.ttlMs, 10_000);
    this.sweeper = setInterval(() => this.sweep(), interval);
    this.sweeper.unref();
  }

  async append(conversationId: string, messages: readonly ConversationMessage[]): Promise<void> {
    const kept = this.live(this.messages, conversationId)?.value ?? [];
    kept.push(...messages.map((message) => structuredClone(message)));
    kept.splice(0, Math.max(0, kept.length - this.maxMessages));
    this.keep(this.messages, conversationId, { value: kept, expiresAt: this.now() + this.ttlMs });
  }

  async recent(conversationId: string, limit?: number): Promise<ConversationMessage[]> {
    const kept = this.live(this.messages, conversationId)?.value ?? [];
    const count = limit === undefined ? kept.length : Math.max(0, Math.floor(limit));
    return count === 0 ? [] : kept.slice(-count).map((message) => structuredClone(message));
  }

  async setPending(conversationId: string, action: PendingAction | undefined): Promise<void> {
    if (action === undefined) {
      this.pendings.delete(conversationId);
      return;
    }
    const value = structuredClone(action);
    this.keep(this.pendings, conversationId, { value, expiresAt: this.now() + this.ttlMs });
  }

  async pending(conversationId: string): Promise<PendingAction | undefined> {
    const entry = this.live(this.pendings, conversationId);
    return entry && structuredClone(entry.value);
  }

  async clear(conversationId: string): Promise<void> {
    this.messages.delete(conversationId);
    this.pendings.delete(conversationId);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  /** Its kind never changes, so the listener is never called (see ObservableConversationStore). */
  onStatusChange(_listener: (kind: string) => void): () => void {
    return () => {};
  }

  /** The conversations still alive, oldest message first (for copying them elsewhere). */
  snapshot(): ConversationSnapshot[] {
    this.sweep();
    const ids = new Set([...this.messages.keys(), ...this.pendings.keys()]);
    return [...ids].map((conversationId) => ({
      conversationId,
      messages: (this.messages.get(conversationId)?.value ?? []).map((m) => structuredClone(m)),
      pending: this.pendings.has(conversationId)
        ? structuredClone(this.pendings.get(conversationId)!.value)
        : undefined,
    }));
  }

  /** Drops every expired conversation and pending action. */
  sweep(): void {
    const now = this.now();
    for (const map of [this.messages, this.pendings] as Map<string, Expiring<unknown>>[]) {
      for (const [id, entry] of map) if (entry.expiresAt <= now) map.delete(id);
    }
  }

  /** Sets `id` as the most recently used, forgetting the least recently used past the cap. */
  private keep<T>(map: Map<string, Expiring<T>>, id: string, entry: Expiring<T>): void {
    map.delete(id);
    map.set(id, entry);
    for (const oldest of map.keys()) {
      if (map.size <= this.maxConversations) break;
      this.messages.delete(oldest);
      this.pendings.delete(oldest);
    }
  }

  private live<T>(map: Map<string, Expiring<T>>, id: string): Expiring<T> | undefined {
    const entry = map.get(id);
    if (entry && entry.expiresAt <= this.now()) {
      map.delete(id);
      return undefined;
    }
    return entry;
  }
}
