// `/api/satellites` and adoption through the real HTTP API, with satellites connecting in to a
// real Wyoming endpoint on port 0 (from 127.0.0.1 and 127.0.0.2, two hosts as far as TCP goes).
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Info } from 'wyoming-ts';
import { WyomingConnection, type WyomingServer } from 'wyoming-ts/node';
import { EventBus } from '../event-bus.js';
import { Metrics } from '../metrics.js';
import type { SatelliteFleet } from '../satellites/fleet.js';
import { createWyomingEndpoint } from '../wyoming/endpoint.js';
import { apiCaller, apiTestParts } from './api-test-parts.js';
import { HttpApi } from './server.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const TOKEN = 'satellites-test-token-0123456789';
let api: HttpApi;
let fleet: SatelliteFleet;
let endpoint: WyomingServer;
let base = '';
const connections: WyomingConnection[] = [];

beforeAll(async () => {
  const dir = tempDir('jarvis-fleet-');
  const parts = await apiTestParts(dir, [{ uri: 'tcp://127.0.0.1:1', name: 'garage' }]);
  const { home, recognizer, registry } = parts;
  fleet = parts.fleet;
  endpoint = createWyomingEndpoint({ uri: 'tcp://127.0.0.1:0', fleet, services: {} as never });
  await endpoint.start();
  api = new HttpApi({
    ...{ host: '127.0.0.1', port: 0, token: TOKEN, registry, fleet, home, recognizer },
    ...{ metrics: new Metrics(), bus: new EventBus(), language: 'en' },
  });
  base = `http://127.0.0.1:${await api.start()}`;
});

afterAll(async () => {
  for (const connection of connections) await connection.close();
  await fleet.stop();
  await endpoint.stop();
  await api.stop();
});

const call = apiCaller(() => base, TOKEN);

/** A satellite called `name` connecting in from `localAddress`; resolves once it is driven. */
async function connectIn(
  name: string,
  localAddress: string,
  expected = 'run-satellite',
): Promise<WyomingConnection> {
  const socket = connect({
    host: '127.0.0.1',
    port: Number(endpoint.uri.split(':').at(-1)),
    localAddress,
  });
  await once(socket, 'connect');
  const connection = new WyomingConnection(socket);
  connections.push(connection);
  await connection.write(
    new Info({ satellite: { name, attribution: { name: 'test', url: '' }, installed: true } }),
  );
  expect((await connection.readEvent())?.type).toBe(expected);
  return connection;
}

describe('/api/satellites', () => {
  it('lists configured and discovered satellites; discovered ones are not driven', async () => {
    fleet.found('tcp://127.0.0.1:2', { name: 'porch', area: 'Porch' } as never);
    fleet.found('tcp://127.0.0.1:3', { name: 'Porch' } as never);
    const { body } = await call('GET', '/api/satellites');
    expect(body).toEqual([
      expect.objectContaining({ id: 'tcp://127.0.0.1:1', name: 'garage', status: 'adopted' }),
      expect.objectContaining({ id: 'tcp://127.0.0.1:2', name: 'porch', status: 'discovered' }),
      expect.objectContaining({ id: 'tcp://127.0.0.1:3', name: 'Porch', status: 'discovered' }),
    ]);
    expect(body[0]).toMatchObject({ adopted_via: 'config', state: null });
  });

  it('answers what cannot be adopted or forgotten with a problem naming why', async () => {
    const cases: Array<[string, string, unknown, number, RegExp]> = [
      ['POST', '/api/satellites/attic/adopt', undefined, 404, /no satellite "attic"/],
      ['POST', '/api/satellites/porch/adopt', undefined, 409, /2 satellites are called "porch"/],
      ['DELETE', '/api/satellites/garage', undefined, 409, /satellites: in the config/],
      [
        'DELETE',
        `/api/satellites/${encodeURIComponent('tcp://127.0.0.1:3')}`,
        undefined,
        409,
        /not adopted/,
      ],
      ['POST', '/api/satellites/garage/adopt', { address: 'a b\n' }, 400, /address/],
      ['POST', '/api/satellites/%E0%A4%A/adopt', undefined, 400, /URL escape/],
      ['GET', '/api/satellites/garage', undefined, 405, /GET/],
    ];
    for (const [method, path, body, status, detail] of cases) {
      const response = await call(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(String(response.body.detail)).toMatch(detail);
    }
  });

  it('adopts a discovered satellite by its id; adopting it again changes nothing', async () => {
    const id = encodeURIComponent('tcp://127.0.0.1:3');
    const adopted = await call('POST', `/api/satellites/${id}/adopt`);
    expect(adopted).toMatchObject({ status: 200, body: { status: 'adopted', adopted_via: 'api' } });
    expect(fleet.drives('tcp://127.0.0.1:3')).toBe(true);
    expect((await call('POST', `/api/satellites/${id}/adopt`)).body).toEqual(adopted.body);
    expect((await call('DELETE', `/api/satellites/${id}`)).body).toMatchObject({
      satellite: { status: 'discovered', adopted_via: null },
    });
    expect(fleet.drives('tcp://127.0.0.1:3')).toBe(false);
  });

  it('a connection never takes the name of a satellite the server dials', async () => {
    await connectIn('garage', '127.0.0.1', 'error');
    expect((await call('GET', '/api/satellites')).body).not.toContainEqual(
      expect.objectContaining({ adopted_via: 'connection', name: 'garage' }),
    );
  });

  it('one that connects in is adopted at its address; forgetting it closes it and frees the name', async () => {
    const first = await connectIn('kitchen', '127.0.0.1');
    expect((await call('GET', '/api/satellites')).body).toContainEqual(
      expect.objectContaining({ name: 'kitchen', status: 'connected', address: '127.0.0.1' }),
    );
    expect(await call('DELETE', '/api/satellites/kitchen')).toMatchObject({
      status: 200,
      body: { forgotten: 'kitchen', satellite: null },
    });
    // What the server sent before it let go, then the end of the connection.
    for (;;) if (!(await first.readEvent().catch(() => null))) break;
    await connectIn('kitchen', '127.0.0.2');
    const moved = await call('POST', '/api/satellites/kitchen/adopt', { address: '127.0.0.3' });
    expect(moved.body).toMatchObject({ name: 'kitchen', address: '127.0.0.3' });
  });
});
