#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createStderrLogger } from 'wyoming-ts/node';
import { loadConfig } from './config/load.js';
import { ConfigError } from './errors.js';
import { resolveApiToken } from './http/token.js';
import { runMain, startJarvis, untilSignal } from './serve.js';

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
  const jarvis = await startJarvis(config, apiToken, logger);
  process.stderr.write(jarvis.summary);
  await untilSignal();
  await jarvis.stop();
  return 0;
}

runMain(PROGRAM, main(process.argv.slice(2)));
