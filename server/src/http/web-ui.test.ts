// What the web UI reads besides the routes tested elsewhere: its page and script, the recent
// turns' latency, what a sentence did, and mute, through the real HTTP API with a satellite
// connecting in to a real Wyoming endpoint on port 0.
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Info } from 'wyoming-ts';
import { WyomingConnection, type WyomingServer } from 'wyoming-ts/node';
import { EventBus } from '../event-bus.js';
import { Metrics } from '../metrics.js';
import { SatelliteControls } from '../satellites/controls.js';
import type { SatelliteFleet } from '../satellites/fleet.js';
import { createWyomingEndpoint } from '../wyoming/endpoint.js';
import { apiCaller, apiTestParts } from './api-test-parts.js';
import { RecentTurns } from './recent-turns.js';
import { HttpApi } from './server.js';
import { basePath } from './web-ui.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const TOKEN = 'web-ui-test-token-0123456789';
const dir = tempDir('jarvis-web-ui-');
const script = join(dir, 'jarvis-web-ui.js');
const bus = new EventBus();
const turns = new RecentTurns({ bus, limit: 3 });
const apis: HttpApi[] = [];
let fleet: SatelliteFleet;
let endpoint: WyomingServer;
let base = '';
let unbuilt = '';
const connections: WyomingConnection[] = [];

beforeAll(async () => {
  writeFileSync(script, 'customElements.define("jarvis-web-ui", class extends HTMLElement {});\n');
  const controls = new SatelliteControls({ bus });
  const parts = await apiTestParts(dir, [], controls);
  fleet = parts.fleet;
  endpoint = createWyomingEndpoint({ uri: 'tcp://127.0.0.1:0', fleet, services: {} as never });
  await endpoint.start();
  const start = async (webUiFile: string) => {
    const api = new HttpApi({
      ...{ host: '127.0.0.1', port: 0, token: TOKEN, ...parts, controls, turns, webUiFile },
      ...{ metrics: new Metrics(), bus, language: 'en' },
    });
    apis.push(api);
    return `http://127.0.0.1:${await api.start()}`;
  };
  base = await start(script);
  unbuilt = await start(join(dir, 'missing.js'));
});

afterAll(async () => {
  for (const connection of connections) await connection.close();
  turns.stop();
  await fleet.stop();
  await endpoint.stop();
  await Promise.all(apis.map((api) => api.stop()));
});

const call = apiCaller(() => base, TOKEN);

describe('the web UI page and script', () => {
  it('serves the page with relative URLs and the script without the token', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<base href="/">');
    expect(html).toContain('<script type="module" src="ui/jarvis-web-ui.js">');
    expect(html).not.toMatch(/(src|href)="\/(?!")/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const code = await fetch(`${base}/ui/jarvis-web-ui.js`);
    expect(code.status).toBe(200);
    expect(code.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await code.text()).toContain('jarvis-web-ui');
    expect((await fetch(`${base}/ui/other.js`)).status).toBe(401);
  });

  it('says how to build the script when it is missing', async () => {
    const missing = await fetch(`${unbuilt}/ui/jarvis-web-ui.js`);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('npm run build -w ui');
  });

  it('takes the ingress path as its base, and / for anything odd', () => {
    expect(basePath('/api/hassio_ingress/abc')).toBe('/api/hassio_ingress/abc/');
    expect(basePath('/api/hassio_ingress/abc/')).toBe('/api/hassio_ingress/abc/');
    expect(basePath(undefined)).toBe('/');
    expect(basePath('/x"><script>')).toBe('/');
    expect(basePath('/a/../b')).toBe('/');
  });
});

describe('/api/turns and /api/conversation for the web UI', () => {
  it('says what a sentence did, and keeps the last turns with what they waited', async () => {
    expect((await call('GET', '/api/turns')).body).toEqual({
      target_ms: 500,
      stats: { turns: 0, errors: 0, average: null, p95: null },
      turns: [],
    });
    const did = await call('POST', '/api/conversation', { text: 'turn on the kitchen light' });
    expect(did.body).toMatchObject({
      intent: 'HassTurnOn',
      handled_by: 'intent',
      calls: [{ domain: 'light', service: 'turn_on', target: { entity_id: ['light.kitchen'] } }],
    });
    for (const text of [
      'turn off the kitchen light',
      'what is a poem',
      'turn on the kitchen light',
    ])
      await call('POST', '/api/conversation', { text });
    const { body } = await call('GET', '/api/turns');
    const kept = body.turns as Array<Record<string, unknown>>;
    expect(kept).toHaveLength(3);
    expect(kept.map((turn) => turn.intent)).toEqual(['HassTurnOff', null, 'HassTurnOn']);
    for (const turn of kept) {
      expect(turn.waited_ms).toEqual(expect.any(Number));
      expect(Object.keys(turn)).not.toContain('transcript');
    }
    expect(body.stats).toMatchObject({ turns: 4, average: expect.any(Number) });
    expect((await call('POST', '/api/turns')).status).toBe(405);
  });
});

describe('POST /api/satellites/<id>/mute', () => {
  it('pauses a connected satellite, lists it muted, and runs it again', async () => {
    const socket = connect({ host: '127.0.0.1', port: Number(endpoint.uri.split(':').at(-1)) });
    await once(socket, 'connect');
    const satellite = new WyomingConnection(socket);
    connections.push(satellite);
    await satellite.write(
      new Info({
        satellite: { name: 'den', attribution: { name: 't', url: '' }, installed: true },
      }),
    );
    const next = async (type: string) => {
      for (;;) if ((await satellite.readEvent())?.type === type) return;
    };
    await next('run-satellite');
    const muted = await call('POST', '/api/satellites/den/mute', { muted: true });
    expect(muted).toMatchObject({ status: 200, body: { name: 'den', muted: true } });
    await next('pause-satellite');
    expect((await call('GET', '/api/satellites')).body).toContainEqual(
      expect.objectContaining({ name: 'den', status: 'connected', muted: true }),
    );
    await call('POST', '/api/satellites/den/mute', { muted: false });
    await next('run-satellite');
  });

  it('refuses a bad body, an unknown satellite and one that is only discovered', async () => {
    fleet.found('tcp://127.0.0.1:9', { name: 'attic' } as never);
    const cases: Array<[string, unknown, number, RegExp]> = [
      ['den', { muted: 'yes' }, 400, /muted: expected true or false/],
      ['cellar', { muted: true }, 404, /no satellite "cellar"/],
      ['attic', { muted: true }, 409, /not driven/],
    ];
    for (const [name, body, status, detail] of cases) {
      const reply = await call('POST', `/api/satellites/${name}/mute`, body);
      expect(reply.status, name).toBe(status);
      expect(String(reply.body.detail)).toMatch(detail);
    }
    expect((await call('GET', '/api/satellites/den/mute')).status).toBe(405);
  });
});
