import { Info, type Logger, silentLogger } from 'wyoming-ts';
import { type WyomingConnection, WyomingServer } from 'wyoming-ts/node';
import { type DriverTiming, driveConnection } from '../satellites/driver.js';
import type { SatelliteRegistry } from '../satellites/registry.js';
import { DECODER_LIMITS, validatePeerEvent } from './limits.js';
import { allowPeers } from './peers.js';
import { ServiceConnection, type ServiceDeps } from './services.js';

export interface EndpointOptions {
  uri: string;
  registry: SatelliteRegistry;
  services: ServiceDeps;
  timing: DriverTiming;
  /** CIDR networks allowed to connect (`wyoming.allowed_peers`); everyone when absent. */
  allowedPeers?: readonly string[];
  /** `wyoming.idle_timeout_ms`; 0 or absent: never. */
  idleTimeoutMs?: number;
  /** `wyoming.max_connections`; absent: no cap. */
  maxConnections?: number;
  logger?: Logger;
}

/**
 * The server's Wyoming endpoint (10600). A connection that opens with an `info` carrying a
 * `satellite` section is a satellite connecting in, driven like any other; everything else is a
 * client (Home Assistant) using the server's asr, tts, wake and handle services.
 */
export function createWyomingEndpoint(options: EndpointOptions): WyomingServer {
  const logger = options.logger ?? silentLogger;
  return new WyomingServer({
    uri: options.uri,
    logger,
    handler: (connection) => route(connection, options, logger),
    admit: options.allowedPeers ? allowPeers(options.allowedPeers) : undefined,
    maxConnections: options.maxConnections,
    idleTimeoutMs: options.idleTimeoutMs,
    limits: DECODER_LIMITS,
    validate: validatePeerEvent,
  });
}

async function route(
  connection: WyomingConnection,
  options: EndpointOptions,
  logger: Logger,
): Promise<void> {
  const first = await connection.readEvent();
  if (!first) return;
  if (first.type === 'info') {
    const satellite = Info.fromEvent(first).satellite;
    if (satellite) {
      const id = satellite.name || connection.remote;
      logger.info(`satellite ${id} connected in from ${connection.remote}`);
      await driveConnection(options.registry, id, connection, options.timing, logger, [first]);
      return;
    }
  }
  const service = new ServiceConnection(connection, options.services);
  try {
    await service.handle(first);
    for await (const event of connection) await service.handle(event);
  } finally {
    await service.close();
  }
}
