// Home Assistant over its websocket API (home-assistant-js-websocket on `ws`): areas, devices,
// entities with their aliases, states and Assist exposure, kept live by `subscribe_entities` and
// the registry-updated events; re-synced whole after every reconnect.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  callService,
  createConnection,
  createLongLivedTokenAuth,
  ERR_INVALID_AUTH,
  type Connection,
  type HassServiceTarget,
  type MessageBase,
} from 'home-assistant-js-websocket';
import { silentLogger, type Logger } from 'wyoming-ts';
import { untilAborted } from '../abort.js';
import { EngineError } from '../errors.js';
import {
  deferred,
  describeHaError,
  ENGINE,
  fetchRegistry,
  REGISTRY_EVENTS,
  toEngineError,
} from './ha-commands.js';
import { indexRegistry, toHomeEntity, type HaRegistry, type RegistryIndex } from './ha-registry.js';
import { HaEventChannel } from './ha-events.js';
import { wsSocketFactory } from './ha-socket.js';
import { applyEntitiesEvent, type EntitiesEvent, type HaState } from './ha-states.js';
import type { Home, HomeArea, HomeEntity, ServiceCall } from './home.js';

/** Where Home Assistant is from inside the add-on (with the `SUPERVISOR_TOKEN`). */
export const SUPERVISOR_URL = 'http://supervisor/core';

export interface HomeAssistantHomeOptions {
  /** `http://homeassistant.local:8123` (ws:// and .../api/websocket are accepted too). */
  readonly url: string;
  /** A long-lived access token, or the Supervisor token inside the add-on. Never logged. */
  readonly token: string;
  readonly logger?: Logger;
  /** Only the entities exposed to Assist (default true). */
  readonly exposedOnly?: boolean;
  /** How long a service call may take, in ms (default 15 s). */
  readonly callTimeoutMs?: number;
  /** Registry-updated events are gathered this long before one re-fetch, in ms (default 250). */
  readonly refreshDelayMs?: number;
  /** One connection attempt (open + auth), in ms (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Waits between first connection attempts, in ms; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  /** A `ping` this often finds connections that died silently, in ms (default 30 s, 0: never). */
  readonly pingIntervalMs?: number;
  /** How long a `pong` may take before the connection is dropped and made again (default 10 s). */
  readonly pingTimeoutMs?: number;
}

