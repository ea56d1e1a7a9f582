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
import type { SatelliteControls } from '../satellites/controls.js';
import type { SatelliteFleet } from '../satellites/fleet.js';
import type { SatelliteRegistry } from '../satellites/registry.js';
import type { JarvisActions } from '../automation/actions.js';
import { COMMANDS_PATH, commandsRoute } from './commands.js';
import { MEMORIES_PATH, memoriesRoute } from './memories.js';
import { REMINDERS_PATH, remindersRoute } from './reminders.js';
import type { ReminderBook } from '../reminders/book.js';
import { MODES_PATH, modesRoute } from './modes.js';
import type { ModeStore } from '../modes/mode-store.js';
import type { Announcer } from '../speech/speech-service.js';
import { EVENT_LIMITS, MAX_REQUEST_CHARS } from '../wyoming/limits.js';
import { streamEvents } from './event-stream.js';
import { HttpProblem, methodNotAllowed, sendJson, sendProblem } from './problem.js';
import { LATENCY_TARGET_MS, type RecentTurns, turnsBody } from './recent-turns.js';
import { SATELLITES_PATH, satellitesRoute } from './satellites.js';
import { sendWebUiPage, sendWebUiScript, WEB_UI_SCRIPT } from './web-ui.js';

export interface HttpApiOptions {
  host: string;
  port: number;
  token?: string;
  registry: SatelliteRegistry;
  /** Every satellite known (discovered, adopted, connected) and adoption. */
  fleet: SatelliteFleet;
  /** Mute and the other settings of the satellites the server drives. */
  controls?: SatelliteControls;
  /** The last turns' latency, for the web UI's chart (`/api/turns`). */
  turns?: RecentTurns;
  /** The built web UI script (default: ui/dist beside server/). */
  webUiFile?: string;
  home: Home;
  recognizer: IntentRecognizer;
  agent?: ConversationAgent;
  conversations?: ConversationStore;
  memory?: MemoryStore;
  /** Reminders (`/api/reminders`, and the local intents); none when off or unavailable. */
  reminders?: ReminderBook;
  /** What `/health` reports besides satellites and the home (agent, memory, context). */
  status?: () => Record<string, unknown>;
  metrics: Metrics;
  bus: EventBus;
  /** Automations' commands (`POST /api/commands`). */
  actions?: JarvisActions;
  /** The house's and the satellites' modes (`/api/modes`). */
  modes?: ModeStore;
  /** Announcements through the speech schedule, so modes apply (`/api/announce`). */
  announcer?: Announcer;
  language: Language;
  logger?: Logger;
}

const MAX_BODY = 64 * 1024;

