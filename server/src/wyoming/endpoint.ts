import { Info, type Logger, silentLogger } from 'wyoming-ts';
import { type WyomingConnection, WyomingServer } from 'wyoming-ts/node';
import type { SatelliteFleet } from '../satellites/fleet.js';
import { DECODER_LIMITS, validatePeerEvent } from './limits.js';
import { allowPeers } from './peers.js';
import { ServiceConnection, type ServiceDeps } from './services.js';

export interface EndpointOptions {
  uri: string;
  /** Satellites that connect in are driven by the fleet, which knows their names. */
  fleet: SatelliteFleet;
  services: ServiceDeps;
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
 * `satellite` section is a satellite connecting in, driven like any other once its name and
 * address check out; everything else is a client (Home Assistant) using the server's asr, tts,
 * wake and handle services. Peers outside `allowedPeers`, past the connection cap, idle too
 * long or sending events out of bounds are refused with an `error` and closed.
 */
export function createWyomingEndpoint(options: EndpointOptions): WyomingServer {
  const logger = options.logger ?? silentLogger;
  return new WyomingServer({
    uri: options.uri,
    logger,
    handler: (connection) => route(connection, options),
    admit: options.allowedPeers ? allowPeers(options.allowedPeers) : undefined,
    maxConnections: options.maxConnections,
    idleTimeoutMs: options.idleTimeoutMs,
    limits: DECODER_LIMITS,
    validate: validatePeerEvent,
  });
}

async function route(connection: WyomingConnection, options: EndpointOptions): Promise<void> {
  const first = await connection.readEvent();
  if (!first) return;
  if (first.type === 'info') {
    const satellite = Info.fromEvent(first).satellite;
    if (satellite) return options.fleet.driveIncoming(connection, first, satellite);
  }
  const service = new ServiceConnection(connection, options.services);
  try {
    await service.handle(first);
    for await (const event of connection) await service.handle(event);
  } finally {
    await service.close();
  }
}
