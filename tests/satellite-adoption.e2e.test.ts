// Satellites are adopted, not grabbed. Real satellite processes, a Home-Assistant-like
// controller, and the Jarvis server in this process, so that discovery is fed through its
// `Browse` function instead of real mDNS; everything on 127.0.0.1 with ports the system picks.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Info, type Logger, WyomingError } from 'wyoming-ts';
import { WyomingConnection } from 'wyoming-ts/node';
import { startApp } from '../server/src/app.js';
import { ConfigSchema } from '../server/src/config/schema.js';
import { PhraseEngine } from '../server/src/engines/stt/phrase-engine.js';
import { EspeakTts } from '../server/src/engines/tts/espeak-tts.js';
import { DemoHome } from '../server/src/home/demo-home.js';
import { createIntentRecognizer } from '../server/src/intents/index.js';
import type { Browse } from '../server/src/satellites/discovery.js';
import type { FleetEntry } from '../server/src/satellites/fleet-list.js';
import { AssistSatelliteController } from './helpers/assist-satellite-controller.js';
import { fakeZeroconf } from './helpers/fake-zeroconf.js';
import {
  apiClient,
  type Cleanups,
  liveSatellite,
  runCleanups,
  servedSatellite,
  until,
} from './helpers/server-e2e.js';
import { tempDir } from './helpers/temp-dir.js';

const TOKEN = 'adoption-e2e-token-0123456789';
const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

/** The server in this process, on ports the system picks, logging into `lines`. */
async function jarvis(dataDir: string, browse?: Browse) {
  const lines: string[] = [];
  const keep = (message: string) => lines.push(message);
  const logger: Logger = { debug: () => {}, info: keep, warn: keep, error: keep };
  const config = ConfigSchema.parse({
    data_dir: dataDir,
    wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false },
    http: { host: '127.0.0.1', port: 0, token: TOKEN },
    discovery: { zeroconf: false },
    satellite_driver: { reconnect_min_ms: 100, reconnect_max_ms: 1000 },
  });
  const parts = { stt: new PhraseEngine(), tts: new EspeakTts(), home: new DemoHome() };
  const app = await startApp(
    config,
    { ...parts, recognizer: createIntentRecognizer(), browse },
    logger,
  );
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= app.stop());
  cleanups.push(stop);
  cleanups.push(async () => {
    if (process.env.DEBUG_SERVER) console.error(lines.join('\n'));
  });
  const api = apiClient(app.httpPort, TOKEN);
  const list = async () =>
    (await (
      await fetch(`http://127.0.0.1:${app.httpPort}/api/satellites`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).json()) as FleetEntry[];
  const entry = async (name: string) => (await list()).find((e) => e.name === name);
  const connected = (name: string) =>
    until(`${name} driven by the server`, async () => {
      const found = await entry(name);
      return found?.status === 'connected' && found;
    });
  return { app, lines, api, list, entry, connected, stop };
}

/** Home Assistant's Wyoming integration, holding the satellite at `uri`. */
async function homeAssistant(uri: string): Promise<AssistSatelliteController> {
  const ha = await AssistSatelliteController.connect(uri);
  cleanups.push(() => ha.close());
  await ha.start();
  return ha;
}

const adoptedFile = (dataDir: string) =>
  JSON.parse(readFileSync(join(dataDir, 'satellites.json'), 'utf8')).adopted as unknown[];

const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, 'g'))?.length ?? 0;

