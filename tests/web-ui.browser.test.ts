// The web UI in Debian's chromium against the real server (a child process, Home Assistant's
// websocket test double behind it): through the add-on's ingress listener under Home Assistant's
// path prefix (no token asked; every request stays under the prefix), and on the HTTP API's own
// port (it asks for the token). Status, try a sentence, the latency chart, reminders added and
// deleted (and said to be unavailable when the route is not there), a satellite's state live and mute, and the memories searched, edited, deleted.
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudioStop, Info, Pong, RunPipeline, silentLogger } from 'wyoming-ts';
import { WyomingConnection } from 'wyoming-ts/node';
import { type Ingress, startIngress } from '../server/src/addon/ingress.js';
import { buildWebUi } from '../ui/scripts/build.js';
import { launchChromium } from './helpers/chromium.js';
import type { HaTestServer } from './helpers/ha-test-server.js';
import { type IngressProxy, startIngressProxy } from './helpers/ingress-proxy.js';
import { REPO_ROOT } from './helpers/satellite-process.js';
import {
  API_TOKEN,
  apiClient,
  type Cleanups,
  jarvisServer,
  type JarvisServer,
  kitchenHome,
  runCleanups,
  until,
} from './helpers/server-e2e.js';

const BENCH = join(REPO_ROOT, 'bench-results');
const cleanups: Cleanups = [];
/** Polls what the page shows; a busy machine may take seconds to get there. */
const poll = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: 60_000, interval: 100 });
let ha: HaTestServer;
let server: JarvisServer;
let proxy: IngressProxy;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  await buildWebUi();
  ha = await kitchenHome(cleanups);
  server = await jarvisServer(ha, cleanups, { memory: { embedder: 'hashed' } });
  const ingress: Ingress = await startIngress({
    host: '127.0.0.1',
    port: 0,
    peers: ['127.0.0.1'],
    apiPort: server.httpPort,
    apiToken: API_TOKEN,
    logger: silentLogger,
  });
  cleanups.push(() => ingress.stop());
  proxy = await startIngressProxy(ingress.port);
  cleanups.push(() => proxy.stop());
  browser = await launchChromium();
  cleanups.push(() => browser.close());
});

afterAll(() => runCleanups(cleanups));

/** A satellite connecting in to the server: answers pings, keeps what the server sent. */
async function satellite(name: string) {
  const port = Number(server.wyomingUri.split(':').at(-1));
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise((resolve) => socket.once('connect', resolve));
  const connection = new WyomingConnection(socket);
  cleanups.push(() => connection.close());
  const seen: string[] = [];
  await connection.write(
    new Info({ satellite: { name, attribution: { name: 't', url: '' }, installed: true } }),
  );
  void (async () => {
    for (;;) {
      const event = await connection.readEvent().catch(() => undefined);
      if (!event) return;
      seen.push(event.type);
      if (event.type === 'ping') await connection.write(new Pong({}));
    }
  })();
  return { connection, seen };
}

async function open(url: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  cleanups.push(() => page.close());
  await page.goto(url);
  return { page, requests };
}

