// The conversation store the server uses. Without a Redis URL: the in-process store. With one:
// Redis while it is ready, and an in-process fallback while it is not — Redis unreachable at
// start-up, dying mid-run, or hanging. One warning per outage; when ioredis reports `ready`
// again, what the fallback kept is copied back to Redis and calls go to Redis again. Start-up
// never fails because Redis is away: the client keeps reconnecting in the background.
import { Redis } from 'ioredis';
import { type Logger, silentLogger } from 'wyoming-ts';
import { EngineError } from '../errors.js';
import { InProcessConversationStore } from './in-process-store.js';
import { RedisConversationStore } from './redis-store.js';
import type {
  ConversationMessage,
  ConversationStore,
  ConversationStoreOptions,
  PendingAction,
} from './store.js';

/** The kind of a Redis-backed store while Redis is away. */
export const REDIS_UNAVAILABLE = 'memory (Redis unavailable)';

/** A ConversationStore whose kind may change (Redis lost, Redis back), for health and summary. */
export interface ObservableConversationStore extends ConversationStore {
  /** Calls `listener` with the new kind each time it changes; returns the unsubscribe. */
  onStatusChange(listener: (kind: string) => void): () => void;
}

export interface CreateConversationStoreOptions extends ConversationStoreOptions {
  /** `redis://[user:password@]host:port[/db]`; without it conversations stay in process. */
  readonly url?: string;
  readonly logger?: Logger;
  /** The in-process store's clock (tests). */
  readonly now?: () => number;
  /** How long one connection attempt may take (default 2 s). */
  readonly connectTimeoutMs?: number;
  /** A command without a reply after this long means Redis hangs (default 2 s). */
  readonly commandTimeoutMs?: number;
  /** The longest pause between reconnection attempts (default 2 s). */
  readonly maxRetryDelayMs?: number;
  /** Prefixes every Redis key (default `jarvis:`). */
  readonly keyPrefix?: string;
}

/** Builds the store from configuration; never rejects because Redis is unreachable. */
export async function createConversationStore(
  options: CreateConversationStoreOptions,
): Promise<ObservableConversationStore> {
  const { url, ttlMs, maxMessages, now } = options;
  const fallback = new InProcessConversationStore({ ttlMs, maxMessages, now });
  if (!url) return fallback;
  const connectTimeout = options.connectTimeoutMs ?? 2_000;
  const maxDelay = options.maxRetryDelayMs ?? 2_000;
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 10), maxDelay),
  });
  const redis = new RedisConversationStore({
    redis: client,
    ttlMs,
    maxMessages,
    keyPrefix: options.keyPrefix,
  });
  const store = new ResilientConversationStore({
    client,
    redis,
    fallback,
    logger: options.logger ?? silentLogger,
    where: redactUrl(url),
  });
  await store.start(connectTimeout * 2);
  return store;
}

interface ResilientOptions {
  client: Redis;
  redis: RedisConversationStore;
  fallback: InProcessConversationStore;
  logger: Logger;
  /** The Redis URL without its password, for logs. */
  where: string;
}

class ResilientConversationStore implements ObservableConversationStore {
  private readonly client: Redis;
  private readonly redis: RedisConversationStore;
  private readonly fallback: InProcessConversationStore;
  private readonly logger: Logger;
  private readonly where: string;
  private readonly listeners = new Set<(kind: string) => void>();
  private usingRedis = false;
  private outage = false;
  private everReady = false;
  private closed = false;
  private recovering: Promise<void> | undefined;
  /** Why the connection last failed, as ioredis reported it (refused, auth...). */
  private lastError: Error | undefined;

  constructor(options: ResilientOptions) {
    ({ client: this.client, redis: this.redis, fallback: this.fallback } = options);
    ({ logger: this.logger, where: this.where } = options);
    // An unhandled ioredis `error` event would crash the process: always listen.
    this.client.on('error', (error: Error) => {
      this.lastError = error;
      this.logger.debug(`Redis at ${this.where}: ${error.message}`);
    });
    this.client.on('close', () => this.lost(this.lastError ?? new Error('connection closed')));
    this.client.on('ready', () => this.ready());
  }

  get kind(): string {
    return this.usingRedis ? 'redis' : REDIS_UNAVAILABLE;
  }

