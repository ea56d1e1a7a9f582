// The Home Assistant bridge's end-to-end pieces: a real Mosquitto broker with an MQTT client
// watching it as Home Assistant would, and the server in this process with the bridge on it.
import type { Logger } from 'wyoming-ts';
import { startApp } from '../../server/src/app.js';
import { ConfigSchema } from '../../server/src/config/schema.js';
import { PhraseEngine } from '../../server/src/engines/stt/phrase-engine.js';
import { EspeakTts } from '../../server/src/engines/tts/espeak-tts.js';
import { DemoHome } from '../../server/src/home/demo-home.js';
import type { Home } from '../../server/src/home/home.js';
import { createIntentRecognizer } from '../../server/src/intents/index.js';
import { buildModes } from '../../server/src/modes/index.js';
import { Mosquitto, MqttWatcher } from './mosquitto.js';
import { apiClient, type Cleanups } from './server-e2e.js';
import { tempDir, tempDirWith } from './temp-dir.js';

export const BRIDGE_TOKEN = 'bridge-e2e-token-0123456789';

/** A broker and an MQTT client watching it as Home Assistant would. */
export async function broker(cleanups: Cleanups) {
  const mosquitto = await Mosquitto.start();
  cleanups.push(() => mosquitto.stop());
  const watcher = await MqttWatcher.connect(mosquitto.url);
  cleanups.push(() => watcher.close());
  return { mosquitto, watcher };
}

/** The server in this process with the bridge on `brokerUrl`, logging into `lines`. */
export async function jarvis(
  cleanups: Cleanups,
  brokerUrl: string,
  options: { home?: Home; dataDir?: string; wyomingUri?: string } = {},
) {
  const lines: string[] = [];
  const keep = (message: string) => lines.push(message);
  const logger: Logger = { debug: () => {}, info: keep, warn: keep, error: keep };
  const config = ConfigSchema.parse({
    data_dir: options.dataDir ?? tempDirWith(cleanups, 'jarvis-bridge-'),
    wyoming: { uri: options.wyomingUri ?? 'tcp://127.0.0.1:0', zeroconf: false },
    http: { host: '127.0.0.1', port: 0, token: BRIDGE_TOKEN },
    discovery: { zeroconf: false },
    mqtt: { url: brokerUrl, rediscover_delay_ms: 0 },
  });
  const home = options.home ?? new DemoHome();
  const modes = await buildModes(config, createIntentRecognizer(), logger);
  cleanups.push(() => modes.store.stop());
  const { recognizer } = modes;
  const stt = new PhraseEngine();
  cleanups.push(() => stt.close());
  await stt.setSentences(recognizer.sentences(home, 'en'));
  const parts = { stt, tts: new EspeakTts(), home, recognizer, modes: modes.store };
  const app = await startApp(config, parts, logger);
  let stopped: Promise<void> | undefined;
  /** Stops the server as `serve` does (once: the test may stop it before the cleanups do). */
  const stop = () => (stopped ??= app.stop().then(() => modes.store.stop()));
  cleanups.push(stop);
  cleanups.push(async () => {
    if (process.env.DEBUG_SERVER) console.error(lines.join('\n'));
  });
  const api = apiClient(app.httpPort, BRIDGE_TOKEN);
  const metrics = async () =>
    (
      await fetch(`http://127.0.0.1:${app.httpPort}/metrics`, {
        headers: { authorization: `Bearer ${BRIDGE_TOKEN}` },
      })
    ).text();
  return { app, home, lines, api, metrics, stop };
}

export const bridgeTempDir = () => tempDir('jarvis-bridge-sat-');
