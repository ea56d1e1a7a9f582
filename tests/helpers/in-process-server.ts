// The server in the test's process (startApp) with the mode store, on port 0 with a token: for
// tests that drive its clock, watch its log lines or swap its speech engine for a noting one.
import type { Logger } from 'wyoming-ts';
import { startApp } from '../../server/src/app.js';
import { ConfigSchema } from '../../server/src/config/schema.js';
import { PhraseEngine } from '../../server/src/engines/stt/phrase-engine.js';
import { EspeakTts } from '../../server/src/engines/tts/espeak-tts.js';
import type { TextToSpeech } from '../../server/src/engines/tts/tts.js';
import { DemoHome } from '../../server/src/home/demo-home.js';
import { createIntentRecognizer } from '../../server/src/intents/index.js';
import { buildModes } from '../../server/src/modes/index.js';
import type { Clock } from '../../server/src/speech/clock.js';
import { apiClient, type Cleanups, type JarvisServer } from './server-e2e.js';
import { tempDirWith } from './temp-dir.js';

export const IN_PROCESS_TOKEN = 'in-process-token-0123456789';

export interface InProcessOptions {
  /** The schedule's and the modes' clock (default: the system's). */
  clock?: Clock;
  tts?: TextToSpeech;
  /** The broker the bridge publishes to (default: no bridge). */
  mqttUrl?: string;
  /** The Redis the reminders and held messages are kept in (default: the data dir). */
  redisUrl?: string;
}

/** The real espeak-ng engine, noting each text it is asked to say (in order). */
export function noting(engine: TextToSpeech, said: string[]): TextToSpeech {
  return {
    name: engine.name,
    voices: () => engine.voices(),
    synthesize: (request, signal) => {
      said.push(request.text);
      return engine.synthesize(request, signal);
    },
    close: () => engine.close(),
  };
}

export async function inProcessServer(cleanups: Cleanups, options: InProcessOptions = {}) {
  const lines: string[] = [];
  const keep = (message: string) => lines.push(message);
  const logger: Logger = { debug: () => {}, info: keep, warn: keep, error: keep };
  const config = ConfigSchema.parse({
    data_dir: tempDirWith(cleanups, 'jarvis-in-process-'),
    wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false },
    http: { host: '127.0.0.1', port: 0, token: IN_PROCESS_TOKEN },
    discovery: { zeroconf: false },
    ...(options.mqttUrl && { mqtt: { url: options.mqttUrl, rediscover_delay_ms: 0 } }),
    ...(options.redisUrl && { redis: { url: options.redisUrl } }),
  });
  const modes = await buildModes(config, createIntentRecognizer(), logger, options.clock);
  cleanups.push(() => modes.store.stop());
  const stt = new PhraseEngine();
  cleanups.push(() => stt.close());
  const app = await startApp(
    config,
    {
      stt,
      tts: options.tts ?? new EspeakTts(),
      home: new DemoHome(),
      recognizer: modes.recognizer,
      modes: modes.store,
      clock: options.clock,
    },
    logger,
  );
  cleanups.push(() => app.stop());
  cleanups.push(async () => {
    if (process.env.DEBUG_SERVER) console.error(lines.join('\n'));
  });
  const api = apiClient(app.httpPort, IN_PROCESS_TOKEN);
  const asServer = { api: async (path: string) => (await api('GET', path)).body };
  return { app, api, lines, asServer: asServer as unknown as JarvisServer };
}
