// A test double of Home Assistant's Supervisor API as an add-on sees it at http://supervisor:
// its real routes and reply shapes (`{result: "ok", data}` / `{result: "error", message}`),
// token checks, and the permissions the add-on's own ha-addon/config.yaml grants (services,
// discovery, homeassistant_api). /core/api/websocket proxies to the HA websocket test server
// the way the Supervisor does: it answers the auth phase with the add-on's token itself, then
// logs in to Core with Core's token and relays messages both ways.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import WebSocket, { WebSocketServer } from 'ws';
import { parse } from 'yaml';
import { REPO_ROOT } from './satellite-process.js';

export interface Manifest {
  readonly slug: string;
  readonly version: string;
  readonly services?: readonly string[];
  readonly discovery?: readonly string[];
  readonly homeassistant_api?: boolean;
  readonly ingress_port?: number;
  readonly options?: Record<string, unknown>;
}

export function readManifest(): Manifest {
  return parse(readFileSync(join(REPO_ROOT, 'ha-addon', 'config.yaml'), 'utf8')) as Manifest;
}

export interface SupervisorDoubleOptions {
  /** The add-on's SUPERVISOR_TOKEN. */
  readonly token: string;
  /** The broker the Mosquitto add-on would provide; absent: "Service not enabled". */
  readonly mqtt?: { host: string; port: number; ssl: boolean; username: string; password: string };
  /** Core's websocket (the HA test server) and the token the Supervisor uses there. */
  readonly core?: { wsUrl: string; token: string; version: string };
  /** The add-on's host name on the hassio network. */
  readonly hostname: string;
  readonly manifest?: Manifest;
}

export interface Discovery {
  readonly uuid: string;
  readonly service: string;
  readonly config: Record<string, unknown>;
}

type Json = Record<string, unknown>;

export class SupervisorDouble {
  readonly discoveries: Discovery[] = [];
  /** Every request, `METHOD /path`, in order. */
  readonly requests: string[] = [];
  /** Websocket connections relayed to Core after the auth phase. */
  relayed = 0;
  readonly #failures = new Map<string, number>();
  readonly #http: Server;
  readonly #manifest: Manifest;

  private constructor(readonly options: SupervisorDoubleOptions) {
    this.#manifest = options.manifest ?? readManifest();
    this.#http = createServer((req, res) => void this.#route(req, res));
    const wss = new WebSocketServer({ noServer: true });
    this.#http.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://supervisor').pathname;
      if (path !== '/core/api/websocket' && path !== '/core/websocket') {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (client) => this.#proxy(client));
    });
  }

  static async start(options: SupervisorDoubleOptions): Promise<SupervisorDouble> {
    const double = new SupervisorDouble(options);
    await new Promise<void>((resolve) => double.#http.listen(0, '127.0.0.1', () => resolve()));
    return double;
  }

  /** What the add-on is configured with instead of http://supervisor. */
  get url(): string {
    return `http://127.0.0.1:${(this.#http.address() as AddressInfo).port}`;
  }

  /** The next `count` requests to `METHOD /path` fail with a 500, as a busy Supervisor does. */
  failNext(route: string, count: number): void {
    this.#failures.set(route, count);
  }

  async stop(): Promise<void> {
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://supervisor').pathname;
    const route = `${req.method} ${path}`;
    this.requests.push(route);
    const reply = (status: number, body: Json): void => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    const ok = (data: Json) => reply(200, { result: 'ok', data });
    const error = (status: number, message: string) => reply(status, { result: 'error', message });
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : req.headers['x-supervisor-token'];
    if (token !== this.options.token) return error(401, 'Unauthorized');
    const failures = this.#failures.get(route) ?? 0;
    if (failures > 0) {
      this.#failures.set(route, failures - 1);
      return error(500, 'Unknown error, see Supervisor logs');
    }
    const manifest = this.#manifest;
    if (route === 'GET /addons/self/info') {
      return ok({
        name: 'Jarvis',
        slug: manifest.slug,
        hostname: this.options.hostname,
        version: manifest.version,
        state: 'started',
        ingress: true,
        ingress_port: manifest.ingress_port,
        ingress_entry: `/api/hassio_ingress/${manifest.slug}-entry`,
        options: manifest.options ?? {},
      });
    }
    if (route === 'GET /services/mqtt') {
      if (!manifest.services?.some((s) => /^mqtt:(want|need)$/.test(s))) {
        return error(403, 'No access to mqtt service!');
      }
      if (!this.options.mqtt) return error(400, 'Service not enabled');
      return ok({ ...this.options.mqtt, protocol: '3.1.1', addon: 'core_mosquitto' });
    }
    if (route === 'POST /discovery') {
      const body = (await readJson(req)) as { service?: unknown; config?: unknown };
      if (typeof body.service !== 'string' || typeof body.config !== 'object' || !body.config) {
        return error(400, 'Invalid discovery payload');
      }
      if (!manifest.discovery?.includes(body.service)) {
        return error(
          403,
          `Add-ons ${manifest.slug} use discovery for ${body.service} without declaring it`,
        );
      }
      const discovery = {
        uuid: randomUUID().replace(/-/g, ''),
        service: body.service,
        config: body.config as Json,
      };
      this.discoveries.push(discovery);
      return ok({ uuid: discovery.uuid });
    }
    const forget = /^DELETE \/discovery\/(\w+)$/.exec(route);
    if (forget) {
      const index = this.discoveries.findIndex((d) => d.uuid === forget[1]);
      if (index < 0) return error(400, 'Discovery message not found');
      this.discoveries.splice(index, 1);
      return ok({});
    }
    return error(404, `${route} is not a Supervisor route here`);
  }

  /** The Supervisor's websocket proxy: its own auth phase, then a relay to Core. */
  #proxy(client: WebSocket): void {
    const core = this.options.core;
    client.send(JSON.stringify({ type: 'auth_required', ha_version: core?.version ?? '' }));
    client.once('message', (data) => {
      const auth = JSON.parse(data.toString()) as { access_token?: string; api_password?: string };
      const token = auth.access_token ?? auth.api_password;
      if (!core || token !== this.options.token || this.#manifest.homeassistant_api !== true) {
        client.send(JSON.stringify({ type: 'auth_invalid', message: 'Invalid access' }));
        client.close();
        return;
      }
      client.send(JSON.stringify({ type: 'auth_ok', ha_version: core.version }));
      const upstream = new WebSocket(core.wsUrl);
      const pending: WebSocket.RawData[] = [];
      let open = false;
      client.on('message', (message) =>
        open ? upstream.send(message.toString()) : pending.push(message),
      );
      upstream.on('message', (message) => {
        const parsed = JSON.parse(message.toString()) as { type?: string };
        if (!open && parsed.type === 'auth_required') {
          upstream.send(JSON.stringify({ type: 'auth', access_token: core.token }));
        } else if (!open && parsed.type === 'auth_ok') {
          open = true;
          this.relayed++;
          for (const queued of pending.splice(0)) upstream.send(queued.toString());
        } else if (open) {
          client.send(message.toString());
        } else {
          client.close();
        }
      });
      upstream.on('close', () => client.close());
      upstream.on('error', () => client.close());
      client.on('close', () => upstream.close());
    });
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
