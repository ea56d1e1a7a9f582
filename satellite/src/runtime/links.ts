import { type Event, type Logger, silentLogger } from 'wyoming-ts';
import { WyomingClient, type WyomingConnection, WyomingServer } from 'wyoming-ts/node';
import type { Satellite, ServerLink } from './satellite.js';

function linkOf(connection: WyomingConnection, id: string): ServerLink {
  return {
    id,
    send: (event) => connection.write(event),
    close: () => void connection.close(),
  };
}

/** Reads a link's events into the satellite until the connection ends, however it ends. */
async function pump(
  satellite: Satellite,
  link: ServerLink,
  connection: WyomingConnection,
  logger: Logger,
): Promise<void> {
  try {
    for await (const event of connection) satellite.receive(link, event);
  } catch (error) {
    logger.warn(`${link.id}: ${(error as Error).message}`);
  } finally {
    satellite.detach(link);
  }
}

/**
 * Serves Wyoming for Home Assistant (`--uri`). Any connection may `describe`; the first that
 * sends anything else drives the satellite until it disconnects, and the others are refused
 * meanwhile (unless `--allow-takeover`: see `controllers.ts`).
 */
export function serveForHomeAssistant(
  satellite: Satellite,
  options: { uri: string; logger?: Logger },
): WyomingServer {
  const logger = options.logger ?? silentLogger;
  return new WyomingServer({
    uri: options.uri,
    logger,
    handler: (connection) =>
      pump(satellite, linkOf(connection, connection.remote), connection, logger),
  });
}

export interface ServerConnectionOptions {
  uri: string;
  logger?: Logger;
  /** Reconnect delays: from `minBackoffMs` doubling up to `maxBackoffMs`, with jitter. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Connects to a Jarvis server (`--server`), opens with `info`, and lets the server drive the
 * satellite over that socket. Reconnects with exponential backoff and jitter until stopped.
 */
export class ServerConnection {
  private stopped = false;
  private client: WyomingClient | undefined;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  /** Connections made so far (for logs and tests). */
  connects = 0;

  constructor(
    private readonly satellite: Satellite,
    private readonly info: () => Event | { toEvent(): Event },
    private readonly options: ServerConnectionOptions,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.client?.disconnect();
    await this.loop;
  }

  private async run(): Promise<void> {
    const logger = this.options.logger ?? silentLogger;
    const min = this.options.minBackoffMs ?? 500;
    const max = this.options.maxBackoffMs ?? 30_000;
    let backoff = min;
    while (!this.stopped) {
      try {
        const client = await WyomingClient.connect(this.options.uri, { connectTimeoutMs: 5000 });
        this.client = client;
        this.connects++;
        backoff = min;
        await client.write(this.info());
        const link = linkOf(client.connection, this.options.uri);
        this.satellite.attach(link);
        await pump(this.satellite, link, client.connection, logger);
      } catch (error) {
        logger.warn(`cannot reach ${this.options.uri}: ${(error as Error).message}`);
      }
      if (this.stopped) break;
      const delay = backoff / 2 + Math.random() * (backoff / 2);
      logger.info(`reconnecting to ${this.options.uri} in ${Math.round(delay)} ms`);
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        setTimeout(resolve, delay);
      });
      backoff = Math.min(backoff * 2, max);
    }
  }
}
