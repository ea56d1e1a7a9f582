import { join } from 'node:path';
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SileroVad, VadStream } from '@jarvis/satellite/engines';
import { PhraseEngine } from '../engines/stt/phrase-engine.js';
import { EspeakTts } from '../engines/tts/espeak-tts.js';
import { EventBus } from '../event-bus.js';
import { DemoHome } from '../home/demo-home.js';
import { createIntentRecognizer } from '../intents/index.js';
import { Metrics } from '../metrics.js';
import { WakeArbiter } from '../satellites/arbiter.js';
import { AdoptionStore } from '../satellites/adoption-store.js';
import { SatelliteFleet } from '../satellites/fleet.js';
import { SatelliteRegistry } from '../satellites/registry.js';
import { HttpApi } from './server.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const TOKEN = 'http-test-token-0123456789';
let api: HttpApi;
let fleet: SatelliteFleet;
let base = '';
const home = new DemoHome();
const bus = new EventBus();
const metrics = new Metrics();

beforeAll(async () => {
  const recognizer = createIntentRecognizer();
  const engines = { stt: new PhraseEngine(), tts: new EspeakTts(), recognizer, home };
  const registry = new SatelliteRegistry({
    engines,
    arbiter: new WakeArbiter({ windowMs: 300, rivals: () => 0 }),
    language: 'en',
    createVad: async () => new VadStream({ detector: await SileroVad.load() }),
    createWakeDetector: () => Promise.reject(new Error('not used')),
  });
  fleet = await SatelliteFleet.open({
    registry,
    configured: [],
    store: new AdoptionStore(join(tempDir('jarvis-http-'), 'satellites.json')),
    timing: {
      pingIntervalMs: 5000,
      pingTimeoutMs: 10_000,
      reconnectMinMs: 500,
      reconnectMaxMs: 500,
    },
  });
  api = new HttpApi({
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    registry,
    fleet,
    home,
    recognizer,
    metrics,
    bus,
    language: 'en',
  });
  base = `http://127.0.0.1:${await api.start()}`;
});

afterAll(() => api.stop());

