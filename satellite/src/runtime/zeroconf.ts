import { Bonjour } from 'bonjour-service';
import { type Logger, silentLogger } from 'wyoming-ts';

/** Advertises the satellite as `_wyoming._tcp` so Home Assistant discovers it. */
export function advertise(options: {
  name: string;
  port: number;
  logger?: Logger;
}): () => Promise<void> {
  const logger = options.logger ?? silentLogger;
  const bonjour = new Bonjour(undefined, (error: Error) =>
    logger.warn(`zeroconf: ${error.message}`),
  );
  const service = bonjour.publish({
    name: options.name,
    type: 'wyoming',
    protocol: 'tcp',
    port: options.port,
  });
  service.on('error', (error: Error) => logger.warn(`zeroconf: ${error.message}`));
  logger.info(`zeroconf: advertising "${options.name}" as _wyoming._tcp on port ${options.port}`);
  return () =>
    new Promise<void>((resolve) => {
      bonjour.unpublishAll(() => {
        bonjour.destroy();
        resolve();
      });
    });
}
