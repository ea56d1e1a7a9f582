#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { type Logger } from 'wyoming-ts';
import { createStderrLogger, parseUri } from 'wyoming-ts/node';
import { ConfigError, EngineError } from '../errors.js';
import { isListening } from '../machine/satellite-machine.js';
import { ServerConnection, serveForHomeAssistant } from '../runtime/links.js';
import { advertise } from '../runtime/zeroconf.js';
import { parseSatelliteArgs } from './args.js';
import { usage } from './help.js';
import { buildSatellite, modeOf } from './build.js';
import { runDetect } from './detect.js';
import { ENROLL_USAGE, runEnroll } from './enroll.js';
import type { SatelliteOptions } from './schema.js';

const PROGRAM = 'jarvis-satellite';

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'enroll') {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${ENROLL_USAGE}\n`);
      return 0;
    }
    return runEnroll(argv.slice(1), (line) => process.stderr.write(`${line}\n`));
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (argv.includes('--version')) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (argv[0] === 'detect')
    return runDetect(argv.slice(1), (line) => process.stdout.write(`${line}\n`));
  const options = parseSatelliteArgs(argv);
  const logger = createStderrLogger('jarvis:satellite', options.debug ? 'debug' : 'info');
  await run(options, logger);
  return 0;
}

async function run(options: SatelliteOptions, logger: Logger): Promise<void> {
  const parts = await buildSatellite(options, logger);
  const { satellite, listener, hooks } = parts;
  const stops: Array<() => Promise<void>> = [];
  // The address actually served (`--uri tcp://host:0` picks a free port).
  let served = options.uri;
  if (options['startup-command']) hooks.runCommand('startup-command', options['startup-command']);
  if (options.server) {
    const connection = new ServerConnection(satellite, () => satellite.info(), {
      uri: options.server,
      logger,
    });
    connection.start();
    stops.push(() => connection.stop());
  } else {
    const server = serveForHomeAssistant(satellite, { uri: options.uri, logger });
    served = await server.start();
    stops.push(() => server.stop());
    const address = parseUri(server.uri);
    if (!options['no-zeroconf'] && address.kind === 'tcp') {
      stops.push(
        advertise({ name: options['zeroconf-name'] ?? parts.name, port: address.port, logger }),
      );
    }
  }
  if (listener && options['mic-file']) {
    // A file plays from the moment the satellite first listens, so its words are heard.
    const unsubscribe = satellite.onStateChange((state) => {
      if (!isListening(state)) return;
      unsubscribe();
      listener.start();
    });
  } else {
    listener?.start();
  }
  const wakeWords = parts.wakeModels.map((model) => model.name).join(', ');
  const stop = parts.stopWord ? `, stop word ${parts.stopWord.name}` : '';
  const mode = listener ? `mode ${modeOf(options)}` : 'no microphone';
  logger.info(
    `satellite "${parts.name}" ready: ${mode}${wakeWords ? ` (${wakeWords})` : ''}${stop}` +
      `${options.muted ? ', muted' : ''}; ${options.server ? `server ${options.server}` : `serving ${served}`}`,
  );
  process.on('SIGUSR1', () => satellite.setMuted(true));
  process.on('SIGUSR2', () => satellite.setMuted(false));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  logger.info('stopping');
  for (const stop of stops.reverse()) await stop();
  await parts.close();
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${PROGRAM}: ${error.message}\nTry '${PROGRAM} --help'.\n`);
      process.exit(2);
    }
    const message =
      error instanceof EngineError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`${PROGRAM}: ${message}\n`);
    process.exit(1);
  },
);