  /** Connects, waiting at most `timeoutMs`; on failure the client keeps trying in the background. */
  async start(timeoutMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.client.connect().catch(() => {}), timeout]);
    clearTimeout(timer);
    if (this.recovering) await this.recovering;
    if (!this.usingRedis) this.lost(this.lastError ?? new Error(`not ready after ${timeoutMs} ms`));
  }

  append(conversationId: string, messages: readonly ConversationMessage[]): Promise<void> {
    return this.run((store) => store.append(conversationId, messages));
  }

  recent(conversationId: string, limit?: number): Promise<ConversationMessage[]> {
    return this.run((store) => store.recent(conversationId, limit));
  }

  setPending(conversationId: string, action: PendingAction | undefined): Promise<void> {
    return this.run((store) => store.setPending(conversationId, action));
  }

  pending(conversationId: string): Promise<PendingAction | undefined> {
    return this.run((store) => store.pending(conversationId));
  }

  clear(conversationId: string): Promise<void> {
    return this.run((store) => store.clear(conversationId));
  }

  onStatusChange(listener: (kind: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Quits the client; never hangs on a dead Redis (the connection is then simply dropped). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    await this.recovering;
    if (this.client.status === 'ready') {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)));
      await Promise.race([this.client.quit().catch(() => {}), timeout]);
      clearTimeout(timer);
    }
    this.client.disconnect();
    await this.fallback.close();
  }

  /** Runs on Redis while it is ready, on the fallback when it is not or fails on the way. */
  private async run<T>(operation: (store: ConversationStore) => Promise<T>): Promise<T> {
    if (this.recovering) await this.recovering;
    if (this.usingRedis) {
      try {
        return await operation(this.redis);
      } catch (error) {
        if (!(error instanceof EngineError && error.retryable)) throw error;
        this.lost(error);
      }
    }
    return operation(this.fallback);
  }

  /** Redis is away: serve from memory, warn once per outage, make sure a reconnect follows. */
  private lost(error: Error): void {
    if (this.closed) return;
    // A command timed out on a connection that still looks fine: reconnect to find out.
    if (this.client.status === 'ready') this.client.disconnect(true);
    if (!this.outage) {
      this.outage = true;
      this.logger.warn(
        `Redis at ${this.where} unreachable; keeping conversations in memory until it returns`,
        error.message,
      );
    }
    this.setUsingRedis(false);
  }

  private ready(): void {
    if (this.closed) return;
    const previous = this.recovering ?? Promise.resolve();
    const recovery = previous
      .then(() => this.recover())
      .catch((error: Error) => this.logger.error(`Redis recovery failed: ${error.message}`));
    this.recovering = recovery;
    void recovery.finally(() => {
      if (this.recovering === recovery) this.recovering = undefined;
    });
  }

  /** Copies what the fallback kept back to Redis, then serves from Redis again. */
  private async recover(): Promise<void> {
    let copied = 0;
    for (const snapshot of this.fallback.snapshot()) {
      try {
        await this.redis.restore(snapshot);
        copied++;
      } catch (error) {
        if (error instanceof EngineError && error.retryable) return; // lost again; retry on `ready`
        this.logger.warn(
          `could not copy a conversation back to Redis: ${(error as Error).message}`,
        );
      }
      await this.fallback.clear(snapshot.conversationId);
    }
    if (this.closed || this.client.status !== 'ready') return;
    if (this.outage) {
      this.logger.info(
        `Redis at ${this.where} is back; conversations are kept in Redis again` +
          (copied > 0 ? ` (${copied} copied from memory)` : ''),
      );
    } else if (!this.everReady) {
      this.logger.info(`conversation context in Redis at ${this.where}`);
    }
    this.outage = false;
    this.everReady = true;
    this.lastError = undefined;
    this.setUsingRedis(true);
  }

  private setUsingRedis(usingRedis: boolean): void {
    if (this.usingRedis === usingRedis) return;
    this.usingRedis = usingRedis;
    for (const listener of [...this.listeners]) {
      try {
        listener(this.kind);
      } catch (error) {
        this.logger.error(`conversation store status listener failed: ${(error as Error).message}`);
      }
    }
  }
}

/** The URL with its password masked, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'the configured Redis';
  }
}
