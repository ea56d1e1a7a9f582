import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type Logger, silentLogger } from 'wyoming-ts';
import type { ConversationAgent } from '../agent/agent.js';
import type { ConversationStore } from '../conversation/store.js';
import type { EventBus } from '../event-bus.js';
import type { Home } from '../home/home.js';
import type { IntentRecognizer, Language } from '../intents/types.js';
import type { MemoryStore } from '../memory/memory.js';
import type { Metrics } from '../metrics.js';
import { converse, finish } from '../pipeline/conversation.js';
import type { SatelliteFleet } from '../satellites/fleet.js';
import type { SatelliteRegistry } from '../satellites/registry.js';
import type { JarvisActions } from '../automation/actions.js';
import { COMMANDS_PATH, commandsRoute } from './commands.js';
import { MEMORIES_PATH, memoriesRoute } from './memories.js';
import { HttpProblem, sendJson, sendProblem } from './problem.js';
import { SATELLITES_PATH, satellitesRoute } from './satellites.js';

export interface HttpApiOptions {
  host: string;
  port: number;
  token?: string;
  registry: SatelliteRegistry;
  /** Every satellite known (discovered, adopted, connected) and adoption. */
  fleet: SatelliteFleet;
  home: Home;
  recognizer: IntentRecognizer;
  agent?: ConversationAgent;
  conversations?: ConversationStore;
  memory?: MemoryStore;
  /** What `/health` reports besides satellites and the home (agent, memory, context). */
  status?: () => Record<string, unknown>;
  metrics: Metrics;
  bus: EventBus;
  /** Automations' commands (`POST /api/commands`). */
  actions?: JarvisActions;
  language: Language;
  logger?: Logger;
}

const MAX_BODY = 64 * 1024;

/** The HTTP API on 8099: health, metrics, satellites, conversation, announce, live events. */
export class HttpApi {
  private readonly server: Server;
  private readonly logger: Logger;

  constructor(private readonly options: HttpApiOptions) {
    this.logger = options.logger ?? silentLogger;
    this.server = createServer((req, res) => void this.route(req, res));
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => resolve());
    });
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : this.options.port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname === '/health') return this.health(res);
      this.authorize(req);
      if (url.pathname === MEMORIES_PATH || url.pathname.startsWith(`${MEMORIES_PATH}/`)) {
        return await memoriesRoute(req, res, url, this.options.memory, () => readJson(req));
      }
      if (url.pathname === SATELLITES_PATH || url.pathname.startsWith(`${SATELLITES_PATH}/`)) {
        return await satellitesRoute(req, res, url, this.options.fleet, () =>
          readJson(req, { emptyIsObject: true }),
        );
      }
      if (url.pathname === COMMANDS_PATH)
        return await commandsRoute(req, res, this.options.actions, () => readJson(req));
      const key = `${req.method} ${url.pathname}`;
      switch (key) {
        case 'GET /metrics':
          res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
          res.end(
            this.options.metrics.render({
              satellites: this.options.registry.size,
              homeConnected: this.options.home.connected,
            }),
          );
          return;
        case 'POST /api/conversation':
          return sendJson(res, 200, await this.converse(await readJson(req)));
        case 'POST /api/announce':
          return sendJson(res, 202, await this.announce(await readJson(req)));
        case 'GET /api/events':
          return this.events(req, res);
        default:
          throw new HttpProblem(404, 'Not found', `no route for ${key}`);
      }
    } catch (error) {
      if (error instanceof HttpProblem)
        return sendProblem(res, error.status, error.title, error.detail);
      this.logger.error(`HTTP ${req.method} ${url.pathname} failed: ${(error as Error).message}`);
      sendProblem(res, 500, 'Internal error');
    }
  }

  private health(res: ServerResponse): void {
    sendJson(res, 200, {
      status: 'ok',
      satellites: this.options.registry.size,
      home: { kind: this.options.home.kind, connected: this.options.home.connected },
      ...this.options.status?.(),
    });
  }

  private authorize(req: IncomingMessage): void {
    const token = this.options.token;
    if (!token)
      throw new HttpProblem(
        401,
        'API token not configured',
        'set http.token or JARVIS_API_TOKEN to use the API',
      );
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new HttpProblem(401, 'Unauthorized', 'send Authorization: Bearer <token>');
    }
  }

  private async converse(body: Record<string, unknown>) {
    const text = body.text;
    if (typeof text !== 'string' || !text.trim())
      throw new HttpProblem(400, 'Bad request', 'text: expected a non-empty string');
    const satellite =
      typeof body.satellite === 'string' ? this.options.registry.find(body.satellite) : undefined;
    if (typeof body.satellite === 'string' && !satellite)
      throw new HttpProblem(404, 'Unknown satellite', body.satellite);
    const conversationId =
      typeof body.conversation_id === 'string' ? body.conversation_id : (satellite?.id ?? 'http');
    const language = typeof body.language === 'string' ? body.language : undefined;
    const answer = await converse(this.options, {
      text,
      conversationId,
      satellite: satellite?.id,
      area: satellite?.area,
      language,
      timers: satellite?.timerList() ?? [],
    });
    const outcome = await finish(answer);
    this.options.metrics.recordTurn({}, outcome);
    this.options.bus.emit({
      type: 'turn',
      satellite: satellite?.id,
      transcript: text,
      intent: outcome.intent,
      response: outcome.speech,
      language: outcome.language,
      failed: outcome.failed,
      timings: {},
    });
    return {
      response: outcome.speech,
      intent: outcome.intent ?? null,
      language: outcome.language,
      conversation_id: conversationId,
      // An agent that failed (Ollama down) did not handle it: its apology is the response.
      handled: outcome.handledBy === 'intent' || (outcome.handledBy === 'agent' && !outcome.failed),
      handled_by: outcome.handledBy,
      expects_reply: outcome.expectsReply,
      ...(outcome.errorCode ? { error: outcome.errorCode } : {}),
    };
  }

  private async announce(body: Record<string, unknown>) {
    const text = body.text;
    if (typeof text !== 'string' || !text.trim())
      throw new HttpProblem(400, 'Bad request', 'text: expected a non-empty string');
    const key =
      typeof body.satellite === 'string'
        ? body.satellite
        : typeof body.area === 'string'
          ? body.area
          : undefined;
    const targets = key
      ? this.options.registry
          .list()
          .filter(
            (s) =>
              s === this.options.registry.find(key) || s.area?.toLowerCase() === key.toLowerCase(),
          )
      : this.options.registry.list();
    if (targets.length === 0)
      throw new HttpProblem(
        404,
        'No satellite',
        key ? `no satellite or area '${key}'` : 'no satellite is connected',
      );
    await Promise.all(targets.map((session) => session.announce(text)));
    return { announced: targets.map((session) => session.id) };
  }

  private events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(
      `event: hello\ndata: ${JSON.stringify({ satellites: this.options.fleet.list() })}\n\n`,
    );
    const unsubscribe = this.options.bus.on((event) =>
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
    );
    req.on('close', unsubscribe);
  }
}

async function readJson(
  req: IncomingMessage,
  options: { emptyIsObject?: boolean } = {},
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpProblem(413, 'Body too large', `at most ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (options.emptyIsObject && size === 0) return {};
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // falls through to the problem below
  }
  throw new HttpProblem(400, 'Bad request', 'expected a JSON object');
}
