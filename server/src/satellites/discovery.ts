import { Bonjour } from 'bonjour-service';
import { Describe, Info, type Logger, type Satellite, silentLogger } from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';

export interface FoundService {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

/**
 * Watches the network for Wyoming services; returns the stop function. `onFound` resolves once
 * the service has been looked at (tests wait for it; zeroconf does not).
 */
export type Browse = (onFound: (service: FoundService) => Promise<void>) => () => void;

/** Browses `_wyoming._tcp` over mDNS with bonjour-service. */
export const browseZeroconf: Browse = (onFound) => {
  const bonjour = new Bonjour();
  const browser = bonjour.find({ type: 'wyoming' }, (service) => {
    const host = service.addresses?.find((address) => address.includes('.')) ?? service.host;
    void onFound({ name: service.name, host, port: service.port });
  });
  return () => {
    browser.stop();
    bonjour.destroy();
  };
};

/** Asks a Wyoming service what it is: its `info`, or undefined when it does not answer. */
export async function probe(uri: string, timeoutMs = 3000): Promise<Info | undefined> {
  let client: WyomingClient | undefined;
  try {
    client = await WyomingClient.connect(uri, { connectTimeoutMs: timeoutMs });
    await client.write(new Describe());
    const deadline = AbortSignal.timeout(timeoutMs);
    for (;;) {
      const event = await Promise.race([
        client.readEvent(),
        new Promise<null>((resolve) => deadline.addEventListener('abort', () => resolve(null))),
      ]);
      if (!event) return undefined;
      if (event.type === 'info') return Info.fromEvent(event);
    }
  } catch {
    return undefined;
  } finally {
    await client?.disconnect();
  }
}

/**
 * Finds satellites on the network: every `_wyoming._tcp` service whose `info` has a
 * `satellite` section is handed to `onSatellite` once (by URI). Only `describe` is sent, which
 * a satellite answers whoever asks: finding one never takes it from its controller.
 */
export function discoverSatellites(options: {
  browse: Browse;
  onSatellite: (uri: string, satellite: Satellite) => void;
  /** URIs to leave alone: satellites the server drives already, its own endpoint. */
  known: (uri: string) => boolean;
  logger?: Logger;
}): () => void {
  const logger = options.logger ?? silentLogger;
  const seen = new Set<string>();
  return options.browse(async (service) => {
    const uri = `tcp://${service.host}:${service.port}`;
    if (seen.has(uri) || options.known(uri)) return;
    seen.add(uri);
    const info = await probe(uri);
    if (info?.satellite) options.onSatellite(uri, info.satellite);
    else logger.debug(`zeroconf: ${JSON.stringify(service.name)} at ${uri} is not a satellite`);
  });
}
