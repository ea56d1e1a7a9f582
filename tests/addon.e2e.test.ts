// The add-on's real start script (server/src/addon/main.ts, the image's command) against the
// Supervisor double, as the Supervisor runs it: /data/options.json with the manifest's default
// options, SUPERVISOR_TOKEN in the environment. A real Mosquitto is the broker the Supervisor
// hands out, the HA websocket test server is Core behind the Supervisor's proxy.
import { writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebUi } from '../ui/scripts/build.js';
import { HaTestServer } from './helpers/ha-test-server.js';
import { Mosquitto, MqttWatcher } from './helpers/mosquitto.js';
import { launch, stopChild } from './helpers/satellite-process.js';
import { boundAddresses } from './helpers/server-process.js';
import { readManifest, SupervisorDouble } from './helpers/supervisor-double.js';
import { tempDir } from './helpers/temp-dir.js';

const TOKEN = 'supervisor-token-for-jarvis';
const HOSTNAME = '5f3a9c2e-jarvis';
const INGRESS_PATH = '/api/hassio_ingress/Xy9zIngressToken';

/** The broker on TCP, as the Mosquitto add-on serves it (the test broker is on a socket). */
async function tcpFront(socket: string): Promise<Server> {
  const server = createServer((client) => {
    const broker = createConnection(socket);
    client.pipe(broker).pipe(client);
    client.on('error', () => broker.destroy());
    broker.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}

async function until<T>(what: string, check: () => T | undefined, log: () => string): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} never happened:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the add-on under the Supervisor (double)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  let supervisor: SupervisorDouble;
  let ha: HaTestServer;
  let watcher: MqttWatcher;
  let output = '';
  let exitCode: Promise<number | null>;
  let stop: () => Promise<number | null>;

  beforeAll(async () => {
    const broker = await Mosquitto.start();
    cleanups.push(() => broker.stop());
    const front = await tcpFront(broker.socket);
    cleanups.push(() => new Promise((resolve) => front.close(resolve)));
    watcher = await MqttWatcher.connect(broker.url);
    cleanups.push(() => watcher.close());
    ha = await HaTestServer.start({ token: 'core-token' });
    cleanups.push(() => ha.stop());
    supervisor = await SupervisorDouble.start({
      token: TOKEN,
      hostname: HOSTNAME,
      mqtt: {
        host: '127.0.0.1',
        port: (front.address() as { port: number }).port,
        ssl: false,
        username: 'addons',
        password: 'mosquitto-generated',
      },
      core: { wsUrl: ha.wsUrl, token: ha.token, version: ha.haVersion },
    });
    cleanups.push(() => supervisor.stop());
    // A busy Supervisor: the first calls fail and must be retried.
    supervisor.failNext('GET /services/mqtt', 1);
    supervisor.failNext('POST /discovery', 2);

    const dir = tempDir('jarvis-addon-');
    const options = join(dir, 'options.json');
    writeFileSync(options, JSON.stringify(readManifest().options));
    const child = launch(['--conditions=source', '--import', 'tsx', 'server/src/addon/main.ts'], {
      env: {
        SUPERVISOR_TOKEN: TOKEN,
        JARVIS_SUPERVISOR_URL: supervisor.url,
        JARVIS_ADDON_OPTIONS: options,
        JARVIS_ADDON_CONFIG: join(dir, 'no-jarvis.yaml'),
        JARVIS_DATA_DIR: join(dir, 'data'),
        JARVIS_WYOMING_URI: 'tcp://127.0.0.1:0',
        JARVIS_HTTP_PORT: '0',
        JARVIS_INGRESS_PORT: '0',
        JARVIS_INGRESS_PEERS: '127.0.0.1',
        JARVIS_CONFIG: undefined,
      },
    });
    child.stdout!.on('data', (data) => (output += data));
    child.stderr!.on('data', (data) => (output += data));
    exitCode = new Promise((resolve) => child.once('exit', resolve));
    stop = () => stopChild(child);
    cleanups.push(stop);
    await until(
      'start-up',
      () => /Jarvis server ready[^]*\n\n/.test(output) || undefined,
      () => output,
    );
  }, 150_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }, 90_000);

  it('posts the Wyoming discovery with its host name and port once the port answers', async () => {
    const { wyomingUri } = boundAddresses(output);
    const port = Number(/:(\d+)$/.exec(wyomingUri)![1]);
    const discovery = await until(
      'the discovery',
      () => supervisor.discoveries[0],
      () => output,
    );
    expect(discovery.service).toBe('wyoming');
    expect(discovery.config).toEqual({ uri: `tcp://${HOSTNAME}:${port}` });
    // Two refusals were retried, and nothing was posted before the endpoint answered.
    expect(supervisor.requests.filter((r) => r === 'POST /discovery')).toHaveLength(3);
    expect(output).toMatch(/Wyoming discovery: .*500.*trying again/);
  });

  it('connects to the broker the Supervisor gives (asked again after a failure)', async () => {
    await until(
      'the bridge online',
      () => watcher.latest.get('jarvis/bridge/state') === 'online',
      () => output,
    );
    expect(supervisor.requests.filter((r) => r === 'GET /services/mqtt')).toHaveLength(2);
    const configs = [...watcher.latest.keys()].filter((t) => t.startsWith('homeassistant/'));
    expect(configs.length).toBeGreaterThan(0);
  });

  it('reaches Home Assistant through the Supervisor with its token', async () => {
    await until(
      'Core reached',
      () => supervisor.relayed > 0 && ha.connectionCount > 0,
      () => output,
    );
    expect(ha.commandTypes()).toContain('subscribe_entities');
    expect(output).toContain(`Home Assistant at ${supervisor.url}/core (Supervisor token)`);
  });

  it('serves the web UI and the API under the ingress path', async () => {
    await buildWebUi();
    const port = Number(/ingress on port (\d+)/.exec(output)![1]);
    const headers = { 'X-Ingress-Path': INGRESS_PATH };
    const page = await fetch(`http://127.0.0.1:${port}/`, { headers });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<base href="${INGRESS_PATH}/">`);
    expect(html).toContain('<script type="module" src="ui/jarvis-web-ui.js">');
    const script = await fetch(`http://127.0.0.1:${port}/ui/jarvis-web-ui.js`, { headers });
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('jarvis-web-ui');
    // HA logged the user in: the API answers in full without the user giving its token.
    const health = (await (
      await fetch(`http://127.0.0.1:${port}/health`, { headers })
    ).json()) as Record<string, unknown>;
    expect(Object.keys(health).length).toBeGreaterThan(1);
    const satellites = await fetch(`http://127.0.0.1:${port}/api/satellites`, { headers });
    expect(satellites.status).toBe(200);
    // The HTTP API itself still wants its token.
    const { httpPort } = boundAddresses(output);
    expect((await fetch(`http://127.0.0.1:${httpPort}/api/satellites`)).status).toBe(401);
    // On the LAN the same page is at /, with no data in it (the web UI asks for the token).
    const lan = await (await fetch(`http://127.0.0.1:${httpPort}/`)).text();
    expect(lan).toContain('<base href="/">');
    expect(lan).toContain('<jarvis-web-ui>');
    expect(lan).not.toContain(TOKEN);
  });

  it('stops cleanly on SIGTERM, as the Supervisor stops it', async () => {
    await stop();
    expect(await exitCode).toBe(0);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain('mosquitto-generated');
  });
});
