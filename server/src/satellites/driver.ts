import { Describe, type Event, type Logger, silentLogger, WyomingError } from 'wyoming-ts';
import { WyomingClient, type WyomingConnection } from 'wyoming-ts/node';
import { DECODER_LIMITS, validatePeerEvent } from '../wyoming/limits.js';
import type { SatelliteRegistry } from './registry.js';

export interface DriverTiming {
  pingIntervalMs: number;
  pingTimeoutMs: number;
  reconnectMinMs: number;
  reconnectMaxMs: number;
}

/**
 * Drives a satellite over one open connection until it closes: `run-satellite` and `describe`
 * first, then every event to its session, and a `ping` every few seconds; a satellite that
 * stops answering is disconnected (and, if the server dialled it, dialled again). Resolves with
 * the last `error` the satellite sent (a satellite another controller holds refuses with one).
 */
export async function driveConnection(
  registry: SatelliteRegistry,
  id: string,
  connection: WyomingConnection,
  timing: DriverTiming,
  logger: Logger,
  /** Events already read from the connection (a satellite that connected in opens with info). */
  opening: readonly Event[] = [],
): Promise<WyomingError | undefined> {
  let lastError: WyomingError | undefined;
  const session = registry.attach(id, { send: (event) => connection.write(event) });
  for (const event of opening) {
    registry.observe(id, event);
    await session.handle(event);
  }
  let lastPong = performance.now();
  const pinger = setInterval(() => {
    if (performance.now() - lastPong > timing.pingTimeoutMs) {
      logger.warn(`${session.name}: no pong for ${timing.pingTimeoutMs} ms, disconnecting`);
      connection.destroy();
      return;
    }
    void session.ping(String(Date.now())).catch(() => {});
  }, timing.pingIntervalMs);
  try {
    for (const event of registry.opening(id)) await connection.write(event);
    await connection.write(new Describe());
    for await (const event of connection) {
      if (event.type === 'pong') lastPong = performance.now();
      else {
        registry.observe(id, event);
        await session.handle(event);
      }
      if (event.type === 'error') lastError = WyomingError.fromEvent(event);
    }
  } catch (error) {
    // A peer that broke the protocol or went idle was logged once, with its address, already.
    if (error === connection.readFailure)
      logger.debug(`${session.name}: ${(error as Error).message}`);
    else logger.warn(`${session.name}: ${(error as Error).message}`);
  } finally {
    clearInterval(pinger);
    registry.detach(id, session);
  }
  return lastError;
}

/**
 * A satellite the server dials (from the config or zeroconf), as Home Assistant does:
 * reconnects with exponential backoff and jitter until stopped.
 */
export class SatelliteDialer {
  /** Why the satellite last turned the server away (`satellite-busy: ...`), if it did. */
  lastRefusal: string | undefined;
  private stopped = false;
  private client: WyomingClient | undefined;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly registry: SatelliteRegistry,
    readonly uri: string,
    private readonly timing: DriverTiming,
    private readonly logger: Logger = silentLogger,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.client?.disconnect();
    await this.loop;
  }

  /** Logs a refusal once at warn (repeats at debug), and forgets it when one ends cleanly. */
  private noteRefusal(error: WyomingError | undefined): void {
    const refusal = error ? `${error.code ?? 'error'}: ${error.text}` : undefined;
    if (refusal && refusal !== this.lastRefusal) {
      this.logger.warn(
        `satellite ${this.uri} turned the server away (${JSON.stringify(refusal)}); another controller such as Home Assistant may hold it; retrying`,
      );
    } else if (refusal) {
      this.logger.debug(`satellite ${this.uri} still turns the server away`);
    }
    this.lastRefusal = refusal;
  }

  private async run(): Promise<void> {
    let backoff = this.timing.reconnectMinMs;
    while (!this.stopped) {
      try {
        this.client = await WyomingClient.connect(this.uri, {
          connectTimeoutMs: 5000,
          limits: DECODER_LIMITS,
          validate: validatePeerEvent,
        });
        this.logger.info(`satellite ${this.uri} connected`);
        backoff = this.timing.reconnectMinMs;
        const error = await driveConnection(
          this.registry,
          this.uri,
          this.client.connection,
          this.timing,
          this.logger,
        );
        this.noteRefusal(error);
      } catch (error) {
        this.logger.debug(`satellite ${this.uri}: ${(error as Error).message}`);
      }
      if (this.stopped) break;
      const delay = backoff / 2 + Math.random() * (backoff / 2);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, delay);
      });
      backoff = Math.min(backoff * 2, this.timing.reconnectMaxMs);
    }
  }
}
