// `/api/reminders` through the HTTP API, on the real reminder book (a JSON file in a temp dir)
// and the server's real clock: only creating, listing and deleting, nothing falls due here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../event-bus.js';
import { Metrics } from '../metrics.js';
import { bookHarness, reminderDir } from '../reminders/test-book.js';
import { apiTestParts } from './api-test-parts.js';
import { HttpApi } from './server.js';

const TOKEN = 'reminders-test-token-0123456789';
const apis: HttpApi[] = [];
let base = '';
let bare = '';
const harness = bookHarness(undefined, Date.now());

async function start(withReminders: boolean): Promise<string> {
  const { home, recognizer, registry, fleet } = await apiTestParts(reminderDir());
  const api = new HttpApi({
    ...{ host: '127.0.0.1', port: 0, token: TOKEN, registry, fleet, home, recognizer },
    ...{ metrics: new Metrics(), bus: new EventBus(), language: 'fr' },
    reminders: withReminders ? harness.book : undefined,
  });
  apis.push(api);
  return `http://127.0.0.1:${await api.start()}`;
}

beforeAll(async () => {
  base = await start(true);
  bare = await start(false);
});

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop()));
});

async function call(path: string, method = 'GET', body?: unknown, root = base, token = TOKEN) {
  const response = await fetch(`${root}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('/api/reminders', () => {
  it('creates, lists soonest first and deletes', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const dog = await call('/api/reminders', 'POST', { text: ' sortir le chien ', at: later });
    expect(dog.status).toBe(201);
    expect(dog.body).toMatchObject({
      text: 'sortir le chien',
      at: later,
      language: 'fr',
      heads_up: true,
      said: false,
      missed: false,
      satellite: null,
    });
    const soon = await call('/api/reminders', 'POST', {
      text: 'call mom',
      in_seconds: 600,
      language: 'en',
      heads_up: false,
    });
    expect(soon.status).toBe(201);
    const listed = await call('/api/reminders');
    expect(listed.body.map((r: { text: string }) => r.text)).toEqual([
      'call mom',
      'sortir le chien',
    ]);
    expect((await call(`/api/reminders/${dog.body.id}`, 'DELETE')).status).toBe(204);
    expect((await call(`/api/reminders/${dog.body.id}`, 'DELETE')).status).toBe(404);
    expect((await call('/api/reminders')).body.map((r: { text: string }) => r.text)).toEqual([
      'call mom',
    ]);
  });

  it.each([
    ['nothing to remind', { at: '2099-01-01T10:00:00Z' }, 400],
    ['no time', { text: 'x' }, 400],
    ['a time in the past', { text: 'x', at: '2020-01-01T10:00:00Z' }, 400],
    ['not a date', { text: 'x', at: 'tomorrow' }, 400],
    ['a satellite nobody knows', { text: 'x', in_seconds: 60, satellite: 'attic' }, 404],
    ['heads_up not a boolean', { text: 'x', in_seconds: 60, heads_up: 'no' }, 400],
  ])('refuses %s', async (_name, body, status) => {
    const before = harness.book.all().length;
    expect((await call('/api/reminders', 'POST', body)).status).toBe(status);
    expect(harness.book.all()).toHaveLength(before);
  });

  it('needs the token, and says when reminders are unavailable', async () => {
    expect((await call('/api/reminders', 'GET', undefined, base, 'wrong-token')).status).toBe(401);
    expect((await call('/api/reminders', 'GET', undefined, bare)).status).toBe(503);
    expect((await call('/api/reminders', 'PUT')).status).toBe(405);
  });
});
