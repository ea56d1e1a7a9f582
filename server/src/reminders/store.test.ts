import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { useRedisServer } from '../../../tests/helpers/redis-suite.js';
import { ConfigError } from '../errors.js';
import {
  FileReminderStore,
  RedisReminderStore,
  type ReminderStore,
  type StoredReminder,
} from './store.js';
import { MIN, START, bookHarness, reminderDir } from './test-book.js';

const redis = useRedisServer(Redis);

const reminder = (id: string, extra: Partial<StoredReminder> = {}): StoredReminder => ({
  id,
  text: `remind ${id}`,
  at: START + MIN,
  created_at: START,
  language: 'en',
  heads_up: true,
  heads_up_said: false,
  ...extra,
});

/** Two handles on the same place: what one wrote, the other (a restarted server) reads. */
const kinds: [string, () => { open: () => ReminderStore }][] = [
  [
    'file',
    () => {
      const path = join(reminderDir(), 'reminders.json');
      return { open: () => new FileReminderStore(path) };
    },
  ],
  [
    'redis (real redis-server)',
    () => {
      const prefix = redis.prefix();
      return {
        open: () => new RedisReminderStore(redis.client({ maxRetriesPerRequest: 1 }), prefix),
      };
    },
  ],
];

describe.each(kinds)('%s reminder store', (_kind, place) => {
  it('keeps what was put, forgets what was removed, across a reopen', async () => {
    const where = place();
    const first = where.open();
    expect(await first.load()).toEqual([]);
    await first.put(reminder('a'));
    await first.put(reminder('b'));
    await first.put(reminder('a', { said_at: START + MIN }));
    await first.remove('b');
    await first.remove('never');
    expect(await where.open().load()).toEqual([reminder('a', { said_at: START + MIN })]);
  });

  it('a restarted book says what fell due while it was down', async () => {
    const where = place();
    const before = bookHarness(where.open());
    await before.book.add({ text: 'call mom', at: START + 10 * MIN, language: 'en' });
    const after = bookHarness(where.open(), START + 30 * MIN);
    expect(await after.book.start()).toEqual({ pending: 0, late: 1, missed: 0 });
    await after.speech.idle();
    expect(after.said.map((s) => s.text)).toEqual(['Reminder: call mom.']);
  });
});

describe('reminder stores with bad content', () => {
  it('a corrupt file names itself', async () => {
    const path = join(reminderDir(), 'reminders.json');
    writeFileSync(path, '{"reminders": [{"id": 1}]}');
    await expect(new FileReminderStore(path).load()).rejects.toThrow(ConfigError);
  });

  it('a corrupt Redis field is skipped', async () => {
    const client = redis.client({ maxRetriesPerRequest: 1 });
    const store = new RedisReminderStore(client, 'corrupt:');
    await store.put(reminder('good'));
    await client.hset('corrupt:reminders', 'bad', '{not json', 'worse', '{"id":"x"}');
    expect(await store.load()).toEqual([reminder('good')]);
  });
});
