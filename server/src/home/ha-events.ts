// Home Assistant's event bus over the websocket connection Jarvis already has: fire events
// (`fire_event`) and listen for some (`subscribe_events`, re-subscribed by the library after
// every reconnect). Listeners registered before the connection exists are subscribed once it does.
import type { Connection } from 'home-assistant-js-websocket';
import { type Logger, silentLogger } from 'wyoming-ts';
import { EngineError } from '../errors.js';
import { describeHaError, ENGINE } from './ha-commands.js';
import type { HomeEvents } from './home.js';

type Listener = (data: Record<string, unknown>) => void;

export class HaEventChannel implements HomeEvents {
  private conn: Connection | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly subscribed = new Set<string>();

  constructor(private readonly logger: Logger = silentLogger) {}

  /** The connection is open: subscribe what was asked for. */
  attach(conn: Connection): void {
    this.conn = conn;
    for (const eventType of this.listeners.keys()) void this.subscribe(eventType);
  }

  async fire(eventType: string, data: Record<string, unknown>): Promise<void> {
    const conn = this.conn;
    if (!conn?.connected)
      throw new EngineError(ENGINE, 'not connected to Home Assistant', { retryable: true });
    try {
      await conn.sendMessagePromise({
        type: 'fire_event',
        event_type: eventType,
        event_data: data,
      });
    } catch (error) {
      throw new EngineError(ENGINE, `fire_event ${eventType}: ${describeHaError(error)}`, {
        retryable: true,
      });
    }
  }

  on(eventType: string, listener: Listener): () => void {
    const set = this.listeners.get(eventType) ?? new Set<Listener>();
    this.listeners.set(eventType, set);
    set.add(listener);
    if (this.conn) void this.subscribe(eventType);
    return () => set.delete(listener);
  }

  private async subscribe(eventType: string): Promise<void> {
    const conn = this.conn;
    if (!conn || this.subscribed.has(eventType)) return;
    this.subscribed.add(eventType);
    try {
      await conn.subscribeEvents<{ data?: Record<string, unknown> }>((event) => {
        for (const listener of [...(this.listeners.get(eventType) ?? [])]) {
          try {
            listener(event.data ?? {});
          } catch (error) {
            this.logger.warn(
              `Home Assistant: a ${eventType} listener failed: ${(error as Error).message}`,
            );
          }
        }
      }, eventType);
    } catch (error) {
      this.subscribed.delete(eventType);
      this.logger.warn(
        `Home Assistant: cannot subscribe to ${eventType}: ${describeHaError(error)}`,
      );
    }
  }
}
