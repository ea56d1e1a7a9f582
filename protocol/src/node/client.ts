import { createConnection, type Socket } from 'node:net';
import { ProtocolError, TimeoutError } from '../errors.js';
import type { Event, Eventable } from '../event.js';
import { type ConnectionOptions, WyomingConnection } from './connection.js';
import { parseUri } from './uri.js';

export interface WyomingClientOptions extends ConnectionOptions {
  /** Give up connecting after this long (default 10 s). */
  connectTimeoutMs?: number;
}

/** A client connection to a Wyoming service at `tcp://host:port` or `unix://path`. */
export class WyomingClient {
  private current: WyomingConnection | undefined;

  constructor(
    readonly uri: string,
    private readonly options: WyomingClientOptions = {},
  ) {
    parseUri(uri);
  }

  static async connect(
    uri: string,
    options: WyomingClientOptions & { signal?: AbortSignal } = {},
  ): Promise<WyomingClient> {
    const client = new WyomingClient(uri, options);
    await client.connect(options.signal);
    return client;
  }

  /** The current connection (possibly closed by now); throws before the first connect. */
  get connection(): WyomingConnection {
    if (!this.current) {
      throw new ProtocolError(`not connected to ${this.uri}`, 'not-connected');
    }
    return this.current;
  }

  get isConnected(): boolean {
    return this.current?.isOpen ?? false;
  }

  async connect(signal?: AbortSignal): Promise<WyomingConnection> {
    const socket = await openSocket(this.uri, this.options.connectTimeoutMs ?? 10_000, signal);
    this.current = new WyomingConnection(socket, this.options);
    return this.current;
  }

  write(event: Event | Eventable): Promise<void> {
    return this.connection.write(event);
  }

  readEvent(): Promise<Event | null> {
    return this.connection.readEvent();
  }

  events(): AsyncIterable<Event> {
    return this.connection;
  }

  async disconnect(): Promise<void> {
    await this.current?.close();
    this.current = undefined;
  }
}

function openSocket(uri: string, timeoutMs: number, signal?: AbortSignal): Promise<Socket> {
  const address = parseUri(uri);
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const socket =
      address.kind === 'unix'
        ? createConnection({ path: address.path })
        : createConnection({ host: address.host, port: address.port });
    const fail = (error: Error) => {
      cleanup();
      socket.destroy();
      reject(error);
    };
    const onAbort = () => fail(signal?.reason ?? new Error('aborted'));
    const timer = setTimeout(
      () =>
        fail(new TimeoutError(`connecting to ${uri} timed out after ${timeoutMs} ms`, timeoutMs)),
      timeoutMs,
    );
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('error', fail);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once('connect', () => {
      cleanup();
      resolve(socket);
    });
  });
}
