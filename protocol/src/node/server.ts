import { lstat, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { WyomingError } from '../error.js';
import { ProtocolError, TimeoutError } from '../errors.js';
import { type Logger, silentLogger } from '../logger.js';
import { type ConnectionOptions, WyomingConnection } from './connection.js';
import { formatUri, parseUri, type WyomingAddress } from './uri.js';

/** Serves one connection; the connection is closed when the returned promise settles. */
export type ConnectionHandler = (connection: WyomingConnection) => void | Promise<void>;

export interface WyomingServerOptions extends ConnectionOptions {
  /** `tcp://host:port` (port 0 picks a free one) or `unix://path`. */
  uri: string;
  handler: ConnectionHandler;
}

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
    const connection = new WyomingConnection(socket, { ...this.options, logger: this.logger });
    this.logger.debug(`${connection.remote}: connected`);
    const served = this.serve(connection).finally(() => {
      this.active.delete(connection);
      this.logger.debug(`${connection.remote}: disconnected`);
    });
    this.active.set(connection, served);
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
    if (error instanceof ProtocolError || error instanceof TimeoutError) {
      // Already logged and answered by the connection itself.
      this.logger.debug(`${connection.remote}: ${error.message}`);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`${connection.remote}: handler failed: ${message}`);
    const reply = new WyomingError({ text: 'internal error', code: 'internal-error' });
    await connection.write(reply).catch(() => {});
  }
}

async function removeStaleSocket(path: string): Promise<void> {
  const stat = await lstat(path).catch(() => undefined);
  if (stat?.isSocket()) await unlink(path);
}
