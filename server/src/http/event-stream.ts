// `GET /api/events`: the server's events as a text/event-stream. A reader that does not keep up
// is dropped once what waits for it passes a limit, so a stalled dashboard (or someone holding
// connections open on purpose) cannot make the server buffer events without end.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { EventBus } from '../event-bus.js';

/** Bytes an event-stream reader may leave unread before it is dropped. */
export const MAX_UNREAD_EVENT_BYTES = 256 * 1024;

export interface EventStreamOptions {
  readonly bus: EventBus;
  /** The first event's data (the satellites as they are now). */
  readonly hello: () => unknown;
  readonly maxUnreadBytes?: number;
  readonly logger?: Logger;
}

export function streamEvents(
  req: IncomingMessage,
  res: ServerResponse,
  options: EventStreamOptions,
): void {
  const logger = options.logger ?? silentLogger;
  const limit = options.maxUnreadBytes ?? MAX_UNREAD_EVENT_BYTES;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.write(`event: hello\ndata: ${JSON.stringify(options.hello())}\n\n`);
  const unsubscribe = options.bus.on((event) => {
    if (res.writableLength > limit) {
      const who = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
      logger.info(`HTTP ${who}: /api/events reader left ${limit} bytes unread; dropped`);
      unsubscribe();
      res.destroy();
      return;
    }
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  });
  req.on('close', unsubscribe);
}