/** The methods each path answers: another method there is a 405 with `Allow`. */
const ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/health': ['GET', 'HEAD'],
  '/metrics': ['GET'],
  '/api/conversation': ['POST'],
  '/api/announce': ['POST'],
  '/api/events': ['GET'],
  '/api/turns': ['GET'],
};

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
    const url = parseTarget(req.url);
    if (!url) return sendProblem(res, 400, 'Bad request', 'the request target is not a URL');
    try {
      const methods = ROUTES[url.pathname];
      // The page and its script hold no data: the page asks for the token and reads the API.
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (url.pathname === '/') return sendWebUiPage(res, '/');
        if (url.pathname === `/${WEB_UI_SCRIPT}`)
          return await sendWebUiScript(res, this.options.webUiFile);
      }
      if (url.pathname === '/health' && methods?.includes(req.method ?? '')) {
        return this.health(req, res);
      }
      this.authorize(req);
      if (url.pathname === MEMORIES_PATH || url.pathname.startsWith(`${MEMORIES_PATH}/`)) {
        return await memoriesRoute(req, res, url, this.options.memory, () => readJson(req));
      }
      if (url.pathname === SATELLITES_PATH || url.pathname.startsWith(`${SATELLITES_PATH}/`)) {
        return await satellitesRoute(req, res, url, this.options, () =>
          readJson(req, { emptyIsObject: true }),
        );
      }
      if (url.pathname === REMINDERS_PATH || url.pathname.startsWith(`${REMINDERS_PATH}/`)) {
        const options = {
          book: this.options.reminders,
          language: this.options.language,
          satellite: (given: string) =>
            this.options.registry.find(given)?.id ??
            this.options.fleet.list().find((s) => s.id === given)?.id,
        };
        return await remindersRoute(req, res, url, options, () => readJson(req));
      }
      if (url.pathname === MODES_PATH || url.pathname.startsWith(`${MODES_PATH}/`)) {
        const options = {
          modes: this.options.modes,
          satellites: () => this.options.registry.list().map((s) => s.id),
          now: () => Date.now(),
        };
        return await modesRoute(req, res, url, options, () => readJson(req));
      }
      if (url.pathname === COMMANDS_PATH)
        return await commandsRoute(req, res, this.options.actions, () => readJson(req));
      if (methods && !methods.includes(req.method ?? '')) {
        throw methodNotAllowed(req.method, url.pathname, methods);
      }
      const key = `${req.method} ${url.pathname}`;
      switch (key) {
        case 'GET /metrics':
          res.writeHead(200, { 'content-type': this.options.metrics.contentType });
          res.end(await this.options.metrics.render());
          return;
        case 'POST /api/conversation':
          return sendJson(res, 200, await this.converse(await readJson(req)));
        case 'POST /api/announce':
          return sendJson(res, 202, await this.announce(await readJson(req)));
        case 'GET /api/turns':
          return sendJson(
            res,
            200,
            turnsBody(this.options.turns, await this.options.metrics.stats(), LATENCY_TARGET_MS),
          );
        case 'GET /api/events':
          return streamEvents(req, res, {
            bus: this.options.bus,
            hello: () => ({ satellites: this.options.fleet.list() }),
            logger: this.logger,
          });
        default:
          throw new HttpProblem(404, 'Not found', `no route for ${key}`);
      }
    } catch (error) {
      if (error instanceof HttpProblem)
        return sendProblem(res, error.status, error.title, error.detail, error.headers);
      this.logger.error(`HTTP ${req.method} ${url.pathname} failed: ${(error as Error).message}`);
      sendProblem(res, 500, 'Internal error');
    }
  }

  /** `ok` or `degraded` for anyone; what the house runs only for those with the token. */
  private health(req: IncomingMessage, res: ServerResponse): void {
    const status = this.options.home.connected ? 'ok' : 'degraded';
    if (!this.options.token || !bearerMatches(req, this.options.token)) {
      return sendJson(res, 200, { status });
    }
    sendJson(res, 200, {
      status,
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
    if (!bearerMatches(req, token)) {
      throw new HttpProblem(401, 'Unauthorized', 'send Authorization: Bearer <token>');
    }
  }

  private async converse(body: Record<string, unknown>) {
    const text = textOf(body, MAX_REQUEST_CHARS);
    const satellite =
      typeof body.satellite === 'string' ? this.options.registry.find(body.satellite) : undefined;
    if (typeof body.satellite === 'string' && !satellite)
      throw new HttpProblem(404, 'Unknown satellite', body.satellite);
    const given = typeof body.conversation_id === 'string' ? body.conversation_id : undefined;
    if (given !== undefined && given.length > EVENT_LIMITS.maxStringChars)
      throw new HttpProblem(400, 'Bad request', 'conversation_id: too long');
    const conversationId = given ?? satellite?.id ?? 'http';
    const language = typeof body.language === 'string' ? body.language : undefined;
    const started = performance.now();
    const answer = await converse(this.options, {
      text,
      conversationId,
      peer: 'http',
      satellite: satellite?.id,
      area: satellite?.area,
      language,
      timers: satellite?.timerList() ?? [],
    });
    const outcome = await finish(answer);
    const timings = { transcript_to_response_ms: Math.round(performance.now() - started) };
    this.options.metrics.recordTurn('http', timings, outcome);
    this.options.bus.emit({
      type: 'turn',
      satellite: satellite?.id,
      transcript: text,
      intent: outcome.intent,
      response: outcome.speech,
      language: outcome.language,
      failed: outcome.failed,
      timings,
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
      // What it did: the Home Assistant services it called, the timer it set.
      calls: outcome.calls,
      ...(outcome.timer ? { timer: outcome.timer } : {}),
      ...(outcome.errorCode ? { error: outcome.errorCode } : {}),
    };
  }

  private async announce(body: Record<string, unknown>) {
    const text = textOf(body, EVENT_LIMITS.maxTextChars);
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
    if (body.urgent !== undefined && typeof body.urgent !== 'boolean')
      throw new HttpProblem(400, 'Bad request', 'urgent: expected true or false');
    const announcer = this.options.announcer;
    if (!announcer) throw new HttpProblem(503, 'Unavailable', 'announcements are not available');
    const announced = targets.map((session) => session.id);
    const { held } = announcer.announce(text, announced, { urgent: body.urgent === true });
    // Held: a satellite in silent or do-not-disturb mode says it when the mode ends.
    return { announced, held };
  }
}

function parseTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/** The request's `text`: a non-empty string of at most `max` characters. */
function textOf(body: Record<string, unknown>, max: number): string {
  const text = body.text;
  if (typeof text !== 'string' || !text.trim())
    throw new HttpProblem(400, 'Bad request', 'text: expected a non-empty string');
  if (text.length > max)
    throw new HttpProblem(413, 'Text too long', `text: at most ${max} characters`);
  return text;
}

/** Whether the request carries `Bearer <token>`, compared in constant time. */
function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
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
