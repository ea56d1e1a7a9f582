import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { runConversationStoreContract } from './contract.js';
import { InProcessConversationStore } from './in-process-store.js';

// The contract with an injected clock: TTLs pass at once, exactly. (The resilient store's
// contract run covers this store on the real clock, as its fallback.)
let clock = 1_700_000_000_000;
runConversationStoreContract('in-process (injected clock)', {
  create: async (options) => new InProcessConversationStore({ ...options, now: () => clock }),
  elapse: async (ms) => {
    clock += ms;
  },
});

describe('InProcessConversationStore', () => {
  const stores: InProcessConversationStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  const make = (options: ConstructorParameters<typeof InProcessConversationStore>[0]) => {
    const store = new InProcessConversationStore(options);
    stores.push(store);
    return store;
  };

  it('is of kind memory', () => {
    expect(make({}).kind).toBe('memory');
  });

  it('sweeps expired conversations it is never asked about again', async () => {
    let now = 0;
    const store = make({ ttlMs: 1_000, now: () => now, sweepIntervalMs: 20 });
    await store.append('kitchen', [{ role: 'user', content: 'hello', at: 0 }]);
    await store.setPending('kitchen', { tool: 't', arguments: {}, question: 'q', at: 0 });
    await store.append('hall', [{ role: 'user', content: 'later', at: 0 }]);
    expect(store.snapshot().map((s) => s.conversationId)).toEqual(['kitchen', 'hall']);
    now = 1_000;
    await new Promise((resolve) => setTimeout(resolve, 200)); // a few sweeps
    now = 0; // were they only hidden, they would be visible again
    expect(store.snapshot()).toEqual([]);
    expect(await store.recent('kitchen')).toEqual([]);
  });

  it('keeps its own copies: callers cannot change what is stored', async () => {
    const store = make({});
    const message = { role: 'user' as const, content: 'original', at: 1 };
    await store.append('c', [message]);
    (message as { content: string }).content = 'changed';
    const [read] = await store.recent('c');
    (read as { content: string }).content = 'changed too';
    expect(await store.recent('c')).toEqual([{ role: 'user', content: 'original', at: 1 }]);
  });

  it('keeps at most maxConversations, forgetting the least recently used', async () => {
    const store = make({ maxConversations: 3 });
    const say = (id: string) => store.append(id, [{ role: 'user', content: id, at: 1 }]);
    for (const id of ['a', 'b', 'c']) await say(id);
    await say('a'); // used again: now the most recent
    await store.setPending('b', { tool: 't', arguments: {}, question: 'q', at: 1 });
    for (let i = 0; i < 300; i++) await say(`invented-${i}`);
    expect(store.snapshot()).toHaveLength(3);
    expect(await store.recent('a')).toEqual([]);
    expect(await store.pending('b')).toBeUndefined();
    expect((await store.recent('invented-299'))[0]?.content).toBe('invented-299');
  });

  it('rejects a TTL or a message count that is not a positive whole number', () => {
    expect(() => make({ ttlMs: 0 })).toThrow(ConfigError);
    expect(() => make({ ttlMs: 1.5 })).toThrow(/ttlMs/);
    expect(() => make({ maxMessages: -1 })).toThrow(/maxMessages/);
  });
});
