// Two servers in this process on one real Redis (`redis.url`), on one manual clock, a real
// satellite process connected to each. A reminder set on one server is listed by the other at
// once (the change feed); at its time exactly one of them says it (the claim), whichever that
// is; cancelled on the other server, it is gone from both.
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { EspeakTts } from '../server/src/engines/tts/espeak-tts.js';
import { ManualClock } from '../server/src/speech/clock.js';
import { inProcessServer, noting } from './helpers/in-process-server.js';
import { type RedisServerProcess, startRedisServer } from './helpers/redis-server.js';
import * as e2e from './helpers/server-e2e.js';
import type { Cleanups } from './helpers/server-e2e.js';
import { tempDir } from './helpers/temp-dir.js';

const MIN = 60_000;
const cleanups: Cleanups = [];
afterEach(() => e2e.runCleanups(cleanups));
let redis: RedisServerProcess;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());

describe('two servers on one Redis', () => {
  it('see the same reminders and say each one once between them', async () => {
    const clock = new ManualClock(Date.now());
    const dir = tempDir('jarvis-shared-sat-');
    const server = async (satellite: string) => {
      const said: string[] = [];
      const tts = noting(new EspeakTts(), said);
      const running = await inProcessServer(cleanups, { clock, tts, redisUrl: redis.url });
      const live = e2e.liveSatellite(satellite, running.app.wyomingUri, dir, cleanups);
      await e2e.listening(running.asServer, live);
      return { ...running, said };
    };
    const a = await server('kitchen');
    const b = await server('bedroom');
    const list = async (on: typeof a) =>
      (await on.api('GET', '/api/reminders')).body as unknown as { id: string; said: boolean }[];

    const at = new Date(clock.now() + 10 * MIN).toISOString();
    const set = await a.api('POST', '/api/reminders', {
      text: 'walk the dog',
      at,
      heads_up: false,
    });
    expect(set.status).toBe(201);
    await e2e.until('the other server lists it', async () => (await list(b)).length === 1);

    clock.advance(10 * MIN);
    await e2e.until('both know it was said', async () =>
      (await Promise.all([list(a), list(b)])).every((all) => all[0]?.said === true),
    );
    expect([...a.said, ...b.said]).toEqual(['Reminder: walk the dog.']);

    const id = (await list(a))[0]!.id;
    expect((await b.api('DELETE', `/api/reminders/${id}`)).status).toBe(204);
    await e2e.until('gone from the server it was set on', async () => (await list(a)).length === 0);
    clock.advance(10 * MIN);
    expect([...a.said, ...b.said]).toHaveLength(1);
  }, 120_000);
});
