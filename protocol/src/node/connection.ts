import type { Socket } from 'node:net';
import { type DecoderLimits, EventDecoder } from '../decoder.js';
import { WyomingError } from '../error.js';
import { ProtocolError, TimeoutError } from '../errors.js';
import type { Event, Eventable } from '../event.js';
import { encodeEvent } from '../framing.js';
import { type Logger, silentLogger } from '../logger.js';

export interface ConnectionOptions {
  /** Size limits for incoming frames (defaults: 64 KiB header, 1 MiB data, 16 MiB payload). */
  limits?: Partial<DecoderLimits>;
  /**
   * Close the connection when it waits this long on the peer: for a whole event while a reader
   * waits (bytes that do not complete one do not count, so a peer sending one byte a second is
   * cut), or for the peer to take what was written. 0 = never.
   */
  idleTimeoutMs?: number;
  /**
   * Checks each incoming event before anyone reads it; a `ProtocolError` it throws rejects the
   * peer as corrupt bytes do (an `error` event, then the connection closes).
   */
  validate?: (event: Event) => void;
  /** Stop reading from the socket while this many events wait to be consumed (default 256)... */
  maxQueuedEvents?: number;
  /** ...or while their payloads add up to this many bytes (default 4 MiB). */
  maxQueuedBytes?: number;
  logger?: Logger;
}

interface Waiter {
  resolve(event: Event | null): void;
  reject(error: Error): void;
}

const CLOSE_GRACE_MS = 2000;

/**
 * One Wyoming conversation over a socket: events in (as an async iterator or `readEvent`),
 * events out (`write`, which waits while the socket is backed up). A peer that sends corrupt
 * bytes is told so with an `error` event and disconnected; the reader sees a `ProtocolError`.
 */
