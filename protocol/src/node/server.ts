import { lstat, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { WyomingError } from '../error.js';
import { ProtocolError, TimeoutError } from '../errors.js';
import { encodeEvent } from '../framing.js';
import { type Logger, silentLogger } from '../logger.js';
import { type ConnectionOptions, WyomingConnection } from './connection.js';
import { formatUri, parseUri, type WyomingAddress } from './uri.js';

/** Serves one connection; the connection is closed when the returned promise settles. */
export type ConnectionHandler = (connection: WyomingConnection) => void | Promise<void>;

export interface WyomingServerOptions extends ConnectionOptions {
  /** `tcp://host:port` (port 0 picks a free one) or `unix://path`. */
  uri: string;
  handler: ConnectionHandler;
  /** Connections served at once; one more is told so with an `error` and closed. */
  maxConnections?: number;
  /** Whether a peer (its IP address; undefined on a unix socket) may connect: why not, or undefined. */
  admit?: (address: string | undefined) => string | undefined;
}

const REFUSAL_GRACE_MS = 1000;

/**
 * A Wyoming server: one handler call per connection. A handler that throws, or a peer that
 * sends garbage, costs that one connection; the server goes on serving the others.
 */
export class WyomingServer {
  private readonly address: WyomingAddress;
  private readonly logger: Logger;
  private readonly server: Server;
  private readonly active = new Map<WyomingConnection, Promise<void>>();
  private boundUri: string | undefined;
  /** Set while over the cap, so a flood of refusals is logged once, not once per connection. */
  private full = false;

  constructor(private readonly options: WyomingServerOptions) {
    this.address = parseUri(options.uri);
    this.logger = options.logger ?? silentLogger;
    // Half-open, so a peer that stops mid-frame still hears why before we close.
    this.server = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
  }

  /** The URI actually listened on (with the real port when 0 was asked for). */
  get uri(): string {
    if (!this.boundUri) throw new ProtocolError('server is not started', 'not-started');
    return this.boundUri;
  }

  get connectionCount(): number {
    return this.active.size;
  }

  async start(): Promise<string> {
    if (this.address.kind === 'unix') await removeStaleSocket(this.address.path);
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      const onListening = () => {
        this.server.off('error', reject);
        resolve();
      };
      if (this.address.kind === 'unix') this.server.listen(this.address.path, onListening);
      else this.server.listen(this.address.port, this.address.host, onListening);
    });
    this.server.on('error', (error) => this.logger.error(`server error: ${error.message}`));
    const bound = this.server.address();
    this.boundUri =
      this.address.kind === 'tcp' && bound && typeof bound === 'object'
        ? formatUri({ kind: 'tcp', host: this.address.host, port: bound.port })
        : formatUri(this.address);
    this.logger.info(`listening on ${this.boundUri}`);
    return this.boundUri;
  }

  /** Stops accepting, closes every connection, and waits for the handlers to finish. */
  async stop(): Promise<void> {
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.active.keys()) void connection.close();
    await Promise.allSettled(this.active.values());
    await closing;
    if (this.address.kind === 'unix') await unlink(this.address.path).catch(() => {});
  }

  private accept(socket: Socket): void {
    const refusal = this.refusalFor(socket);
    if (refusal) {
      refuse(socket, refusal);
      return;
    }
    const connection = new WyomingConnection(socket, { ...this.options, logger: this.logger });
    this.logger.debug(`${connection.remote}: connected`);
    const served = this.serve(connection).finally(() => {
      this.active.delete(connection);
      this.logger.debug(`${connection.remote}: disconnected`);
    });
    this.active.set(connection, served);
  }

  private refusalFor(socket: Socket): WyomingError | undefined {
    const peer = socket.remoteAddress;
    const where = peer ? `${peer}:${socket.remotePort}` : 'unix-peer';
    const denied = this.options.admit?.(peer);
    if (denied !== undefined) {
      this.logger.warn(`${where}: refused: ${denied}`);
      return new WyomingError({ text: denied, code: 'peer-not-allowed' });
    }
    const cap = this.options.maxConnections;
    if (cap === undefined || this.active.size < cap) {
      this.full = false;
      return undefined;
    }
    const text = `too many connections (at most ${cap})`;
    if (this.full) this.logger.debug(`${where}: refused: ${text}`);
    else this.logger.warn(`${where}: refused: ${text}; refusing more until some close`);
    this.full = true;
    return new WyomingError({ text, code: 'too-many-connections' });
  }

  private async serve(connection: WyomingConnection): Promise<void> {
    try {
      await this.options.handler(connection);
    } catch (error) {
      await this.reportHandlerError(connection, error);
    } finally {
      await connection.close();
    }
  }

  private async reportHandlerError(connection: WyomingConnection, error: unknown): Promise<void> {
    if (error === connection.readFailure || error instanceof TimeoutError) {
      // Already logged and answered by the connection itself.
      this.logger.debug(`${connection.remote}: ${(error as Error).message}`);
      return;
    }
    if (error instanceof ProtocolError) {
      // An event that decoded but made no sense (a field of the wrong type): the peer's mistake.
      this.logger.warn(`${connection.remote}: ${error.message}; closing the connection`);
      const reply = new WyomingError({ text: error.message, code: error.code });
      await connection.write(reply).catch(() => {});
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`${connection.remote}: handler failed: ${message}`);
    const reply = new WyomingError({ text: 'internal error', code: 'internal-error' });
    await connection.write(reply).catch(() => {});
  }
}

/** Tells a refused peer why, without reading what it sends, and closes. */
function refuse(socket: Socket, reply: WyomingError): void {
  socket.on('error', () => {});
  socket.pause();
  socket.end(encodeEvent(reply));
  setTimeout(() => socket.destroy(), REFUSAL_GRACE_MS).unref();
}

async function removeStaleSocket(path: string): Promise<void> {
  const stat = await lstat(path).catch(() => undefined);
  if (stat?.isSocket()) await unlink(path);
}
