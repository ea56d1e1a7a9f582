// A `createSocket` for home-assistant-js-websocket that runs on `ws`: the library expects a
// browser WebSocket and Node 20 has none. It performs Home Assistant's auth phase
// (`auth_required` -> `auth` -> `auth_ok` | `auth_invalid`), then hands the open socket over.
import {
  ERR_CANNOT_CONNECT,
  ERR_INVALID_AUTH,
  type ConnectionOptions,
  type HaWebSocket,
} from 'home-assistant-js-websocket';
import WebSocket from 'ws';

export interface WsSocketOptions {
  /** Give up on a connection attempt after this long (open + auth), in ms. */
  readonly connectTimeoutMs?: number;
  /** Errors on a socket after the auth phase (the close that follows is handled by the library). */
  readonly onSocketError?: (error: Error) => void;
}

/** Home Assistant 2022.9 and later understand `supported_features` (coalesced messages). */
export function atLeastVersion(version: string, major: number, minor: number): boolean {
  const [maj = 0, min = 0] = version.split('.', 2).map(Number);
  return maj > major || (maj === major && min >= minor);
}

/** A `createSocket` for `createConnection`; one attempt per call (the library retries). */
export function wsSocketFactory(
  factoryOptions: WsSocketOptions = {},
): (options: ConnectionOptions) => Promise<HaWebSocket> {
  return (options) =>
    new Promise<HaWebSocket>((resolve, reject) => {
      const auth = options.auth;
      if (!auth) {
        reject(ERR_CANNOT_CONNECT);
        return;
      }
      const timeoutMs = factoryOptions.connectTimeoutMs ?? 10_000;
      const socket = new WebSocket(auth.wsUrl, { handshakeTimeout: timeoutMs });
      let invalidAuth = false;
      const timer = setTimeout(() => socket.terminate(), timeoutMs);

      const cleanup = (): void => {
        clearTimeout(timer);
        socket.off('open', onOpen);
        socket.off('message', onMessage);
        socket.off('close', onClose);
      };
      const onOpen = (): void => {
        socket.send(JSON.stringify({ type: 'auth', access_token: auth.accessToken }));
      };
      const onClose = (): void => {
        cleanup();
        reject(invalidAuth ? ERR_INVALID_AUTH : ERR_CANNOT_CONNECT);
      };
      const onMessage = (data: WebSocket.RawData, isBinary: boolean): void => {
        let message: { type?: unknown; ha_version?: unknown };
        try {
          message = JSON.parse(isBinary ? '' : data.toString()) as typeof message;
        } catch {
          socket.terminate();
          return;
        }
        if (message.type === 'auth_invalid') {
          invalidAuth = true;
          socket.close();
        } else if (message.type === 'auth_ok') {
          cleanup();
          const haVersion = typeof message.ha_version === 'string' ? message.ha_version : '0.0.0';
          if (atLeastVersion(haVersion, 2022, 9)) {
            // Always id 1: the library starts its own ids above it.
            const features = { coalesce_messages: 1 };
            socket.send(JSON.stringify({ type: 'supported_features', id: 1, features }));
          }
          resolve(Object.assign(socket, { haVersion }) as unknown as HaWebSocket);
        }
      };

      // ws throws unhandled 'error' events; the library only listens for 'close', which follows.
      socket.on('error', (error) => factoryOptions.onSocketError?.(error));
      socket.on('open', onOpen);
      socket.on('message', onMessage);
      socket.on('close', onClose);
    });
}
