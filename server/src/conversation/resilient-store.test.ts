import { Redis } from 'ioredis';
import type { Logger } from 'wyoming-ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOSED_PORT } from '../../../tests/helpers/ports.js';
import { type RedisServerProcess, startRedisServer } from '../../../tests/helpers/redis-server.js';
import { runConversationStoreContract } from './contract.js';
import { conversationKeys } from './redis-store.js';
import {
  createConversationStore,
  type CreateConversationStoreOptions,
  type ObservableConversationStore,
  REDIS_UNAVAILABLE,
  redactUrl,
} from './resilient-store.js';
import type { ConversationMessage } from './store.js';

let shared: RedisServerProcess;
beforeAll(async () => {
  shared = await startRedisServer();
});
afterAll(() => shared?.stop());

runConversationStoreContract('resilient (real redis-server)', {
  create: (options) => createConversationStore({ ...options, url: shared.url }),
  elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

function recordingLogger() {
  const lines: { level: keyof Logger; text: string }[] = [];
  const record =
    (level: keyof Logger) =>
    (message: string, ...details: unknown[]) =>
      lines.push({ level, text: [message, ...details.map(String)].join(' ') });
  const logger: Logger = {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
  const at = (level: keyof Logger) => lines.filter((l) => l.level === level).map((l) => l.text);
  return { logger, lines, at };
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const say = (content: string, at = 1): ConversationMessage => ({ role: 'user', content, at });
const unlock = { tool: 'lock.unlock', arguments: {}, question: 'Unlock?', at: 2 };

describe('createConversationStore', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const open = async (options: CreateConversationStoreOptions) => {
    const store = await createConversationStore(options);
    cleanups.push(() => store.close());
    return store;
  };
  /** Reads a conversation's list straight from Redis, with a client of its own. */
  const direct = async (server: RedisServerProcess, id: string) => {
    const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
    try {
      return (await client.lrange(conversationKeys(id).messages, 0, -1)).map((raw) =>
        JSON.parse(raw),
      );
    } finally {
      client.disconnect();
    }
  };
  const redisServer = async (port?: number) => {
    const server = await startRedisServer({ port });
    cleanups.push(() => server.stop());
    return server;
  };

  it('keeps conversations in process when no Redis URL is given', async () => {
    const store = await open({});
    expect(store.kind).toBe('memory');
    await store.append('salon', [say('bonjour')]);
    expect(await store.recent('salon')).toEqual([say('bonjour')]);
  });

  it('falls back to memory when Redis dies, warns once, and returns to Redis', async () => {
    const server = await redisServer();
    const { logger, lines, at } = recordingLogger();
    const store = await open({ url: server.url, logger });
    const kinds: string[] = [];
    store.onStatusChange((kind) => kinds.push(kind));
    expect(store.kind).toBe('redis');
    expect(at('info').join('\n')).toContain(server.url);
    await store.append('salon', [say('before')]);
    expect(await direct(server, 'salon')).toEqual([say('before')]);

    await server.kill();
    await store.append('salon', [say('during the outage')]);
    await store.setPending('salon', unlock);
    await store.append('cuisine', [say('elsewhere')]);
    expect(store.kind).toBe(REDIS_UNAVAILABLE);
    expect(await store.recent('salon')).toEqual([say('during the outage')]);
    expect(await store.pending('salon')).toEqual(unlock);
    expect(at('warn')).toHaveLength(1);
    expect(at('warn')[0]).toContain(`Redis at ${server.url} unreachable`);

    await server.restart();
    await until(() => store.kind === 'redis', 'the store to return to Redis');
    expect(kinds).toEqual([REDIS_UNAVAILABLE, 'redis']);
    expect(at('info').some((line) => /is back/.test(line))).toBe(true);
    // What was kept in memory during the outage was copied back to Redis...
    expect(await direct(server, 'salon')).toEqual([say('during the outage')]);
    expect(await direct(server, 'cuisine')).toEqual([say('elsewhere')]);
    // ...and new turns land in Redis again.
    await store.append('salon', [say('after')]);
    expect(await direct(server, 'salon')).toEqual([say('during the outage'), say('after')]);
    expect(await store.pending('salon')).toEqual(unlock);
    expect(at('warn')).toHaveLength(1);
    // What users say never reaches the logs above debug level.
    const logged = lines.filter((l) => l.level !== 'debug').map((l) => l.text);
    expect(logged.join('\n')).not.toMatch(/outage|elsewhere|before|after/);
  });

  it('starts without Redis, keeps reconnecting, and moves to Redis once it is up', async () => {
    const server = await redisServer();
    await server.kill(); // down before the store opens; restart() brings it back on its port
    const { logger, at } = recordingLogger();
    const store = await open({ url: server.url, logger, connectTimeoutMs: 500 });
    expect(store.kind).toBe(REDIS_UNAVAILABLE);
    await store.append('bureau', [say('remember me')]);
    expect(await store.recent('bureau')).toEqual([say('remember me')]);
    // A few failed reconnections (each logs why at debug), and still one warning.
    await until(() => at('debug').length >= 3, 'a few failed reconnections');
    expect(at('warn')).toHaveLength(1);

    await server.restart();
    await until(() => store.kind === 'redis', 'the store to reach Redis');
    expect(await direct(server, 'bureau')).toEqual([say('remember me')]);
    await store.append('bureau', [say('and this')]);
    expect(await store.recent('bureau')).toEqual([say('remember me'), say('and this')]);
    expect(at('warn')).toHaveLength(1);
  });

  it('falls back when Redis hangs, and returns when it answers again', async () => {
    const server = await redisServer();
    const { logger, at } = recordingLogger();
    const store = await open({ url: server.url, logger, commandTimeoutMs: 300 });
    await store.append('entrée', [say('before')]);
    server.pause();
    cleanups.push(async () => server.resume());
    await store.append('entrée', [say('while Redis hangs')]);
    expect(store.kind).toBe(REDIS_UNAVAILABLE);
    expect(await store.recent('entrée')).toEqual([say('while Redis hangs')]);
    expect(at('warn')).toHaveLength(1);
    server.resume();
    await until(() => store.kind === 'redis', 'the store to return to Redis');
    // The write that timed out reached Redis when it woke up; copying back did not repeat it.
    expect(await direct(server, 'entrée')).toEqual([say('before'), say('while Redis hangs')]);
  });

  it('closes without hanging when Redis is dead, or was never there', async () => {
    const server = await redisServer();
    const store = await createConversationStore({ url: server.url });
    await server.kill();
    await store.close();
    const never = await createConversationStore({
      url: `redis://127.0.0.1:${CLOSED_PORT}`,
      connectTimeoutMs: 300,
    });
    await never.close();
    await never.close(); // twice is harmless
  });

  it('never lets a listener break the store, and unsubscribes', async () => {
    const server = await redisServer();
    const store: ObservableConversationStore = await open({ url: server.url });
    const seen: string[] = [];
    store.onStatusChange(() => {
      throw new Error('a broken listener');
    });
    const unsubscribe = store.onStatusChange((kind) => seen.push(kind));
    await server.kill();
    await until(() => seen.length === 1, 'the status change');
    unsubscribe();
    await server.restart();
    await until(() => store.kind === 'redis', 'the store to return to Redis');
    expect(seen).toEqual([REDIS_UNAVAILABLE]);
  });

  it('keeps passwords out of logs', () => {
    expect(redactUrl('redis://jarvis:s3cret@redis.local:6379/2')).toBe(
      'redis://jarvis:***@redis.local:6379/2',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
