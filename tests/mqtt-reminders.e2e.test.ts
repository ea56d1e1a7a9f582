// The bridge's reminders sensor end to end: the server in this process, a real Mosquitto broker,
// and an MQTT client reading what Home Assistant would. A reminder set through the API shows up
// in the sensor (its count as state, the list in its attributes), and goes when cancelled.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '../server/src/app.js';
import { ConfigSchema } from '../server/src/config/schema.js';
import { PhraseEngine } from '../server/src/engines/stt/phrase-engine.js';
import { EspeakTts } from '../server/src/engines/tts/espeak-tts.js';
import { DemoHome } from '../server/src/home/demo-home.js';
import { createIntentRecognizer } from '../server/src/intents/index.js';
import { Mosquitto, MqttWatcher } from './helpers/mosquitto.js';
import { apiClient, type Cleanups, runCleanups, until } from './helpers/server-e2e.js';
import { tempDir } from './helpers/temp-dir.js';

const TOKEN = 'reminders-bridge-token-0123456789';
const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

const BRIDGE_CONFIG = 'homeassistant/device/jarvis_bridge/config';
const STATS = 'jarvis/bridge/stats';

interface Stats {
  reminders: number;
  attributes: { reminders: Record<string, unknown> };
}

describe('the reminders sensor on the bridge', () => {
  it('counts the reminders and lists them in its attributes', async () => {
    const mosquitto = await Mosquitto.start();
    cleanups.push(() => mosquitto.stop());
    const watcher = await MqttWatcher.connect(mosquitto.url);
    cleanups.push(() => watcher.close());
    const config = ConfigSchema.parse({
      data_dir: tempDir('jarvis-reminders-bridge-'),
      wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false },
      http: { host: '127.0.0.1', port: 0, token: TOKEN },
      discovery: { zeroconf: false },
      mqtt: { url: mosquitto.url, rediscover_delay_ms: 0 },
    });
    const home = new DemoHome();
    const recognizer = createIntentRecognizer();
    const stt = new PhraseEngine();
    cleanups.push(() => stt.close());
    const app = await startApp(config, { stt, tts: new EspeakTts(), home, recognizer });
    cleanups.push(() => app.stop());
    const api = apiClient(app.httpPort, TOKEN);

    const discovery = await until<Record<string, unknown>>('the bridge device', () =>
      watcher.json(BRIDGE_CONFIG),
    );
    const components = discovery.components as Record<string, Record<string, unknown>>;
    expect(components.reminders).toMatchObject({
      platform: 'sensor',
      state_topic: STATS,
      value_template: '{{ value_json.reminders }}',
      json_attributes_template: '{{ value_json.attributes.reminders | tojson }}',
    });
    await until('no reminders', () => watcher.json<Stats>(STATS)?.reminders === 0);

    const at = new Date(Date.now() + 3_600_000).toISOString();
    const created = await api('POST', '/api/reminders', { text: 'walk the dog', at });
    expect(created.status).toBe(201);
    const one = await until('one reminder', () => {
      const stats = watcher.json<Stats>(STATS);
      return stats?.reminders === 1 ? stats : undefined;
    });
    expect(one.attributes.reminders).toEqual({
      jarvis_role: 'reminders',
      next_at: at,
      next: 'walk the dog',
      reminders: [
        { id: created.body.id, at, text: 'walk the dog', satellite: null, missed: false },
      ],
    });

    const deleted = await fetch(
      `http://127.0.0.1:${app.httpPort}/api/reminders/${String(created.body.id)}`,
      { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } },
    );
    expect(deleted.status).toBe(204);
    await until('none again', () => watcher.json<Stats>(STATS)?.reminders === 0);
  }, 120_000);
});
