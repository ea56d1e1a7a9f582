// Conversation context in Redis, shared by every server instance (DESIGN.md): the messages of a
// conversation in one list, the action waiting for confirmation in one string key, both under a
// key prefix and both with a TTL. Writes are single commands or one MULTI, so two instances
// appending to the same conversation never lose or reorder each other's messages. What comes
// back is parsed defensively: a corrupt entry is skipped, never a crash.
import type { Redis } from 'ioredis';
import { EngineError } from '../errors.js';
import type { ConversationSnapshot } from './in-process-store.js';
import type {
  ConversationMessage,
  ConversationStore,
  ConversationStoreOptions,
  PendingAction,
} from './store.js';
import { resolveStoreOptions } from './store-options.js';

export interface RedisConversationStoreOptions extends ConversationStoreOptions {
  /** A connected (or connecting) ioredis client; it belongs to the caller, who closes it. */
  readonly redis: Redis;
  /** Prefixes every key, so that Jarvis shares a Redis with others (default `jarvis:`). */
  readonly keyPrefix?: string;
}

/** The Redis keys of one conversation. The `{id}` hash tag keeps both in one cluster slot. */
export function conversationKeys(
  conversationId: string,
  keyPrefix = 'jarvis:',
): { messages: string; pending: string } {
  const base = `${keyPrefix}conversation:{${conversationId}}`;
  return { messages: `${base}:messages`, pending: `${base}:pending` };
}

export class RedisConversationStore implements ConversationStore {
  readonly kind = 'redis';
  private readonly redis: Redis;
  private readonly keyPrefix: string;
  private readonly ttlMs: number;
  private readonly maxMessages: number;

  constructor(options: RedisConversationStoreOptions) {
    ({ ttlMs: this.ttlMs, maxMessages: this.maxMessages } = resolveStoreOptions(options));
    this.redis = options.redis;
    this.keyPrefix = options.keyPrefix ?? 'jarvis:';
  }

  async append(conversationId: string, messages: readonly ConversationMessage[]): Promise<void> {
    const key = this.keys(conversationId).messages;
    const multi = this.redis.multi();
    if (messages.length > 0) {
      multi.rpush(key, ...messages.map((message) => JSON.stringify(message)));
      multi.ltrim(key, -this.maxMessages, -1);
    }
    multi.pexpire(key, this.ttlMs);
    const results = await this.call('append to the conversation', () => multi.exec());
    const failed = results?.find(([error]) => error)?.[0];
    if (failed) throw redisError('append to the conversation', failed);
    if (!results) throw new EngineError('redis', 'the append transaction was aborted');
  }

  async recent(conversationId: string, limit?: number): Promise<ConversationMessage[]> {
    const count = limit === undefined ? undefined : Math.max(0, Math.floor(limit));
    if (count === 0) return [];
    const key = this.keys(conversationId).messages;
    const raw = await this.call('read the conversation', () =>
      this.redis.lrange(key, count === undefined ? 0 : -count, -1),
    );
    return raw.map((entry) => parseMessage(entry)).filter((m) => m !== undefined);
  }

  async setPending(conversationId: string, action: PendingAction | undefined): Promise<void> {
    const key = this.keys(conversationId).pending;
    await this.call('store the pending action', async () => {
      if (action === undefined) await this.redis.del(key);
      else await this.redis.set(key, JSON.stringify(action), 'PX', this.ttlMs);
    });
  }

  async pending(conversationId: string): Promise<PendingAction | undefined> {
    const key = this.keys(conversationId).pending;
    const raw = await this.call('read the pending action', () => this.redis.get(key));
    return raw === null ? undefined : parsePending(raw);
  }

  async clear(conversationId: string): Promise<void> {
    const { messages, pending } = this.keys(conversationId);
    await this.call('clear the conversation', () => this.redis.del(messages, pending));
  }

  /** Nothing to release: the client belongs to whoever passed it in. */
  async close(): Promise<void> {}

