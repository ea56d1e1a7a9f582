// `/api/modes` through the real HTTP API: behind the token, set and listed, refused when wrong,
// and a mode set here is what `POST /api/conversation` is then gated by.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../event-bus.js';
import { Metrics } from '../metrics.js';
import { withModes } from '../modes/mode-recognizer.js';
import { ModeStore } from '../modes/mode-store.js';
import { systemClock } from '../speech/clock.js';
import { apiTestParts } from './api-test-parts.js';
import { HttpApi } from './server.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const TOKEN = 'modes-test-token-0123456789';
let api: HttpApi;
let modes: ModeStore;
let base = '';

beforeAll(async () => {
  const dir = tempDir('jarvis-modes-api-');
  const { home, registry, fleet, recognizer: plain } = await apiTestParts(dir);
  modes = new ModeStore({ clock: systemClock, file: join(dir, 'modes.json') });
  const recognizer = withModes(plain, { store: modes, clock: systemClock, language: 'en' });
  api = new HttpApi({
    ...{ host: '127.0.0.1', port: 0, token: TOKEN, registry, fleet, home, recognizer, modes },
    ...{ metrics: new Metrics(), bus: new EventBus(), language: 'en' },
  });
  base = `http://127.0.0.1:${await api.start()}`;
});

afterAll(async () => {
  await modes.stop();
  await api.stop();
});

async function call(method: string, path: string, body?: unknown, token = TOKEN) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/api/modes', () => {
  it('needs the token', async () => {
    expect((await call('GET', '/api/modes', undefined, 'wrong-token-0123456789')).status).toBe(401);
  });

  it('sets the house mode until a time, and a satellite its own', async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const house = await call('POST', '/api/modes', { mode: 'night', until });
    expect(house).toEqual({ status: 200, body: { scope: 'house', mode: 'night', until } });
    const office = await call('POST', '/api/modes', {
      mode: 'do not disturb',
      satellite: 'office',
    });
    expect(office.body).toEqual({ scope: 'office', mode: 'dnd', until: null });
    const listed = await call('GET', '/api/modes');
    expect(listed.body).toMatchObject({
      house: { mode: 'night', until },
      satellites: { office: { mode: 'dnd', until: null } },
    });
    const cleared = await call('DELETE', '/api/modes/office');
    expect(cleared.body).toEqual({ satellite: 'office', mode: 'night', until });
  });

  it('gates what is asked as the mode says', async () => {
    await call('POST', '/api/modes', { mode: 'night' });
    const refused = await call('POST', '/api/conversation', { text: 'what time is it' });
    expect(refused.body).toMatchObject({ response: 'Not at night.', intent: 'JarvisModeRefused' });
    const back = await call('POST', '/api/conversation', { text: 'back to normal' });
    expect(back.body).toMatchObject({ response: 'Back to normal.', intent: 'JarvisSetMode' });
    expect(modes.modeOf()).toBe('normal');
    const time = await call('POST', '/api/conversation', { text: 'what time is it' });
    expect(time.body.intent).toBe('HassGetCurrentTime');
  });

  for (const [body, problem] of [
    [{ mode: 'loud' }, /mode: expected one of normal, silent, night, dnd/],
    [{ mode: 'night', until: 'tonight' }, /until: expected an ISO 8601 time/],
    [{ mode: 'night', until: '2001-01-01T00:00:00Z' }, /until: the time has passed/],
    [{ mode: 'night', satellite: 'a/b' }, /satellite: expected a satellite id/],
  ] as const) {
    it(`refuses ${JSON.stringify(body)}`, async () => {
      const answer = await call('POST', '/api/modes', body);
      expect(answer.status).toBe(400);
      expect(String(answer.body.detail)).toMatch(problem);
    });
  }

  it('answers 405 for another method', async () => {
    expect((await call('PUT', '/api/modes', {})).status).toBe(405);
  });
});