const call = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
  fetch(`${base}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });

describe('the HTTP API', () => {
  it('answers /health without a token with its status only, and the details with it', async () => {
    const bare = await call('/health', {}, null);
    expect(bare.status).toBe(200);
    expect(await bare.json()).toEqual({ status: 'ok' });
    const wrong = await call('/health', {}, 'wrong-token-0123456789abc');
    expect(await wrong.json()).toEqual({ status: 'ok' });
    const detailed = await call('/health');
    expect(await detailed.json()).toEqual({
      status: 'ok',
      satellites: 0,
      home: { kind: 'demo home', connected: true },
    });
  });

  it('answers HEAD /health as GET, without a body and without a token', async () => {
    const response = await call('/health', { method: 'HEAD' }, null);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('');
  });

  it.each([
    ['DELETE', '/health', 'GET, HEAD'],
    ['PUT', '/api/satellites', 'GET'],
    ['GET', '/api/conversation', 'POST'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const response = await call(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a conversation text longer than a spoken request', async () => {
    const response = await call('/api/conversation', {
      method: 'POST',
      body: JSON.stringify({ text: 'turn on the light '.repeat(100) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { detail: string }).detail).toContain('1000 characters');
  });

  it('refuses everything else without the right token, as problem JSON', async () => {
    for (const token of [null, 'wrong-token-0123456789abc', `${TOKEN}x`]) {
      const response = await call('/api/satellites', {}, token);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('says so when no token is configured at all', async () => {
    const recognizer = createIntentRecognizer();
    const open = new HttpApi({
      host: '127.0.0.1',
      port: 0,
      registry: new SatelliteRegistry({} as never),
      fleet,
      home,
      recognizer,
      metrics,
      bus,
      language: 'en',
    });
    const port = await open.start();
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { detail: string }).detail).toContain('http.token');
    await open.stop();
  });

  it('POST /api/conversation runs the local intents and acts on the home', async () => {
    const events: string[] = [];
    const unsubscribe = bus.on((event) => events.push(event.type));
    const response = await call('/api/conversation', {
      method: 'POST',
      body: JSON.stringify({ text: 'turn on the kitchen light' }),
    });
    unsubscribe();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response: string };
    expect(body).toMatchObject({
      intent: 'HassTurnOn',
      language: 'en',
      handled: true,
      conversation_id: 'http',
    });
    expect(body.response).toMatch(/kitchen/i);
    expect(home.entity('light.kitchen')?.state).toBe('on');
    expect(events).toEqual(['turn']);
  });

  it('answers in French, and honestly when nothing matches', async () => {
    const french = await (
      await call('/api/conversation', {
        method: 'POST',
        body: JSON.stringify({ text: 'éteins la lumière de la cuisine' }),
      })
    ).json();
    expect(french).toMatchObject({ intent: 'HassTurnOff', language: 'fr', handled: true });
    const unknown = await (
      await call('/api/conversation', {
        method: 'POST',
        body: JSON.stringify({ text: 'write me a poem about the sea' }),
      })
    ).json();
    expect(unknown).toMatchObject({
      handled: false,
      intent: null,
      response: "I can't do that yet.",
    });
  });

  it.each([
    ['not JSON', '{oops', 400],
    ['no text', '{}', 400],
    ['an unknown satellite', JSON.stringify({ text: 'hello', satellite: 'attic' }), 404],
  ])('POST /api/conversation with %s is a %i problem', async (_what, body, status) => {
    const response = await call('/api/conversation', { method: 'POST', body });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('POST /api/announce with no satellite connected is a 404 problem', async () => {
    const response = await call('/api/announce', {
      method: 'POST',
      body: JSON.stringify({ text: 'Dinner is ready', area: 'Kitchen' }),
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { detail: string }).detail).toContain(
      "no satellite or area 'Kitchen'",
    );
  });

  it('GET /metrics is Prometheus text with the turns counted', async () => {
    const text = await (await call('/metrics')).text();
    expect(text).toMatch(/^# HELP jarvis_turns_total/m);
    expect(text).toMatch(/^jarvis_turns_total\{way="http"\} [1-9]/m);
    expect(text).toMatch(/^jarvis_satellites 0$/m);
  });

  it('GET /api/events streams server events as they happen', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    const read = async () => {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    };
    await read();
    expect(text).toContain('event: hello');
    bus.emit({ type: 'phase', satellite: 'kitchen', phase: 'listening' });
    while (!text.includes('event: phase')) await read();
    expect(text).toContain('"phase":"listening"');
    controller.abort();
  });

  it('drops an /api/events reader that stops reading, and keeps answering others', async () => {
    const own = new EventBus();
    const api = new HttpApi({
      ...{ host: '127.0.0.1', port: 0, token: TOKEN, home, metrics, bus: own, language: 'en' },
      ...{
        registry: new SatelliteRegistry({} as never),
        recognizer: createIntentRecognizer(),
        fleet,
      },
    });
    const port = await api.start();
    try {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      await once(socket, 'connect');
      socket.write(`GET /api/events HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${TOKEN}\r\n\r\n`);
      socket.pause(); // a stalled dashboard: never reads what it asked for
      while (own.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      const response = 'the lights are on. '.repeat(3000); // ~57 KB an event
      let emitted = 0;
      while (own.size > 0) {
        own.emit({ type: 'turn', satellite: 'kitchen', response, failed: false, timings: {} });
        emitted++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (emitted % 20 === 0) {
          const health = await fetch(`http://127.0.0.1:${port}/health`);
          expect(health.status).toBe(200);
        }
      }
      // Dropped after some unread megabytes at most, not after everything emitted piled up.
      expect(emitted * response.length).toBeLessThan(64 * 1024 * 1024);
      socket.destroy();
    } finally {
      await api.stop();
    }
  });

  it('unknown routes are 404 problems', async () => {
    expect((await call('/api/nothing')).status).toBe(404);
  });
});
