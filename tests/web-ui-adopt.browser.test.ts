// Adopting from the web UI: a real satellite process found on the network (zeroconf as the test
// tells it, to the server in this process) is listed as discovered, not driven; the Adopt
// button makes the server dial it, and the row turns online. Debian's chromium, token given.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../server/src/app.js';
import { ConfigSchema } from '../server/src/config/schema.js';
import { PhraseEngine } from '../server/src/engines/stt/phrase-engine.js';
import { EspeakTts } from '../server/src/engines/tts/espeak-tts.js';
import { DemoHome } from '../server/src/home/demo-home.js';
import { createIntentRecognizer } from '../server/src/intents/index.js';
import { buildWebUi } from '../ui/scripts/build.js';
import { launchChromium } from './helpers/chromium.js';
import { fakeZeroconf } from './helpers/fake-zeroconf.js';
import { type Cleanups, runCleanups, servedSatellite } from './helpers/server-e2e.js';
import { tempDirWith } from './helpers/temp-dir.js';

const TOKEN = 'web-ui-adopt-token-0123456789';
const cleanups: Cleanups = [];
const poll = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: 60_000, interval: 100 });
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  await buildWebUi();
  browser = await launchChromium();
  cleanups.push(() => browser.close());
});

afterAll(() => runCleanups(cleanups));

describe('the web UI adopts a satellite', () => {
  it('lists a discovered satellite with Adopt, and shows it online once adopted', async () => {
    const dir = tempDirWith(cleanups, 'jarvis-web-ui-adopt-');
    const porch = await servedSatellite('porch', dir, cleanups);
    const zeroconf = fakeZeroconf();
    const config = ConfigSchema.parse({
      data_dir: join(dir, 'data'),
      wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false },
      http: { host: '127.0.0.1', port: 0, token: TOKEN },
      discovery: { zeroconf: false },
      satellite_driver: { reconnect_min_ms: 100, reconnect_max_ms: 1000 },
    });
    const parts = { stt: new PhraseEngine(), tts: new EspeakTts(), home: new DemoHome() };
    const app = await startApp(config, {
      ...parts,
      recognizer: createIntentRecognizer(),
      browse: zeroconf.browse,
    });
    cleanups.push(() => app.stop());
    await zeroconf.announce({ name: 'porch', host: '127.0.0.1', port: porch.port });

    const page = await browser.context.newPage();
    cleanups.push(() => page.close());
    await page.goto(`http://127.0.0.1:${app.httpPort}/`);
    await page.locator('input[name="token"]').fill(TOKEN);
    await page.locator('input[name="token"]').press('Enter');
    const row = page.locator('li[data-satellite="porch"]');
    await poll(() => row.locator('[data-status]').textContent()).toBe('discovered, not driven');
    expect(await row.locator('button.mute').count()).toBe(0);
    await row.locator('button.adopt').click();
    await poll(() => row.locator('[data-status]').textContent()).toBe('online');
    expect(app.fleet.drives(porch.uri)).toBe(true);
    expect(await row.locator('button.adopt').count()).toBe(0);
    expect(await row.locator('button.mute').getAttribute('aria-pressed')).toBe('false');
  });
});
