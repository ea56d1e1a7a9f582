// A Home Assistant websocket test server: Home Assistant's real websocket API on a free port at
// /api/websocket, message for message (auth phase, ids, results and error codes, events,
// `subscribe_entities` compressed states and diffs, coalesced messages), over the fake home in
// ha-test-home.ts. Tests seed it, watch `calls` and `received`, change states, drop connections.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  HaTestHome,
  ulid,
  USER_ID,
  type HaSeed,
  type HaServiceError,
  type HaStateJson,
} from './ha-test-home.js';
import { compressState, entitiesEvent, haConfig } from './ha-test-messages.js';
import { applyService, serviceDescriptions } from './ha-test-services.js';
import { CommandError, Session } from './ha-test-session.js';

export { HaTestHome, type HaSeed } from './ha-test-home.js';
export { compressState, entitiesEvent } from './ha-test-messages.js';

export interface HaTestServerOptions extends HaSeed {
  /** The one access token accepted (default `test-token`). */
  readonly token?: string;
  /** Sent in `auth_required` / `auth_ok` (default `2025.6.1`). */
  readonly haVersion?: string;
}

/** A `call_service` command as received. */
export interface RecordedCall {
  readonly domain: string;
  readonly service: string;
  readonly service_data?: Record<string, unknown>;
  readonly target?: Record<string, unknown>;
  readonly return_response?: boolean;
}

/** A command-phase message as received (the auth message, with its token, is not kept). */
export type ReceivedMessage = Record<string, unknown> & {
  readonly id: number;
  readonly type: string;
};

type Json = Record<string, unknown>;

const KNOWN_ASSISTANTS = ['cloud.alexa', 'cloud.google_assistant', 'conversation'];

type Handler = (session: Session, message: ReceivedMessage) => void;

function requireList(message: Json, key: string): string[] {
  const value = message[key];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new CommandError(
      'invalid_format',
      `expected a list for dictionary value @ data['${key}']. Got ${JSON.stringify(value)}`,
    );
  }
  return value as string[];
}

export class HaTestServer {
  readonly home: HaTestHome;
  /** The access token accepted; change it to revoke the old one. */
  token: string;
  readonly haVersion: string;
  /** Every `call_service` received, in order (failed ones too). */
  readonly calls: RecordedCall[] = [];
  /** Every command-phase message received, in order. */
  readonly received: ReceivedMessage[] = [];
  readonly handlers = new Map<string, Handler>();
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #sessions = new Set<Session>();
  readonly #serviceErrors = new Map<string, HaServiceError>();
  #refusing = false;