describe('satellites found on the network are adopted, not grabbed', () => {
  it('one Home Assistant holds is only listed, and stays with Home Assistant even once adopted; the server drives it when Home Assistant lets go', async () => {
    const dir = tempDir('jarvis-adoption-');
    const porch = await servedSatellite('porch', dir, cleanups);
    const ha = await homeAssistant(porch.uri);
    const zeroconf = fakeZeroconf();
    const server = await jarvis(join(dir, 'data'), zeroconf.browse);

    await zeroconf.announce({ name: 'porch', host: '127.0.0.1', port: porch.port });
    expect(await server.list()).toEqual([
      expect.objectContaining({
        id: porch.uri,
        name: 'porch',
        status: 'discovered',
        adopted_via: null,
        state: null,
      }),
    ]);
    expect(server.lines.join('\n')).toMatch(
      /found satellite "porch" at tcp:\/\/127\.0\.0\.1:\d+, not driven until adopted/,
    );
    await ha.roundTrip('after discovery');
    expect(porch.process.log()).not.toMatch(/refused a second controller|takes over/);

    const adopted = await server.api('POST', '/api/satellites/porch/adopt');
    expect(adopted).toMatchObject({
      status: 200,
      body: { id: porch.uri, status: 'adopted', adopted_via: 'api' },
    });
    const turnedAway = await until('the satellite turns the server away', async () => {
      const found = await server.entry('porch');
      return found?.refused_by_satellite ? found : undefined;
    });
    expect(turnedAway).toMatchObject({ status: 'adopted' });
    expect(turnedAway.refused_by_satellite).toMatch(/^satellite-busy: /);
    expect(porch.process.log()).toMatch(/refused a second controller from 127\.0\.0\.1:\d+/);
    await ha.roundTrip('still mine');

    await ha.close();
    await server.connected('porch');
    const announced = await server.api('POST', '/api/announce', {
      text: 'Dinner is ready.',
      satellite: 'porch',
    });
    expect(announced.status).toBe(202);
    await until('porch plays the announcement', () => porch.playedSeconds() > 0.5);
  });

  it('adoption is kept in the data dir across a restart; forgetting lets the satellite go', async () => {
    const dir = tempDir('jarvis-adoption-');
    const dataDir = join(dir, 'data');
    const porch = await servedSatellite('porch', dir, cleanups);
    const zeroconf = fakeZeroconf();
    const first = await jarvis(dataDir, zeroconf.browse);
    await zeroconf.announce({ name: 'porch', host: '127.0.0.1', port: porch.port });
    const id = encodeURIComponent(porch.uri);
    expect((await first.api('POST', `/api/satellites/${id}/adopt`)).status).toBe(200);
    await first.connected('porch');
    await first.stop();
    expect(adoptedFile(dataDir)).toEqual([
      expect.objectContaining({ kind: 'dialed', uri: porch.uri, name: 'porch' }),
    ]);

    const second = await jarvis(dataDir);
    expect(await second.connected('porch')).toMatchObject({ id: porch.uri, adopted_via: 'api' });

    const forgotten = await second.api('DELETE', '/api/satellites/porch');
    expect(forgotten).toMatchObject({ status: 200, body: { forgotten: 'porch', satellite: null } });
    expect(await second.list()).toEqual([]);
    expect(adoptedFile(dataDir)).toEqual([]);
    await until('the satellite let go', () =>
      count(porch.process.log(), /server disconnected: /) >= 2 ? true : undefined,
    );
    const ha = await homeAssistant(porch.uri);
    await ha.roundTrip('mine now');
    expect(ha.eventTypes()).not.toContain('error');
  });

  it('with --allow-takeover, a server that adopts it takes it from Home Assistant (the old behaviour)', async () => {
    const dir = tempDir('jarvis-adoption-');
    const porch = await servedSatellite('porch', dir, cleanups, {
      extraArgs: ['--allow-takeover'],
    });
    const ha = await homeAssistant(porch.uri);
    const zeroconf = fakeZeroconf();
    const server = await jarvis(join(dir, 'data'), zeroconf.browse);
    await zeroconf.announce({ name: 'porch', host: '127.0.0.1', port: porch.port });
    expect((await server.api('POST', '/api/satellites/porch/adopt')).status).toBe(200);
    await server.connected('porch');
    await ha.ended();
    expect(porch.process.log()).toMatch(/takes over from 127\.0\.0\.1:\d+/);
  });
});

/** A raw Wyoming connection to `uri` from `localAddress` (another host, as far as TCP goes). */
async function connectFrom(localAddress: string, uri: string): Promise<WyomingConnection> {
  const port = Number(uri.split(':').at(-1));
  const socket = connect({ host: '127.0.0.1', port, localAddress });
  await once(socket, 'connect');
  const connection = new WyomingConnection(socket);
  cleanups.push(() => connection.close());
  return connection;
}

const kitchenInfo = new Info({
  satellite: {
    name: 'kitchen',
    area: 'Kitchen',
    attribution: { name: 'impostor', url: '' },
    installed: true,
  },
});

describe('a satellite that connects in is known by name and address', () => {
  it('another connection calling itself "kitchen" from another address is refused until the user re-adopts it', async () => {
    const dir = tempDir('jarvis-adoption-');
    const server = await jarvis(join(dir, 'data'));
    const kitchen = liveSatellite('kitchen', server.app.wyomingUri, dir, cleanups);
    expect(await server.connected('kitchen')).toMatchObject({
      adopted_via: 'connection',
      address: '127.0.0.1',
    });

    const impostor = await connectFrom('127.0.0.2', server.app.wyomingUri);
    await impostor.write(kitchenInfo);
    const answer = await impostor.readEvent();
    expect(answer?.type).toBe('error');
    expect(WyomingError.fromEvent(answer!).code).toBe('satellite-name-taken');
    expect(await impostor.readEvent().catch(() => null)).toBeNull();
    expect(server.lines.join('\n')).toMatch(
      /refused a connection from 127\.0\.0\.2:\d+ calling itself "kitchen"/,
    );
    expect(await server.entry('kitchen')).toMatchObject({
      status: 'connected',
      address: '127.0.0.1',
      refused_claim: { address: '127.0.0.2' },
    });

    const announced = await server.api('POST', '/api/announce', {
      text: 'Dinner is ready.',
      satellite: 'kitchen',
    });
    expect(announced).toMatchObject({ status: 202, body: { announced: ['kitchen'] } });
    await until('the real kitchen plays the announcement', () => kitchen.playedSeconds() > 0.5);

    const readopted = await server.api('POST', '/api/satellites/kitchen/adopt');
    expect(readopted).toMatchObject({ status: 200, body: { address: '127.0.0.2' } });
    expect(readopted.body.refused_claim).toBeUndefined();
    const moved = await connectFrom('127.0.0.2', server.app.wyomingUri);
    await moved.write(kitchenInfo);
    expect((await moved.readEvent())?.type).toBe('run-satellite');
  });
});
