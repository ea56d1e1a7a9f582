#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createDemoServer } from './demo-server.js';
import { createStderrLogger } from './stderr-logger.js';

const { values } = parseArgs({
  options: {
    uri: { type: 'string', default: 'tcp://0.0.0.0:10600' },
    debug: { type: 'boolean', default: false },
  },
});

const logger = createStderrLogger('wyoming:demo', values.debug ? 'debug' : 'info');
const server = createDemoServer({ uri: values.uri, logger });
await server.start();
logger.info('wyoming-ts demo server: answers describe and ping; it has no speech engines');

const shutdown = async (signal: string) => {
  logger.info(`${signal}: stopping`);
  await server.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