  private constructor(options: HaTestServerOptions) {
    this.home = new HaTestHome(options);
    this.token = options.token ?? 'test-token';
    this.haVersion = options.haVersion ?? '2025.6.1';
    this.#http = createServer((_req, res) => res.writeHead(404).end());
    this.#wss = new WebSocketServer({
      server: this.#http,
      path: '/api/websocket',
      verifyClient: (_info, done) =>
        this.#refusing ? done(false, 503, 'Service Unavailable') : done(true),
    });
    this.#wss.on('connection', (socket) => {
      const session = new Session(socket, this);
      this.#sessions.add(session);
      socket.on('close', () => this.#sessions.delete(session));
    });
    this.#registerCommands();
  }

  static async start(options: HaTestServerOptions = {}): Promise<HaTestServer> {
    const server = new HaTestServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#http.once('error', reject);
      server.#http.listen(0, '127.0.0.1', () => resolve());
    });
    return server;
  }

  /** `http://127.0.0.1:<port>`, what a client is configured with. */
  get url(): string {
    return `http://127.0.0.1:${(this.#http.address() as AddressInfo).port}`;
  }

  get wsUrl(): string {
    return `${this.url.replace('http', 'ws')}/api/websocket`;
  }

  /** Open, authenticated connections. */
  get connectionCount(): number {
    return [...this.#sessions].filter((s) => s.authenticated).length;
  }

  /** The command types received, each once, in the order first seen. */
  commandTypes(): string[] {
    return [...new Set(this.received.map((m) => m.type))];
  }

  setState(entityId: string, state: string, attributes?: Record<string, unknown>): void {
    this.home.setState(entityId, state, attributes);
  }

  /** Makes `domain.service` answer with this error (HA's `{ code, message }`), or clears it. */
  setServiceError(domain: string, service: string, error?: HaServiceError): void {
    if (error) this.#serviceErrors.set(`${domain}.${service}`, error);
    else this.#serviceErrors.delete(`${domain}.${service}`);
  }

  /** Cuts every connection at once, as a restarting Home Assistant or a network drop does. */
  dropConnections(): void {
    for (const session of this.#sessions) session.socket.terminate();
  }

  /** Makes the open connections go silent without closing them (a half-open TCP connection). */
  freezeConnections(): void {
    for (const session of this.#sessions) session.frozen = true;
  }

  /** While true, new connections get HTTP 503 (Home Assistant restarting). */
  refuseConnections(refuse: boolean): void {
    this.#refusing = refuse;
  }

  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  #registerCommands(): void {
    const home = this.home;
    const on = (type: string, handler: Handler): void => void this.handlers.set(type, handler);
    on('supported_features', (s, m) => {
      s.setFeatures((m['features'] ?? {}) as Json);
      s.result(m.id);
    });
    on('ping', (s, m) => s.send({ id: m.id, type: 'pong' }));
    on('get_states', (s, m) => s.result(m.id, home.states()));
    on('get_config', (s, m) => s.result(m.id, haConfig(this.haVersion)));
    on('get_services', (s, m) =>
      s.result(m.id, serviceDescriptions(home.entityIds().map((id) => id.split('.')[0] ?? ''))),
    );
    on('subscribe_events', (s, m) => {
      const eventType = typeof m['event_type'] === 'string' ? m['event_type'] : '*';
      s.subscriptions.set(
        m.id,
        home.on(eventType, (event) => s.send({ id: m.id, type: 'event', event })),
      );
      s.result(m.id);
    });
    on('unsubscribe_events', (s, m) => {
      const unsubscribe = s.subscriptions.get(Number(m['subscription']));
      if (!unsubscribe) throw new CommandError('not_found', 'Subscription not found.');
      unsubscribe();
      s.subscriptions.delete(Number(m['subscription']));
      s.result(m.id);
    });
    on('fire_event', (s, m) => {
      const eventType = m['event_type'];
      if (typeof eventType !== 'string' || !eventType)
        throw new CommandError('invalid_format', "required key not provided @ data['event_type']");
      const context = { id: ulid(), parent_id: null, user_id: USER_ID };
      home.fire(eventType, (m['event_data'] ?? {}) as Json, context);
      s.result(m.id, { context });
    });
    on('subscribe_entities', (s, m) => this.#subscribeEntities(s, m));
    on('call_service', (s, m) => this.#callService(s, m));
    on('config/area_registry/list', (s, m) => s.result(m.id, home.areaList()));
    on('config/device_registry/list', (s, m) => s.result(m.id, home.deviceList()));
    on('config/entity_registry/list', (s, m) => s.result(m.id, home.entityList()));
    on('config/entity_registry/list_for_display', (s, m) =>
      s.result(m.id, home.entityDisplayList()),
    );
    on('config/entity_registry/get_entries', (s, m) =>
      s.result(m.id, home.entityEntries(requireList(m, 'entity_ids'))),
    );
    on('homeassistant/expose_entity/list', (s, m) => s.result(m.id, home.exposedList()));
    on('homeassistant/expose_new_entities/get', (s, m) => {
      if (!KNOWN_ASSISTANTS.includes(String(m['assistant']))) {
        throw new CommandError(
          'invalid_format',
          `value must be one of ${JSON.stringify(KNOWN_ASSISTANTS)} for dictionary value @ data['assistant']`,
        );
      }
      s.result(m.id, { expose_new: m['assistant'] === 'conversation' ? home.exposeNew : false });
    });
  }

  #subscribeEntities(session: Session, message: ReceivedMessage): void {
    const only =
      message['entity_ids'] === undefined ? undefined : new Set(requireList(message, 'entity_ids'));
    const wanted = (entityId: string): boolean => !only || only.has(entityId);
    // Listen before taking the snapshot, as Home Assistant does, so that no change is missed.
    const unsubscribe = this.home.on('state_changed', (event) => {
      const { entity_id, old_state, new_state } = event.data as {
        entity_id: string;
        old_state: HaStateJson | null;
        new_state: HaStateJson | null;
      };
      if (wanted(entity_id))
        session.send({
          id: message.id,
          type: 'event',
          event: entitiesEvent(old_state, new_state, entity_id),
        });
    });
    session.subscriptions.set(message.id, unsubscribe);
    session.result(message.id);
    const states = this.home.states().filter((state) => wanted(state.entity_id));
    const a = Object.fromEntries(states.map((state) => [state.entity_id, compressState(state)]));
    session.send({ id: message.id, type: 'event', event: { a } });
  }

  #callService(session: Session, message: ReceivedMessage): void {
    const { domain, service } = message as Json;
    if (typeof domain !== 'string' || typeof service !== 'string') {
      throw new CommandError('invalid_format', "required key not provided @ data['domain']");
    }
    const serviceData = (message['service_data'] ?? {}) as Json;
    const target = (message['target'] ?? {}) as Json;
    this.calls.push({
      domain,
      service,
      ...pick(message, ['service_data', 'target', 'return_response']),
    });
    const known = serviceDescriptions(this.home.entityIds().map((id) => id.split('.')[0] ?? ''));
    if (!(known[domain] as Json | undefined)?.[service]) {
      throw new CommandError('not_found', `Service ${domain}.${service} not found.`);
    }
    const failure = this.#serviceErrors.get(`${domain}.${service}`);
    if (failure) throw new CommandError(failure.code, failure.message);
    const context = { id: ulid(), parent_id: null, user_id: USER_ID };
    for (const entityId of this.home.resolveTargets(domain, target, serviceData)) {
      const current = this.home.state(entityId);
      const entityDomain = entityId.split('.')[0] ?? '';
      const next =
        current &&
        applyService(
          domain === 'homeassistant' ? entityDomain : domain,
          service,
          current,
          serviceData,
        );
      if (next) this.home.setState(entityId, next.state, next.attributes, context);
    }
    session.result(message.id, {
      context,
      ...(message['return_response'] ? { response: null } : {}),
    });
  }
}

function pick(source: Json, keys: readonly string[]): Json {
  return Object.fromEntries(
    keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]),
  );
}
