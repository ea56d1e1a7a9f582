// One request to a remote Wyoming service (whisper, piper, ...) as the engines make it: connect
// with a timeout, write events, read events with a per-read timeout, honour an AbortSignal,
// and turn every way it can fail into an `EngineError` (retryable when the service is down,
// slow, or dropped the connection). Shared by the Wyoming speech-to-text and text-to-speech
// engines.
import {
  Describe,
  type Event,
  type Eventable,
  Info,
  ProtocolError,
  TimeoutError,
  WyomingError,
} from 'wyoming-ts';
import { WyomingClient, type WyomingConnection } from 'wyoming-ts/node';
import { EngineError } from '../../errors.js';

export interface WyomingSessionOptions {
  readonly uri: string;
  /** The engine name errors carry (`wyoming:tcp://core-whisper:10300`). */
  readonly engine: string;
  /** Give up connecting after this long (default 3 s). */
  readonly connectTimeoutMs?: number;
  /** Give up when no event arrives for this long (default 15 s). */
  readonly responseTimeoutMs?: number;
}

/** The session options of a Wyoming client engine, named `wyoming:<uri>`. */
export function wyomingSessionOptions(options: {
  readonly uri: string;
  readonly connectTimeoutMs?: number;
  readonly responseTimeoutMs?: number;
}): WyomingSessionOptions {
  return {
    uri: options.uri,
    engine: `wyoming:${options.uri}`,
    connectTimeoutMs: options.connectTimeoutMs,
    responseTimeoutMs: options.responseTimeoutMs,
  };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOENT', // a unix socket that is not there (yet)
  'EPIPE',
]);

/** An open connection to a Wyoming service for one request. */
export class WyomingSession {
  private constructor(
    private readonly options: WyomingSessionOptions,
    private readonly connection: WyomingConnection,
    private readonly signal: AbortSignal | undefined,
  ) {}

  static async open(options: WyomingSessionOptions, signal?: AbortSignal): Promise<WyomingSession> {
    signal?.throwIfAborted();
    const client = new WyomingClient(options.uri, {
      connectTimeoutMs: options.connectTimeoutMs ?? 3000,
    });
    try {
      return new WyomingSession(options, await client.connect(signal), signal);
    } catch (error) {
      signal?.throwIfAborted();
      throw toEngineError(options, 'cannot connect', error);
    }
  }

  async write(...events: (Event | Eventable)[]): Promise<void> {
    for (const event of events) {
      this.signal?.throwIfAborted();
      try {
        await this.connection.write(event);
      } catch (error) {
        throw toEngineError(this.options, 'connection lost while sending', error);
      }
    }
  }

  /**
   * The next event; `null` when the service closed the connection. A Wyoming `error` event
   * becomes an `EngineError`; so does silence longer than the response timeout.
   */
  async next(timeoutMs = this.options.responseTimeoutMs ?? 15_000): Promise<Event | null> {
    const event = await this.race(this.connection.readEvent(), timeoutMs);
    if (event && WyomingError.isType(event.type)) {
      const { text, code } = WyomingError.fromEvent(event);
      throw new EngineError(
        this.options.engine,
        `service error${code ? ` (${code})` : ''}: ${text}`,
      );
    }
    return event;
  }

  /** Ends the connection politely. */
  async close(): Promise<void> {
    await this.connection.close().catch(() => {});
  }

  /** Drops the connection at once. */
  destroy(): void {
    this.connection.destroy();
  }

  private race<T>(reading: Promise<T>, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        this.signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        settle();
        this.destroy();
        reject(this.signal?.reason);
      };
      const timer = setTimeout(() => {
        settle();
        this.destroy();
        const cause = new TimeoutError(`no event for ${timeoutMs} ms`, timeoutMs);
        reject(toEngineError(this.options, `no answer within ${timeoutMs} ms`, cause));
      }, timeoutMs);
      if (this.signal?.aborted) return onAbort();
      this.signal?.addEventListener('abort', onAbort, { once: true });
      reading.then(
        (value) => (settle(), resolve(value)),
        (error: unknown) => (settle(), reject(toEngineError(this.options, 'read failed', error))),
      );
    });
  }
}

/** Asks the service what it offers (`describe` -> `info`). */
export async function describeService(
  options: WyomingSessionOptions,
  signal?: AbortSignal,
): Promise<Info> {
  const session = await WyomingSession.open(options, signal);
  try {
    await session.write(new Describe());
    for (let event = await session.next(); event; event = await session.next()) {
      if (Info.isType(event.type)) return Info.fromEvent(event);
    }
    throw new EngineError(options.engine, 'closed the connection without an info event', {
      retryable: true,
    });
  } finally {
    await session.close();
  }
}

function toEngineError(options: WyomingSessionOptions, what: string, error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const retryable =
    error instanceof TimeoutError ||
    (error instanceof ProtocolError && error.code === 'closed') ||
    (code !== undefined && NETWORK_CODES.has(code));
  const reason = error instanceof Error ? error.message : String(error);
  return new EngineError(options.engine, `${what} ${options.uri}: ${reason}`, {
    retryable,
    cause: error,
  });
}