/** `ws://host:8123/api/websocket/` -> `http://host:8123`, the form the library's auth takes. */
export function normalizeHassUrl(url: string): string {
  let out = url.trim().replace(/\/+$/, '');
  out = out.replace(/\/api\/websocket$/, '').replace(/\/+$/, '');
  return out.replace(/^ws(s?):\/\//i, 'http$1://');
}

const EMPTY_INDEX = indexRegistry({
  areas: [],
  devices: [],
  entities: [],
  exposure: { exposedEntities: {}, exposeNew: true },
});

export class HomeAssistantHome implements Home {
  readonly kind = 'Home Assistant';
  readonly events: HaEventChannel;
  readonly #url: string;
  readonly #token: string;
  readonly #logger: Logger;
  readonly #exposedOnly: boolean;
  readonly #callTimeoutMs: number;
  readonly #refreshDelayMs: number;
  readonly #pingIntervalMs: number;
  readonly #pingTimeoutMs: number;
  readonly #retryDelaysMs: readonly number[];
  readonly #createSocket: ReturnType<typeof wsSocketFactory>;
  readonly #listeners = new Set<() => void>();
  readonly #stop = new AbortController();
  #conn: Connection | undefined;
  #index: RegistryIndex = EMPTY_INDEX;
  #states = new Map<string, HaState>();
  #entities = new Map<string, HomeEntity>();
  #entityList: readonly HomeEntity[] | undefined;
  #synced = false;
  /** Bumped on every (re)sync and disconnect: callbacks of an older one are ignored. */
  #generation = 0;
  #syncAbort: AbortController | undefined;
  #refreshTimer: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #pingTimer: NodeJS.Timeout | undefined;
  #starting: Promise<void> | undefined;
  readonly #firstSync = deferred<void>();

  constructor(options: HomeAssistantHomeOptions) {
    this.#url = normalizeHassUrl(options.url);
    this.#token = options.token;
    this.#logger = options.logger ?? silentLogger;
    this.events = new HaEventChannel(this.#logger);
    this.#exposedOnly = options.exposedOnly ?? true;
    this.#callTimeoutMs = options.callTimeoutMs ?? 15_000;
    this.#refreshDelayMs = options.refreshDelayMs ?? 250;
    this.#pingIntervalMs = options.pingIntervalMs ?? 30_000;
    this.#pingTimeoutMs = options.pingTimeoutMs ?? 10_000;
    this.#retryDelaysMs = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000];
    this.#createSocket = wsSocketFactory({
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      onSocketError: (error) => this.#logger.debug(`Home Assistant socket: ${error.message}`),
    });
    this.#firstSync.promise.catch(() => {});
  }

  /** True once the home is loaded and while the connection is up. */
  get connected(): boolean {
    return this.#synced && this.#conn?.connected === true;
  }

  /**
   * Connects (retrying while Home Assistant is unreachable) and resolves once the home is
   * loaded. Rejects with a non-retryable `EngineError` when the token is refused. Calling it
   * again returns the same promise.
   */
  start(signal?: AbortSignal): Promise<void> {
    this.#starting ??= this.#start(signal);
    return this.#starting;
  }

  areas(): readonly HomeArea[] {
    return this.#index.areas;
  }

  entities(): readonly HomeEntity[] {
    this.#entityList ??= [...this.#entities.values()];
    return this.#entityList;
  }

  entity(entityId: string): HomeEntity | undefined {
    return this.#entities.get(entityId);
  }

  async callService(call: ServiceCall, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const conn = this.#conn;
    if (!conn || !this.connected) {
      throw new EngineError(ENGINE, 'not connected to Home Assistant', { retryable: true });
    }
    const target: HassServiceTarget = {};
    if (call.target?.entity_id?.length) target.entity_id = [...call.target.entity_id];
    if (call.target?.area_id?.length) target.area_id = [...call.target.area_id];
    const data = call.data ? { ...call.data } : undefined;
    const what = `${call.domain}.${call.service}`;
    const deadline = AbortSignal.timeout(this.#callTimeoutMs);
    const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      const sent = callService(conn, call.domain, call.service, data, target);
      await untilAborted(sent, stop);
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (deadline.aborted) {
        throw new EngineError(ENGINE, `${what}: no answer within ${this.#callTimeoutMs} ms`, {
          retryable: true,
        });
      }
      throw toEngineError(err, `${what} failed`);
    }
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#stop.abort(new EngineError(ENGINE, 'closed'));
    this.#generation++;
    this.#syncAbort?.abort();
    clearTimeout(this.#refreshTimer);
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
    this.#synced = false;
    this.#conn?.close();
    this.#listeners.clear();
  }

  async #start(signal: AbortSignal | undefined): Promise<void> {
    const stop = signal ? AbortSignal.any([signal, this.#stop.signal]) : this.#stop.signal;
    const conn = await this.#connect(stop);
    if (this.#stop.signal.aborted) {
      conn.close();
      throw this.#stop.signal.reason;
    }
    this.#conn = conn;
    conn.addEventListener('ready', () => void this.#sync());
    conn.addEventListener('disconnected', () => this.#onDisconnected());
    conn.addEventListener('reconnect-error', () => {
      const error = this.#refused();
      this.#logger.error(error.message);
      this.#firstSync.reject(error);
    });
    void this.#sync();
    if (this.#pingIntervalMs > 0) {
      this.#pingTimer = setInterval(() => void this.#ping(conn), this.#pingIntervalMs).unref();
    }
    await untilAborted(this.#firstSync.promise, stop);
  }

  /** Home Assistant answers `ping` at once; no `pong` means a dead connection: make a new one. */
  async #ping(conn: Connection): Promise<void> {
    if (!this.connected) return;
    try {
      await untilAborted(conn.ping(), AbortSignal.timeout(this.#pingTimeoutMs));
    } catch {
      if (!this.connected || this.#stop.signal.aborted) return;
      this.#logger.warn(
        `Home Assistant: no answer to ping in ${this.#pingTimeoutMs} ms; reconnecting`,
      );
      conn.reconnect(true);
    }
  }

  #refused(): EngineError {
    return new EngineError(ENGINE, `${this.#url} refused the access token`, { retryable: false });
  }

  async #connect(stop: AbortSignal): Promise<Connection> {
    const auth = createLongLivedTokenAuth(this.#url, this.#token);
    for (let attempt = 0; ; attempt++) {
      stop.throwIfAborted();
      try {
        return await createConnection({ auth, createSocket: this.#createSocket });
      } catch (err) {
        if (err === ERR_INVALID_AUTH) throw this.#refused();
        const delays = this.#retryDelaysMs;
        const delay = delays[Math.min(attempt, delays.length - 1)] ?? 5000;
        this.#logger.warn(
          `Home Assistant: cannot connect to ${this.#url} (${describeHaError(err)}); ` +
            `retrying in ${delay / 1000} s`,
        );
        await sleep(delay, undefined, { signal: stop }).catch(() => stop.throwIfAborted());
      }
    }
  }

  /** Loads everything on the current socket: entity states, registries, exposure. */
  async #sync(): Promise<void> {
    const conn = this.#conn;
    if (!conn || this.#stop.signal.aborted) return;
    const generation = ++this.#generation;
    this.#syncAbort?.abort();
    const abort = new AbortController();
    this.#syncAbort = abort;
    clearTimeout(this.#retryTimer);
    const states = new Map<string, HaState>();
    const snapshot = deferred<void>();
    const unsubscribes: Array<() => Promise<void>> = [];
    const onEntities = (event: EntitiesEvent): void => {
      if (generation !== this.#generation) return;
      const touched = applyEntitiesEvent(states, event);
      snapshot.resolve();
      if (this.#synced) this.#onStatesChanged(touched);
    };
    try {
      const subscribe = <T>(message: MessageBase, callback: (event: T) => void) =>
        untilAborted(
          conn.subscribeMessage(callback, message, { resubscribe: false }),
          abort.signal,
        ).then((unsubscribe) => void unsubscribes.push(unsubscribe));
      await subscribe({ type: 'subscribe_entities' }, onEntities);
      for (const eventType of REGISTRY_EVENTS) {
        const message = { type: 'subscribe_events', event_type: eventType };
        await subscribe(message, () => this.#scheduleRefresh(generation));
      }
      const registry = await untilAborted(fetchRegistry(conn, this.#logger), abort.signal);
      await untilAborted(snapshot.promise, abort.signal);
      if (generation === this.#generation) this.#load(states, registry);
    } catch (err) {
      if (abort.signal.aborted || generation !== this.#generation) return;
      // The socket is up but a command failed: drop this attempt and try again shortly.
      this.#logger.warn(`Home Assistant: loading the home failed (${describeHaError(err)})`);
      for (const unsubscribe of unsubscribes) void unsubscribe().catch(() => {});
      this.#retryTimer = setTimeout(() => void this.#sync(), 5000);
    }
  }

  /** Takes a freshly loaded home: from now on the home is connected. */
  #load(states: Map<string, HaState>, registry: HaRegistry): void {
    this.#states = states;
    this.#index = indexRegistry(registry);
    this.#rebuild();
    this.#synced = true;
    if (this.#conn) this.events.attach(this.#conn);
    const exposed = this.#exposedOnly ? ' (exposed to Assist)' : '';
    const size = `${this.#entities.size} entities in ${this.#index.areas.length} areas`;
    this.#logger.info(`Home Assistant: ${size}${exposed}`);
    this.#firstSync.resolve();
    this.#emit();
  }

  #onDisconnected(): void {
    this.#generation++;
    this.#syncAbort?.abort();
    clearTimeout(this.#refreshTimer);
    clearTimeout(this.#retryTimer);
    if (!this.#synced) return;
    this.#synced = false;
    this.#logger.warn('Home Assistant: connection lost; reconnecting');
    this.#emit();
  }

  #scheduleRefresh(generation: number): void {
    if (generation !== this.#generation) return;
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => void this.#refresh(generation), this.#refreshDelayMs);
  }

  /** Re-fetches the registries and exposure after a registry-updated event. */
  async #refresh(generation: number): Promise<void> {
    const conn = this.#conn;
    if (!conn || generation !== this.#generation) return;
    if (!this.#synced) {
      this.#scheduleRefresh(generation);
      return;
    }
    try {
      const registry = await fetchRegistry(conn, this.#logger);
      if (generation !== this.#generation) return;
      this.#index = indexRegistry(registry);
      this.#rebuild();
      this.#emit();
    } catch (err) {
      if (generation !== this.#generation) return;
      this.#logger.warn(
        `Home Assistant: reloading the registries failed (${describeHaError(err)})`,
      );
    }
  }

  #rebuild(): void {
    const entities = new Map<string, HomeEntity>();
    for (const state of this.#states.values()) {
      const entity = toHomeEntity(state, this.#index, this.#exposedOnly);
      if (entity) entities.set(entity.entity_id, entity);
    }
    this.#entities = entities;
    this.#entityList = undefined;
  }

  #onStatesChanged(entityIds: readonly string[]): void {
    let changed = false;
    for (const entityId of entityIds) {
      const state = this.#states.get(entityId);
      const entity = state && toHomeEntity(state, this.#index, this.#exposedOnly);
      if (entity) {
        this.#entities.set(entityId, entity);
        changed = true;
      } else if (this.#entities.delete(entityId)) {
        changed = true;
      }
    }
    if (!changed) return;
    this.#entityList = undefined;
    this.#emit();
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener();
      } catch (err) {
        this.#logger.warn('Home Assistant: a change listener failed', err);
      }
    }
  }
}