  /**
   * Appends a conversation's messages and sets its pending action, atomically, restarting the
   * TTL — how the resilient store copies back what it kept in memory during an outage. Messages
   * already at the end of the list are not added twice: a write that timed out may still have
   * reached Redis before it hung. Returns how many messages were added.
   */
  async restore(snapshot: ConversationSnapshot): Promise<number> {
    const { messages, pending } = this.keys(snapshot.conversationId);
    const args = [
      this.ttlMs,
      this.maxMessages,
      snapshot.pending ? JSON.stringify(snapshot.pending) : '',
    ];
    const entries = snapshot.messages.map((message) => JSON.stringify(message));
    const added = await this.call('copy the conversation to Redis', () =>
      this.redis.eval(RESTORE_SCRIPT, 2, messages, pending, ...args, ...entries),
    );
    return Number(added);
  }

  private keys(conversationId: string) {
    return conversationKeys(conversationId, this.keyPrefix);
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw redisError(what, error);
    }
  }
}

/**
 * KEYS: messages list, pending key. ARGV: ttl, maxMessages, pending JSON (or ''), messages...
 * Skips the longest run of new messages that the list already ends with.
 */
const RESTORE_SCRIPT = `
local ttl, max, pending = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local count = #ARGV - 3
local take = math.min(count, redis.call('LLEN', KEYS[1]))
local tail = take > 0 and redis.call('LRANGE', KEYS[1], -take, -1) or {}
local skip = 0
for k = take, 1, -1 do
  local same = true
  for i = 1, k do
    if tail[take - k + i] ~= ARGV[3 + i] then same = false break end
  end
  if same then skip = k break end
end
for i = skip + 1, count do redis.call('RPUSH', KEYS[1], ARGV[3 + i]) end
if count > 0 then redis.call('LTRIM', KEYS[1], -max, -1) end
redis.call('PEXPIRE', KEYS[1], ttl)
if pending ~= '' then redis.call('SET', KEYS[2], pending, 'PX', ttl) end
return count - skip
`;

/** Replies Redis gives while it cannot serve for a moment; any other reply error is final. */
const TRANSIENT_REPLY = /^(LOADING|READONLY|MASTERDOWN|BUSY|TRYAGAIN|CLUSTERDOWN)\b/;

/**
 * An EngineError for a failed command: `retryable` when the connection (not the command) was
 * at fault — closed, refused, timed out, or a Redis that is loading or failing over.
 */
export function redisError(what: string, cause: unknown): EngineError {
  const error = cause instanceof Error ? cause : new Error(String(cause));
  const reply = error.name === 'ReplyError';
  const retryable = !reply || TRANSIENT_REPLY.test(error.message);
  return new EngineError('redis', `could not ${what}: ${error.message}`, { retryable, cause });
}

function parseJson(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

/** A stored message, or undefined when the entry is not one (corrupt, or written by others). */
export function parseMessage(raw: string): ConversationMessage | undefined {
  const value = parseJson(raw);
  if (!value) return undefined;
  const { role, content, at, satellite, language } = value;
  const valid =
    (role === 'user' || role === 'assistant') &&
    typeof content === 'string' &&
    typeof at === 'number' &&
    optionalString(satellite) &&
    optionalString(language);
  return valid ? (value as unknown as ConversationMessage) : undefined;
}

/** A stored pending action, or undefined when the entry is not one. */
export function parsePending(raw: string): PendingAction | undefined {
  const value = parseJson(raw);
  if (!value) return undefined;
  const { tool, arguments: args, question, at, language, peer } = value;
  const valid =
    typeof tool === 'string' &&
    typeof args === 'object' &&
    args !== null &&
    !Array.isArray(args) &&
    typeof question === 'string' &&
    typeof at === 'number' &&
    optionalString(language) &&
    optionalString(peer);
  return valid ? (value as unknown as PendingAction) : undefined;
}
