// The contract every ConversationStore keeps, as a shared vitest suite: each implementation's
// test file calls `runConversationStoreContract` with a way to build a store and a way to let
// time pass for it (a real wait for Redis, an injected clock for the in-process store).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ConversationMessage,
  ConversationStore,
  ConversationStoreOptions,
  PendingAction,
} from './store.js';

export interface ConversationStoreContractSetup {
  create(options: ConversationStoreOptions): Promise<ConversationStore>;
  /** Lets `ms` pass for the store's TTLs: a real wait, or an injected clock moved on. */
  elapse(ms: number): Promise<void>;
}

/** Polls until `check` holds, letting time pass through `elapse`; false after `maxMs`. */
async function eventually(
  setup: ConversationStoreContractSetup,
  check: () => Promise<boolean>,
  maxMs = 15_000,
): Promise<boolean> {
  for (let waited = 0; waited <= maxMs; waited += 100) {
    if (await check()) return true;
    await setup.elapse(100);
  }
  return false;
}

const user = (content: string, at = 1_700_000_000_000): ConversationMessage => ({
  role: 'user',
  content,
  at,
});
const assistant = (content: string, at = 1_700_000_000_500): ConversationMessage => ({
  role: 'assistant',
  content,
  at,
});
const unlock: PendingAction = {
  tool: 'lock.unlock',
  arguments: { entity_id: 'lock.front_door', options: { code: null, times: [1, 2] } },
  question: 'Should I unlock the front door?',
  language: 'en',
  at: 1_700_000_001_000,
};

export function runConversationStoreContract(
  name: string,
  setup: ConversationStoreContractSetup,
): void {
  describe(`ConversationStore contract: ${name}`, () => {
    const stores: ConversationStore[] = [];
    const make = async (options: ConversationStoreOptions = {}) => {
      const store = await setup.create(options);
      stores.push(store);
      return store;
    };
    const id = () => `satellite-${randomUUID()}`;
    afterEach(async () => {
      await Promise.all(stores.splice(0).map((store) => store.close()));
    });

    it('has a kind', async () => {
      expect((await make()).kind).toMatch(/^(redis|memory)/);
    });

    it('returns the newest messages oldest first, at most `limit`', async () => {
      const store = await make();
      const c = id();
      await store.append(c, [user('one'), assistant('two')]);
      await store.append(c, [user('three')]);
      expect(await store.recent(c)).toEqual([user('one'), assistant('two'), user('three')]);
      expect(await store.recent(c, 2)).toEqual([assistant('two'), user('three')]);
      expect(await store.recent(c, 10)).toHaveLength(3);
      expect(await store.recent(c, 0)).toEqual([]);
    });

    it('keeps at most maxMessages per conversation, dropping the oldest', async () => {
      const store = await make({ maxMessages: 3 });
      const c = id();
      await store.append(c, [user('1'), assistant('2')]);
      await store.append(c, [user('3'), assistant('4'), user('5')]);
      expect((await store.recent(c)).map((m) => m.content)).toEqual(['3', '4', '5']);
      await store.append(c, [assistant('6')]);
      expect((await store.recent(c)).map((m) => m.content)).toEqual(['4', '5', '6']);
    });

    it('keeps conversations apart, even with ids that look alike', async () => {
      const store = await make();
      const kitchen = `kitchen:${randomUUID()}`;
      const others = [`${kitchen}:1`, `${kitchen} `, `${kitchen}:pending`];
      await store.append(kitchen, [user('kitchen')]);
      for (const other of others) await store.append(other, [user(other)]);
      await store.setPending(kitchen, unlock);
      expect(await store.recent(kitchen)).toEqual([user('kitchen')]);
      for (const other of others) {
        expect(await store.recent(other)).toEqual([user(other)]);
        expect(await store.pending(other)).toBeUndefined();
      }
      await store.clear(`${kitchen}:1`);
      expect(await store.recent(kitchen)).toEqual([user('kitchen')]);
      expect(await store.pending(kitchen)).toEqual(unlock);
    });

    it('answers a conversation it never saw with nothing', async () => {
      const store = await make();
      expect(await store.recent(id())).toEqual([]);
      expect(await store.recent(id(), 5)).toEqual([]);
      expect(await store.pending(id())).toBeUndefined();
      await store.clear(id()); // harmless
    });

    it('round-trips French, emoji, quotes and every optional field', async () => {
      const store = await make();
      const c = id();
      const messages: ConversationMessage[] = [
        {
          role: 'user',
          content: 'Allume la lumière du salon à 50 % — « merci » 🙂\n"ok" \\ fin',
          at: 1_700_000_000_123,
          satellite: 'salon',
          language: 'fr',
        },
        { role: 'assistant', content: "C'est fait : 50 %, 2700 K. Ça va ?", at: 1_700_000_000_999 },
      ];
      await store.append(c, messages);
      expect(await store.recent(c)).toEqual(messages);
      const pending = {
        ...unlock,
        question: 'Je déverrouille la porte d’entrée ?',
        language: 'fr',
      };
      await store.setPending(c, pending);
      expect(await store.pending(c)).toEqual(pending);
    });

    it('sets, replaces and clears the pending action', async () => {
      const store = await make();
      const c = id();
      await store.setPending(c, unlock);
      expect(await store.pending(c)).toEqual(unlock);
      const arm = { tool: 'alarm.arm_night', arguments: {}, question: 'Arm the alarm?', at: 2 };
      await store.setPending(c, arm);
      expect(await store.pending(c)).toEqual(arm);
      await store.setPending(c, undefined);
      expect(await store.pending(c)).toBeUndefined();
      expect(await store.recent(c)).toEqual([]);
    });

    it('forgets a conversation on clear, messages and pending action', async () => {
      const store = await make();
      const [c, other] = [id(), id()];
      await store.append(c, [user('secret')]);
      await store.setPending(c, unlock);
      await store.append(other, [user('stays')]);
      await store.clear(c);
      expect(await store.recent(c)).toEqual([]);
      expect(await store.pending(c)).toBeUndefined();
      expect(await store.recent(other)).toEqual([user('stays')]);
      await store.append(c, [user('again')]);
      expect(await store.recent(c)).toEqual([user('again')]);
    });

    it('forgets messages once the TTL has passed', async () => {
      const store = await make({ ttlMs: 1_500 });
      const c = id();
      await store.append(c, [user('soon gone')]);
      expect(await store.recent(c)).toEqual([user('soon gone')]);
      await setup.elapse(1_500);
      expect(await eventually(setup, async () => (await store.recent(c)).length === 0)).toBe(true);
    });

    it('restarts the TTL on append, for the whole conversation', async () => {
      const store = await make({ ttlMs: 3_000 });
      const c = id();
      await store.append(c, [user('first')]);
      await setup.elapse(1_800);
      await store.append(c, [assistant('second')]);
      await setup.elapse(1_800); // 3.6 s after the first append, 1.8 s after the second
      expect(await store.recent(c)).toEqual([user('first'), assistant('second')]);
      expect(await eventually(setup, async () => (await store.recent(c)).length === 0)).toBe(true);
    });

    it('lets the pending action expire with the TTL', async () => {
      const store = await make({ ttlMs: 1_500 });
      const c = id();
      await store.setPending(c, unlock);
      expect(await store.pending(c)).toEqual(unlock);
      await setup.elapse(1_500);
      expect(await eventually(setup, async () => (await store.pending(c)) === undefined)).toBe(
        true,
      );
    });
  });
}
