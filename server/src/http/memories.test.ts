// `/api/memories` on a real LanceDB store in a temp dir, through the HTTP API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../event-bus.js';
import { HashedEmbedder } from '../memory/hashed-embedder.js';
import { type LanceMemory, openLanceMemory } from '../memory/lance-memory.js';
import { Metrics } from '../metrics.js';
import { apiTestParts } from './api-test-parts.js';
import { HttpApi } from './server.js';

const TOKEN = 'memories-test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'jarvis-http-memories-'));
const apis: HttpApi[] = [];
let memory: LanceMemory;
let base = '';
let bare = '';

async function start(withMemory: boolean): Promise<string> {
  const { home, recognizer, registry, fleet } = await apiTestParts(dir);
  const api = new HttpApi({
    ...{ host: '127.0.0.1', port: 0, token: TOKEN, registry, fleet, home, recognizer },
    ...{ metrics: new Metrics(), bus: new EventBus(), language: 'en' },
    memory: withMemory ? memory : undefined,
  });
  apis.push(api);
  return `http://127.0.0.1:${await api.start()}`;
}

beforeAll(async () => {
  memory = await openLanceMemory({ dir: join(dir, 'memory'), embedder: new HashedEmbedder() });
  base = await start(true);
  bare = await start(false);
});

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop()));
  await memory.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(path: string, method = 'GET', body?: unknown, root = base) {
  const response = await fetch(`${root}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('/api/memories', () => {
  it('adds, updates by subject, lists, searches, gets and deletes', async () => {
    const cat = await call('/api/memories', 'POST', { text: 'Felix is black' });
    expect(cat.status).toBe(201);
    expect(cat.body.action).toBe('added');
    const light = await call('/api/memories', 'POST', {
      text: 'I like warm light in the evening',
      kind: 'preference',
      importance: 0.8,
    });
    expect(light.status).toBe(201);
    const grey = await call('/api/memories', 'POST', { text: 'Felix is actually grey' });
    expect(grey.status).toBe(200);
    expect(grey.body).toMatchObject({ action: 'updated', previous: 'Felix is black' });
    expect(grey.body.memory.id).toBe(cat.body.memory.id);

    const listed = await call('/api/memories');
    expect(listed.body.total).toBe(2);
    expect(listed.body.memories.map((m: { text: string }) => m.text)).toEqual([
      'Felix is actually grey',
      'I like warm light in the evening',
    ]);
    const page = await call('/api/memories?limit=1&offset=1');
    expect(page.body.memories).toHaveLength(1);
    expect((await call('/api/memories?kind=preference')).body.total).toBe(1);

    const found = await call(`/api/memories?q=${encodeURIComponent('what colour is felix')}`);
    expect(found.body.memories[0].text).toBe('Felix is actually grey');
    expect(found.body.memories[0].score).toBeGreaterThan(0);

    const id = light.body.memory.id as string;
    expect((await call(`/api/memories/${id}`)).body.text).toBe('I like warm light in the evening');
    expect((await call(`/api/memories/${id}`, 'DELETE')).status).toBe(204);
    expect((await call(`/api/memories/${id}`)).status).toBe(404);
    expect((await call(`/api/memories/${id}`, 'DELETE')).status).toBe(404);

    const forgotten = await call(`/api/memories?q=${encodeURIComponent('Felix')}`, 'DELETE');
    expect(forgotten.body.forgotten.map((m: { text: string }) => m.text)).toEqual([
      'Felix is actually grey',
    ]);
    expect((await call('/api/memories')).body.total).toBe(0);
  });

  it('refuses bad input with a problem naming the field', async () => {
    const cases: [string, string, unknown, RegExp][] = [
      ['/api/memories', 'POST', {}, /text: expected a non-empty string/],
      ['/api/memories', 'POST', { text: 'x', kind: 'gossip' }, /kind: expected one of fact/],
      ['/api/memories', 'POST', { text: 'x', importance: 2 }, /importance: expected a number/],
      ['/api/memories', 'POST', { text: 'x', subject: 3 }, /subject: expected a non-empty string/],
      ['/api/memories?limit=-1', 'GET', undefined, /limit: expected a whole number/],
      ['/api/memories?kind=gossip', 'GET', undefined, /kind: expected one of/],
      ['/api/memories', 'DELETE', undefined, /DELETE \/api\/memories\/<id>/],
      ['/api/memories', 'PUT', undefined, /PUT/],
    ];
    for (const [path, method, body, detail] of cases) {
      const response = await call(path, method, body);
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(response.body.detail).toMatch(detail);
    }
    const unauthorised = await fetch(`${base}/api/memories`);
    expect(unauthorised.status).toBe(401);
  });

  it.each([
    ['/api/memories?limit=0', /limit: expected a whole number from 1/],
    ['/api/memories?limit=', /limit: expected a whole number from 1/],
    ['/api/memories?limit=1e2', /limit: expected a whole number/],
    ['/api/memories/%E0%A4%A', /not a valid URL escape/],
    ['/api/memories/abc%00def', /printable characters/],
    [`/api/memories/${'x'.repeat(300)}`, /at most 200/],
  ])('GET %s is a 400 problem, not a 500', async (path, detail) => {
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(detail);
  });

  it('answers an unknown method with 405 and the methods it allows', async () => {
    const collection = await fetch(`${base}/api/memories`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(collection.status).toBe(405);
    expect(collection.headers.get('allow')).toBe('GET, POST, DELETE');
    const one = await fetch(`${base}/api/memories/some-id`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(one.status).toBe(405);
    expect(one.headers.get('allow')).toBe('GET, PUT, DELETE');
  });

  it('rewrites a memory with PUT: the new statement kept with its kind and area, the old forgotten', async () => {
    const first = await call('/api/memories', 'POST', {
      text: 'The wifi router is in the hall',
      kind: 'house',
      area: 'hall',
    });
    const id = first.body.memory.id as string;
    const same = await call(`/api/memories/${id}`, 'PUT', {
      text: 'The wifi router is in the hall',
    });
    expect(same.body).toMatchObject({ action: 'unchanged', replaced: null, memory: { id } });
    const edited = await call(`/api/memories/${id}`, 'PUT', {
      text: 'The wifi router is in the office',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.memory).toMatchObject({
      text: 'The wifi router is in the office',
      kind: 'house',
      area: 'hall',
    });
    const listed = await call('/api/memories');
    expect(listed.body.memories.map((m: { text: string }) => m.text)).toEqual([
      'The wifi router is in the office',
    ]);
    expect((await call(`/api/memories/${id}`, 'PUT', {})).body.detail).toMatch(/text: expected/);
    expect((await call('/api/memories/no-such-id', 'PUT', { text: 'x' })).status).toBe(404);
    await call(`/api/memories/${edited.body.memory.id}`, 'DELETE');
  });

  it('says so when memory is off', async () => {
    const response = await call('/api/memories', 'GET', undefined, bare);
    expect(response.status).toBe(503);
    expect(response.body.title).toBe('Memory unavailable');
  });
});