describe('the web UI', () => {
  it('works behind ingress under its path prefix, with no token asked', async () => {
    const { page, requests } = await open(proxy.url);
    await poll(() => page.locator('.state').textContent()).toContain('Everything is working');
    await poll(() => page.locator('[data-live]').getAttribute('data-live')).toBe('yes');
    expect(await page.locator('input[name="token"]').count()).toBe(0);
    await poll(() => page.locator('jarvis-reminders-panel [aria-label="Reminders"]').count()).toBe(
      1,
    );

    await page.locator('#jarvis-try-text').fill('turn on the kitchen light');
    await page.locator('#jarvis-try-text').press('Enter');
    await poll(() => page.locator('[data-understood]').textContent()).toContain('HassTurnOn');
    expect(await page.locator('[data-answer]').textContent()).toMatch(/kitchen/i);
    expect(await page.locator('[data-calls]').textContent()).toContain(
      'light.turn_on light.kitchen',
    );
    await until('the light turned on', () =>
      ha.calls.some((call) => call.domain === 'light' && call.service === 'turn_on'),
    );
    // The turn reaches the chart through the live events, drawn against the 500 ms line.
    await poll(() => page.locator('jarvis-latency-chart rect.turn').count()).toBe(1);
    expect(await page.locator('line.target').getAttribute('data-target')).toBe('500');
    const waited = Number(await page.locator('rect.turn').getAttribute('data-ms'));
    expect(waited).toBeGreaterThanOrEqual(0);
    await poll(() => page.locator('[data-key="commands"]').textContent()).toBe('1');

    // For review (not compared): the page as Home Assistant's sidebar shows it.
    await mkdir(BENCH, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({
      path: join(BENCH, 'web-ui.png'),
      fullPage: true,
      animations: 'disabled',
    });

    expect(proxy.outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
    for (const url of requests) expect(url).toContain(proxy.prefix);
  });

  it('asks for the token on its own port, then shows a satellite live and mutes it', async () => {
    const { page } = await open(`http://127.0.0.1:${server.httpPort}/`);
    await page.locator('input[name="token"]').fill(API_TOKEN);
    await page.locator('input[name="token"]').press('Enter');
    await poll(() => page.locator('.state').textContent()).toContain('Everything is working');
    await poll(() => page.locator('[data-live]').getAttribute('data-live')).toBe('yes');

    const den = await satellite('den');
    const row = page.locator('li[data-satellite="den"]');
    await poll(() => row.locator('[data-status]').textContent()).toBe('online');
    await den.connection.write(
      new RunPipeline({ start_stage: 'asr', end_stage: 'tts', restart_on_end: false }),
    );
    await poll(() => row.locator('[data-state]').textContent()).toBe('listening');
    await den.connection.write(new AudioStop());

    await row.locator('button.mute').click();
    await poll(() => row.locator('button.mute').getAttribute('aria-pressed')).toBe('true');
    await until('the satellite paused', () => den.seen.includes('pause-satellite'));
    await row.locator('button.mute').click();
    await poll(() => row.locator('button.mute').getAttribute('aria-pressed')).toBe('false');
  });

  it('searches, edits and deletes a memory', async () => {
    const call = apiClient(server.httpPort, API_TOKEN);
    expect((await call('POST', '/api/memories', { text: 'Felix is a black cat' })).status).toBe(
      201,
    );
    const { page } = await open(`http://127.0.0.1:${server.httpPort}/`);
    const panel = page.locator('jarvis-memories-panel');
    await panel.locator('input[name="q"]').fill('Felix');
    await panel.locator('input[name="q"]').press('Enter');
    await poll(() => panel.locator('[data-text]').first().textContent()).toBe(
      'Felix is a black cat',
    );

    await panel.getByRole('button', { name: 'Edit: Felix is a black cat' }).click();
    await panel.locator('input[name="text"]').fill('Felix is a grey cat');
    await panel.locator('input[name="text"]').press('Enter');
    await poll(() => panel.locator('[data-text]').allTextContents()).toEqual([
      'Felix is a grey cat',
    ]);
    const listed = (await call('GET', '/api/memories')).body as { memories: { text: string }[] };
    expect(listed.memories.map((m) => m.text)).toEqual(['Felix is a grey cat']);

    await panel.getByRole('button', { name: 'Delete: Felix is a grey cat' }).click();
    await poll(() => panel.locator('[data-text]').count()).toBe(0);
    expect(((await call('GET', '/api/memories')).body as { total: number }).total).toBe(0);
  });

  it('adds a reminder, lists it and deletes it', async () => {
    const call = apiClient(server.httpPort, API_TOKEN);
    const { page } = await open(proxy.url);
    const panel = page.locator('jarvis-reminders-panel');
    await poll(() => panel.getByText('No reminder.').count()).toBe(1);
    const at = new Date(Date.now() + 2 * 3_600_000);
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString();
    await panel.locator('input[name="text"]').fill('take the dog out');
    await panel.locator('input[name="at"]').fill(local.slice(0, 16));
    await panel.getByRole('button', { name: 'Add' }).click();
    await poll(() => panel.locator('[data-text]').allTextContents()).toEqual(['take the dog out']);
    const listed = (await call('GET', '/api/reminders')).body as unknown as {
      text: string;
      at: string;
    }[];
    expect(listed.map((r) => r.text)).toEqual(['take the dog out']);
    expect(Math.abs(Date.parse(listed[0]!.at) - at.getTime())).toBeLessThan(60_000);

    await panel.getByRole('button', { name: 'Delete reminder: take the dog out' }).click();
    await poll(() => panel.locator('[data-text]').count()).toBe(0);
    expect((await call('GET', '/api/reminders')).body).toEqual([]);
  });

  it('says reminders are not available when the server has no reminders route', async () => {
    const page = await browser.context.newPage();
    cleanups.push(() => page.close());
    await page.route('**/api/reminders', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Not found', status: 404 }),
      }),
    );
    await page.goto(proxy.url);
    await poll(() => page.locator('[data-unavailable]').textContent()).toContain(
      'reminders are not available on this server',
    );
  });
});
