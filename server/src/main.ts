#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { advertise } from '@jarvis/satellite';
import type { Logger } from 'wyoming-ts';
import { createStderrLogger } from 'wyoming-ts/node';
import { portOf, startApp } from './app.js';
import { buildBrain } from './brain.js';
import { loadConfig } from './config/load.js';
import type { JarvisConfig } from './config/schema.js';
import { buildSpeechEngines } from './engines/index.js';
import { ConfigError, EngineError } from './errors.js';
import { createHome, type Home } from './home/index.js';
import { type ApiToken, resolveApiToken } from './http/token.js';
import { createIntentRecognizer } from './intents/index.js';
import { Metrics } from './metrics.js';
import { startupSummary } from './summary.js';

const PROGRAM = 'jarvis-server';

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { config: { type: 'string' }, help: { type: 'boolean' } },
    }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
  if (values.help) {
    process.stdout.write(
      'Usage: jarvis-server [--config FILE]   (default: JARVIS_CONFIG, else ./jarvis.yaml; JARVIS_* variables override)\n',
    );
    return 0;
  }
  // `npm start` runs from the repository root, whose jarvis.yaml is the documented one.
  const file =
    values.config ??
    process.env.JARVIS_CONFIG ??
    (existsSync('jarvis.yaml') ? 'jarvis.yaml' : undefined);
  const loaded = loadConfig({ file });
  const logger = createStderrLogger('jarvis:server', loaded.log_level);
  const apiToken = await resolveApiToken(loaded.http.token, loaded.data_dir, logger);
  const config = { ...loaded, http: { ...loaded.http, token: apiToken.token } };
  await run(config, apiToken, logger);
  return 0;
}

async function run(config: JarvisConfig, apiToken: ApiToken, logger: Logger): Promise<void> {
  const home = createHome({
    url: config.home_assistant.url,
    token: config.home_assistant.token,
    logger,
  });
  const homeReady = home.start().catch((error: Error) => {
    logger.warn(`Home Assistant: ${error.message}; retrying in the background`);
  });
  await Promise.race([homeReady, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  const recognizer = createIntentRecognizer();
  const metrics = new Metrics();
  const brain = await buildBrain({
    config,
    home,
    logger,
    onAgentError: (code) => metrics.recordAgentError(code),
  });
  const speech = await buildSpeechEngines(config, logger);
  // The grammar depends on names, aliases and areas, not on states: rebuild only when those change.
  let vocabulary = '';
  const refreshGrammar = async () => {
    const current = vocabularyOf(home);
    if (current === vocabulary) return;
    vocabulary = current;
    await speech.setSentences?.(recognizer.sentences(home, 'en'));
  };
  await refreshGrammar();
  const unsubscribe = home.onChange(debounce(() => void refreshGrammar(), 2000));
  const app = await startApp(
    config,
    {
      stt: speech.stt,
      commandStt: speech.commandStt,
      tts: speech.tts,
      recognizer,
      home,
      agent: brain.agent,
      conversations: brain.conversations,
      memory: brain.memory,
      status: brain.status,
      metrics,
    },
    logger,
  );
  const stopZeroconf =
    config.wyoming.zeroconf && portOf(app.wyomingUri) !== undefined
      ? advertise({
          name: `${config.wyoming.zeroconf_name} on ${hostname()}`,
          port: portOf(app.wyomingUri)!,
          logger,
        })
      : undefined;
  process.stderr.write(startupSummary({ config, app, home, speech, recognizer, brain, apiToken }));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  logger.info('stopping');
  unsubscribe();
  await stopZeroconf?.();
  await app.stop();
  await brain.close();
  await speech.close();
  await home.close();
}

function vocabularyOf(home: Home): string {
  const entities = home.entities().map((e) => [e.entity_id, e.name, e.aliases, e.area_id]);
  const areas = home.areas().map((a) => [a.area_id, a.name, a.aliases]);
  return JSON.stringify([entities, areas]);
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${PROGRAM}: ${error.message}\n`);
      process.exit(2);
    }
    const message =
      error instanceof EngineError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`${PROGRAM}: ${message}\n`);
    process.exit(1);
  },
);
