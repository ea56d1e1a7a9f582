import { WyomingError } from '../error.js';
import type { Event } from '../event.js';
import { Info } from '../info.js';
import { type Logger, silentLogger } from '../logger.js';
import { Ping, Pong } from '../ping.js';
import type { WyomingConnection } from './connection.js';
import { WyomingServer } from './server.js';

const DEMO_INFO = new Info();

/** Requests a real service would answer; the demo says plainly that it cannot. */
const SERVICE_REQUESTS = new Set([
  'transcribe',
  'synthesize',
  'synthesize-start',
  'detect',
  'recognize',
  'run-pipeline',
]);

/**
 * The protocol's demo server: it answers `describe` (no services) and `ping`, and tells every
 * service request that no engine is available. Useful to check that a peer speaks Wyoming.
 */
export function createDemoServer(options: { uri: string; logger?: Logger }): WyomingServer {
  const logger = options.logger ?? silentLogger;
  return new WyomingServer({
    uri: options.uri,
    logger,
    idleTimeoutMs: 0,
    handler: (connection) => serveDemo(connection, logger),
  });
}

async function serveDemo(connection: WyomingConnection, logger: Logger): Promise<void> {
  for await (const event of connection) {
    logger.debug(`${connection.remote}: ${event.type}`);
    const reply = demoReply(event);
    if (reply) await connection.write(reply);
  }
}

function demoReply(event: Event) {
  if (event.type === 'describe') return DEMO_INFO;
  if (Ping.isType(event.type)) return new Pong({ text: Ping.fromEvent(event).text });
  if (SERVICE_REQUESTS.has(event.type)) {
    return new WyomingError({
      text: `the wyoming-ts demo server has no engine for '${event.type}'`,
      code: 'not-supported',
    });
  }
  return undefined;
}