export class WyomingConnection implements AsyncIterable<Event> {
  /** `address:port` of the peer, for logs (`unix-peer` on a unix socket). */
  readonly remote: string;
  /** The peer's IP address; undefined on a unix socket. */
  readonly remoteAddress: string | undefined;
  readonly closed: Promise<void>;
  private readonly decoder: EventDecoder;
  private readonly queue: Event[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly maxQueued: number;
  private readonly maxQueuedBytes: number;
  private queuedBytes = 0;
  private readonly logger: Logger;
  private readDone = false;
  private readError: Error | undefined;
  private readonly idleMs: number;
  private readonly validate: ((event: Event) => void) | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly socket: Socket,
    options: ConnectionOptions = {},
  ) {
    this.decoder = new EventDecoder(options.limits);
    this.maxQueued = options.maxQueuedEvents ?? 256;
    this.maxQueuedBytes = options.maxQueuedBytes ?? 4 * 1024 * 1024;
    this.logger = options.logger ?? silentLogger;
    this.remote = describeRemote(socket);
    this.remoteAddress = socket.remoteAddress;
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.onEnd());
    socket.on('error', (error) => this.finishReading(error));
    socket.on('close', () => this.finishReading(undefined));
    this.idleMs = options.idleTimeoutMs ?? 0;
    this.validate = options.validate;
  }

  /** The next event, or `null` once the peer has closed cleanly on an event boundary. */
  readEvent(): Promise<Event | null> {
    const event = this.queue.shift();
    if (event) {
      this.queuedBytes -= event.payload?.byteLength ?? 0;
      if (this.socket.isPaused() && !this.readFailed && !this.queueIsFull()) this.socket.resume();
      return Promise.resolve(event);
    }
    if (this.readDone) {
      return this.readError ? Promise.reject(this.readError) : Promise.resolve(null);
    }
    this.armIdle();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Event> {
    for (;;) {
      const event = await this.readEvent();
      if (event === null) return;
      yield event;
    }
  }

  /** Writes one event; resolves once the socket can take more (backpressure). */
  write(value: Event | Eventable): Promise<void> {
    if (this.socket.destroyed || !this.socket.writable) {
      return Promise.reject(new ProtocolError(`${this.remote}: connection is closed`, 'closed'));
    }
    if (this.socket.write(encodeEvent(value))) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer =
        this.idleMs > 0 ? setTimeout(() => this.onIdle('to read what we sent'), this.idleMs) : 0;
      const onDrain = () => {
        clearTimeout(timer);
        this.socket.off('close', onClose);
        resolve();
      };
      const onClose = () => {
        clearTimeout(timer);
        this.socket.off('drain', onDrain);
        reject(new ProtocolError(`${this.remote}: connection closed while writing`, 'closed'));
      };
      this.socket.once('drain', onDrain);
      this.socket.once('close', onClose);
    });
  }

  /** Why reading stopped, when the peer broke the protocol or went idle. */
  get readFailure(): Error | undefined {
    return this.readError;
  }

  /** Events received and not yet read. */
  get pendingEvents(): number {
    return this.queue.length;
  }

  get isOpen(): boolean {
    return !this.socket.destroyed;
  }

  /** Flushes what was written, ends the connection and waits for it to close. */
  async close(): Promise<void> {
    if (this.socket.destroyed) return;
    this.socket.end();
    const timer = setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS);
    await this.closed;
    clearTimeout(timer);
  }

  /** Drops the connection at once. */
  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (this.readDone) return;
    let events: Event[];
    try {
      events = this.decoder.push(chunk);
      for (const event of events) this.validate?.(event);
    } catch (error) {
      this.rejectPeer(asProtocolError(error));
      return;
    }
    for (const event of events) {
      const waiter = this.waiters.shift();
      if (waiter) {
        waiter.resolve(event);
      } else {
        this.queue.push(event);
        this.queuedBytes += event.payload?.byteLength ?? 0;
      }
    }
    if (this.waiters.length === 0) this.disarmIdle();
    if (this.queueIsFull()) this.socket.pause();
  }

  /** A reader waits on the peer: it has `idleMs` to send a whole event. */
  private armIdle(): void {
    if (this.idleMs > 0 && this.idleTimer === undefined) {
      this.idleTimer = setTimeout(() => this.onIdle('for a whole event'), this.idleMs);
    }
  }

  private disarmIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private onIdle(waitingFor: string): void {
    this.idleTimer = undefined;
    if (this.socket.destroyed) return;
    this.logger.info(`${this.remote}: waited ${this.idleMs} ms ${waitingFor}; closing`);
    this.finishReading(new TimeoutError(`connection idle for ${this.idleMs} ms`, this.idleMs));
    this.socket.destroy();
  }

  private queueIsFull(): boolean {
    return this.queue.length >= this.maxQueued || this.queuedBytes >= this.maxQueuedBytes;
  }

  private get readFailed(): boolean {
    return this.readDone && this.readError !== undefined;
  }

  private onEnd(): void {
    try {
      this.decoder.end();
      this.finishReading(undefined);
    } catch (error) {
      this.rejectPeer(error as ProtocolError);
    }
  }

  /** Corrupt input: say why with an `error` event where the socket still allows it, then close. */
  private rejectPeer(error: ProtocolError): void {
    this.logger.warn(`${this.remote}: ${error.message}; closing the connection`);
    this.finishReading(error);
    this.socket.pause();
    if (this.socket.writable) {
      const reply = new WyomingError({ text: error.message, code: error.code });
      this.socket.end(encodeEvent(reply));
      setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
    } else {
      this.socket.destroy();
    }
  }

  private finishReading(error: Error | undefined): void {
    if (this.readDone) return;
    this.readDone = true;
    this.disarmIdle();
    this.readError = error;
    for (const waiter of this.waiters.splice(0)) {
      if (error) waiter.reject(error);
      else waiter.resolve(null);
    }
  }
}

function asProtocolError(error: unknown): ProtocolError {
  if (error instanceof ProtocolError) return error;
  return new ProtocolError(`unacceptable input: ${String(error)}`, 'protocol-error', {
    cause: error,
  });
}

function describeRemote(socket: Socket): string {
  if (socket.remoteAddress) return `${socket.remoteAddress}:${socket.remotePort}`;
  return 'unix-peer';
}
