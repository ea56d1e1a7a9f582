// One client connection of the Home Assistant websocket test server: the auth phase, then
// commands dispatched to the server's handlers, and writes coalesced once the client asks.
import type { RawData, WebSocket } from 'ws';
import type { HaTestServer, ReceivedMessage } from './ha-test-server.js';

type Json = Record<string, unknown>;

/** A command that fails with Home Assistant's error code and message. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One client connection: the auth phase, then commands; writes coalesced once asked to. */
export class Session {
  authenticated = false;
  /** A half-open connection: nothing read, nothing written, yet not closed. */
  frozen = false;
  #lastId = 0;
  #coalesce = false;
  #queue: string[] = [];
  readonly subscriptions = new Map<number, () => void>();

  constructor(
    readonly socket: WebSocket,
    readonly server: HaTestServer,
  ) {
    socket.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    socket.on('close', () => this.#close());
    socket.on('error', () => socket.terminate());
    this.#sendNow({ type: 'auth_required', ha_version: server.haVersion });
  }

  send(message: Json): void {
    if (this.frozen || this.socket.readyState !== this.socket.OPEN) return;
    this.#queue.push(JSON.stringify(message));
    if (this.#queue.length === 1) setImmediate(() => this.#flush());
  }

  result(id: number, result: unknown = null): void {
    this.send({ id, type: 'result', success: true, result });
  }

  error(id: unknown, code: string, message: string): void {
    this.send({ id, type: 'result', success: false, error: { code, message } });
  }

  setFeatures(features: Json): void {
    this.#coalesce = 'coalesce_messages' in features;
  }

  #sendNow(message: Json): void {
    this.socket.send(JSON.stringify(message));
  }

  #flush(): void {
    const queue = this.#queue;
    this.#queue = [];
    if (this.socket.readyState !== this.socket.OPEN || queue.length === 0) return;
    if (this.#coalesce && queue.length > 1) this.socket.send(`[${queue.join(',')}]`);
    else for (const message of queue) this.socket.send(message);
  }

  #close(): void {
    for (const unsubscribe of this.subscriptions.values()) unsubscribe();
    this.subscriptions.clear();
  }

  #onMessage(data: RawData, isBinary: boolean): void {
    if (this.frozen) return;
    let message: unknown;
    try {
      message = JSON.parse(isBinary ? '' : data.toString());
    } catch {
      this.socket.close(); // "Received invalid JSON.": Home Assistant disconnects.
      return;
    }
    if (!this.authenticated) {
      this.#authenticate(message);
      return;
    }
    for (const item of Array.isArray(message) ? message : [message]) this.#handle(item);
  }

  #authenticate(message: unknown): void {
    const m = (typeof message === 'object' && message !== null ? message : {}) as Json;
    const extra = Object.keys(m).filter(
      (key) => !['type', 'access_token', 'api_password'].includes(key),
    );
    if (
      m['type'] !== 'auth' ||
      extra.length > 0 ||
      (m['access_token'] !== undefined && typeof m['access_token'] !== 'string')
    ) {
      const why =
        m['type'] !== 'auth'
          ? "value must be one of ['auth'] for dictionary value @ data['type']"
          : `extra keys not allowed @ data['${extra[0] ?? 'access_token'}']`;
      this.#sendNow({
        type: 'auth_invalid',
        message: `Auth message incorrectly formatted: ${why}`,
      });
      this.socket.close();
      return;
    }
    if (m['access_token'] !== this.server.token) {
      this.#sendNow({ type: 'auth_invalid', message: 'Invalid access token or password' });
      this.socket.close();
      return;
    }
    this.authenticated = true;
    this.#sendNow({ type: 'auth_ok', ha_version: this.server.haVersion });
  }

  #handle(message: unknown): void {
    const m = (
      typeof message === 'object' && message !== null && !Array.isArray(message)
        ? message
        : undefined
    ) as Json | undefined;
    const id = m?.['id'];
    const type = m?.['type'];
    if (
      !m ||
      typeof id !== 'number' ||
      !Number.isInteger(id) ||
      id <= 0 ||
      typeof type !== 'string' ||
      !type
    ) {
      // Home Assistant echoes whatever id a dict had (null when none), 0 for a non-dict.
      this.error(m ? (id ?? null) : 0, 'invalid_format', 'Message incorrectly formatted.');
      return;
    }
    if (id <= this.#lastId) {
      this.error(id, 'id_reuse', 'Identifier values have to increase.');
      return;
    }
    this.server.received.push(m as ReceivedMessage);
    const handler = this.server.handlers.get(type);
    if (!handler) {
      this.error(id, 'unknown_command', 'Unknown command.');
      return;
    }
    try {
      handler(this, m as ReceivedMessage);
    } catch (err) {
      if (err instanceof CommandError) this.error(id, err.code, err.message);
      else this.error(id, 'unknown_error', 'Unknown error');
    }
    this.#lastId = id;
  }
}
