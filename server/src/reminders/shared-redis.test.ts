// Two servers on one real Redis, on one manual clock: a reminder set on one is seen by the other
// (the change feed), each firing (heads-up, reminder, repeat) is said by exactly one of them (the
// claim), whichever it is, and one cancelled on either is gone from both.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { useRedisServer } from '../../../tests/helpers/redis-suite.js';
import { redisClaim } from '../speech/claim.js';
import { ManualClock } from '../speech/clock.js';
import { RedisReminderStore } from './store.js';
import { type BookHarness, MIN, START, bookHarness } from './test-book.js';

const redis = useRedisServer(Redis);
// The change feeds stop before their clients close (after-hooks run last registered first).
const stops: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** Waits (without a time limit of its own: the test's applies) until `test` holds. */
async function eventually(what: string, test: () => boolean): Promise<void> {
  for (let tries = 0; !test(); tries++) {
    if (tries > 500) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function twoServers() {
  const prefix = redis.prefix();
  const clock = new ManualClock(START);
  const server = async (name: string, satellites: string[]) => {
    const client = redis.client();
    const store = new RedisReminderStore(client, prefix);
    const claim = redisClaim(client, { owner: name, keyPrefix: prefix });
    const run = bookHarness(store, START, satellites, { clock, claim, idPrefix: name });
    const unwatch = await store.watch(() => void run.book.reload());
    stops.push(unwatch);
    await run.book.start();
    return run;
  };
  const a = await server('a', ['kitchen']);
  const b = await server('b', ['bedroom']);
  const advance = async (ms: number) => {
    for (let left = ms; left > 0; left -= MIN) {
      clock.advance(MIN);
      await Promise.all([a.speech.idle(), b.speech.idle()]);
    }
  };
  const said = () => [...a.said, ...b.said].map((s) => s.text);
  return { a, b, advance, said };
}

const state = (run: BookHarness) =>
  run.book.all().map(({ heads_up_said, said_at }) => ({
    heads_up_said,
    said: said_at !== undefined,
  }));

describe('two servers on one Redis', () => {
  it('see each other’s reminders, and say each firing once between them', async () => {
    const { a, b, advance, said } = await twoServers();
    await a.book.add({
      text: 'walk the dog',
      at: START + 30 * MIN,
      language: 'en',
      satellite: 'kitchen',
    });
    await eventually('b sees the reminder set on a', () => b.book.list().length === 1);
    expect(b.book.list()).toEqual(a.book.list());

    await advance(25 * MIN);
    expect(said()).toEqual(['Heads up: in 5 minutes, walk the dog.']);
    const headsUpSaid = [{ heads_up_said: true, said: false }];
    await eventually('both know the heads-up was said', () =>
      [a, b].every((run) => JSON.stringify(state(run)) === JSON.stringify(headsUpSaid)),
    );

    await advance(5 * MIN);
    expect(said().slice(1)).toEqual(['Reminder: walk the dog.']);
    await eventually('both know the reminder was said', () =>
      [a, b].every((run) => state(run)[0]?.said === true),
    );

    await advance(3 * MIN);
    expect(said().slice(2)).toEqual(['Reminder, again: walk the dog.']);
    await eventually('gone from both once repeated', () =>
      [a, b].every((run) => run.book.list().length === 0),
    );
    await advance(30 * MIN);
    expect(said()).toHaveLength(3);
  });

  it('one cancelled on either server is gone from both, and said by neither', async () => {
    const { a, b, advance, said } = await twoServers();
    const set = await b.book.add({ text: 'call mom', at: START + 10 * MIN, language: 'en' });
    await eventually('a sees it', () => a.book.list().length === 1);
    expect(await a.book.cancel(set.id)).toBe(true);
    await eventually('b no longer has it', () => b.book.list().length === 0);
    await advance(20 * MIN);
    expect(said()).toEqual([]);
  });
});
