import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { useRedisServer } from '../../../tests/helpers/redis-suite.js';
import { EngineError } from '../errors.js';
import { runConversationStoreContract } from './contract.js';
import { conversationKeys, RedisConversationStore } from './redis-store.js';
import type { ConversationMessage } from './store.js';

const server = useRedisServer(Redis);
const client = () => server.client({ maxRetriesPerRequest: 1 });

runConversationStoreContract('redis (real redis-server)', {
  create: async (options) => new RedisConversationStore({ ...options, redis: client() }),
  elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

const message = (content: string, at = 1): ConversationMessage => ({ role: 'user', content, at });

describe('RedisConversationStore', () => {
  const stores: RedisConversationStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  const make = (options: Partial<ConstructorParameters<typeof RedisConversationStore>[0]> = {}) => {
    const store = new RedisConversationStore({ redis: client(), ...options });
    stores.push(store);
    return store;
  };

  it('is of kind redis and keeps a conversation in namespaced keys with a TTL', async () => {
    const store = make({ ttlMs: 60_000 });
    expect(store.kind).toBe('redis');
    await store.append('salon', [message('bonjour')]);
    await store.setPending('salon', { tool: 't', arguments: {}, question: 'q', at: 1 });
    const keys = conversationKeys('salon');
    expect(keys.messages.startsWith('jarvis:')).toBe(true);
    const direct = client();
    expect(await direct.type(keys.messages)).toBe('list');
    expect(await direct.lrange(keys.messages, 0, -1)).toEqual([JSON.stringify(message('bonjour'))]);
    for (const key of [keys.messages, keys.pending]) {
      const ttl = await direct.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
    await store.clear('salon');
    expect(await direct.exists(keys.messages, keys.pending)).toBe(0);
  });

  it('shares conversations between instances on one Redis, without losing appends', async () => {
    const [first, second] = [make({ maxMessages: 100 }), make({ maxMessages: 100 })];
    await first.append('cuisine', [message('from the first instance')]);
    expect(await second.recent('cuisine')).toEqual([message('from the first instance')]);
    await second.setPending('cuisine', {
      tool: 'lock.unlock',
      arguments: {},
      question: '?',
      at: 3,
    });
    expect((await first.pending('cuisine'))?.tool).toBe('lock.unlock');
    // Both instances append at the same time: every message lands, each call's pair together.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? first : second).append('hall', [message(`q${i}`), message(`a${i}`)]),
      ),
    );
    const contents = (await second.recent('hall', 100)).map((m) => m.content);
    expect(contents).toHaveLength(40);
    for (let i = 0; i < 20; i++)
      expect(contents.indexOf(`a${i}`)).toBe(contents.indexOf(`q${i}`) + 1);
    await first.clear('cuisine');
    expect(await second.recent('cuisine')).toEqual([]);
    expect(await second.pending('cuisine')).toBeUndefined();
    await second.clear('hall');
  });

  it('keeps stores with different key prefixes apart', async () => {
    const [jarvis, other] = [make(), make({ keyPrefix: 'other-app:' })];
    await jarvis.append('bureau', [message('mine')]);
    expect(await other.recent('bureau')).toEqual([]);
    expect(await client().exists('other-app:conversation:{bureau}:messages')).toBe(0);
    await jarvis.clear('bureau');
  });

  it('skips corrupt entries instead of failing', async () => {
    const store = make();
    const keys = conversationKeys('garage');
    await store.append('garage', [message('good one')]);
    const direct = client();
    await direct.rpush(keys.messages, 'not json', '{"role":"robot","content":"x","at":1}', '[1]');
    await store.append('garage', [message('good two')]);
    expect(await store.recent('garage')).toEqual([message('good one'), message('good two')]);
    await direct.set(keys.pending, '{"tool":"t"', 'PX', 60_000);
    expect(await store.pending('garage')).toBeUndefined();
    await direct.set(keys.pending, '{"tool":"t","arguments":[],"question":"q","at":1}');
    expect(await store.pending('garage')).toBeUndefined();
    await store.clear('garage');
  });

  it('restores a conversation kept elsewhere without repeating what Redis already has', async () => {
    const store = make({ ttlMs: 60_000 });
    const pending = { tool: 'lock.unlock', arguments: {}, question: '?', at: 1 };
    await store.append('grenier', [message('a', 1), message('b', 2)]);
    // b and c were kept in memory; b had reached Redis before the connection was lost.
    const snapshot = { conversationId: 'grenier', messages: [message('b', 2), message('c', 3)] };
    expect(await store.restore({ ...snapshot, pending })).toBe(1);
    expect((await store.recent('grenier')).map((m) => m.content)).toEqual(['a', 'b', 'c']);
    expect(await store.pending('grenier')).toEqual(pending);
    expect(await store.restore(snapshot)).toBe(0); // all there already
    // Not a suffix of the list: everything is added.
    expect(await store.restore({ ...snapshot, messages: [message('a', 1)] })).toBe(1);
    expect((await store.recent('grenier')).map((m) => m.content)).toEqual(['a', 'b', 'c', 'a']);
    expect(await client().pttl(conversationKeys('grenier').messages)).toBeGreaterThan(0);
    expect(await store.restore({ conversationId: 'vide', messages: [] })).toBe(0);
    await store.clear('grenier');
  });

  it('reports a key of the wrong type as a final (not retryable) EngineError', async () => {
    const store = make();
    const direct = client();
    await direct.set(conversationKeys('cave').messages, 'a string, not a list');
    const failure = await store.append('cave', [message('x')]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).retryable).toBe(false);
    await expect(store.recent('cave')).rejects.toThrow(/WRONGTYPE/);
    await store.clear('cave');
  });

  it('reports a lost connection as a retryable EngineError', async () => {
    const redis = new Redis(server.url, { lazyConnect: true, enableOfflineQueue: false });
    const store = new RedisConversationStore({ redis });
    const failure = await store.recent('x').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).retryable).toBe(true);
    redis.disconnect();
  });
});
