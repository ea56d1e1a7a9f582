// An Ollama server for tests: speaks Ollama's HTTP API (`/api/chat` streamed as NDJSON or not,
// `/api/embed`, `/api/tags`, `/api/show`, `/api/version`, `/api/ps`) the way the `ollama` npm
// client expects it, with chat replies scripted by the test, and records every request so
// tests can assert what the model was shown. Ollama itself cannot run on the test machines.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type ScriptedReply,
  type TestModel,
  type WireChatRequest,
  type WireToolCall,
  deltasOf,
  finalMetrics,
  fullModelName,
  hashedEmbedding,
} from './ollama-wire.js';

export * from './ollama-wire.js';

/** The replies in order, or a function choosing each from the request and its index (from 0). */
export type ChatScript =
  | readonly ScriptedReply[]
  | ((request: WireChatRequest, index: number) => ScriptedReply | Promise<ScriptedReply>);

export interface OllamaTestServerOptions {
  /** Default: `llama3.1:8b` (completion, tools) and `nomic-embed-text` (embedding). */
  readonly models?: readonly TestModel[];
  readonly script?: ChatScript;
  /** Length of `/api/embed` vectors (default 64). */
  readonly embeddingDimensions?: number;
  /** `/api/version` (default `0.12.6`). */
  readonly version?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body, if any. */
  readonly body: unknown;
}

export const DEFAULT_TEST_MODELS: readonly TestModel[] = [
  {
    name: 'llama3.1:8b',
    capabilities: ['completion', 'tools'],
    family: 'llama',
    parameterSize: '8.0B',
  },
  {
    name: 'nomic-embed-text',
    capabilities: ['embedding'],
    family: 'nomic-bert',
    parameterSize: '137M',
  },
];

const JSON_TYPE = 'application/json; charset=utf-8';
type Json = Record<string, unknown>;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class OllamaTestServer {
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  readonly models: TestModel[];
  readonly #http: Server;
  readonly #stopped = new AbortController();
  readonly #dimensions: number;
  readonly #version: string;
  #queue: ScriptedReply[] = [];
  #scriptFn: Exclude<ChatScript, readonly ScriptedReply[]> | undefined;

  constructor(options: OllamaTestServerOptions = {}) {
    this.models = [...(options.models ?? DEFAULT_TEST_MODELS)];
    this.#dimensions = options.embeddingDimensions ?? 64;
    this.#version = options.version ?? '0.12.6';
    if (options.script) this.setScript(options.script);
    this.#http = createServer((req, res) => void this.#handle(req, res));
  }

  /** Starts on a free port of 127.0.0.1. */
  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.#http.once('error', reject);
      this.#http.listen(0, '127.0.0.1', () => resolve());
    });
    return this;
  }

  /** Stops listening and drops every connection (hanging answers included). */
  async stop(): Promise<void> {
    this.#stopped.abort();
    if (!this.#http.listening) return;
    const closed = new Promise<void>((resolve) => this.#http.close(() => resolve()));
    this.#http.closeAllConnections();
    await closed;
  }

  /** `http://127.0.0.1:<port>`, the client's `host`. */
  get url(): string {
    return `http://127.0.0.1:${(this.#http.address() as AddressInfo).port}`;
  }

  /** The `/api/chat` bodies received, in order. */
  get chats(): WireChatRequest[] {
    return this.requests
      .filter((r) => r.path === '/api/chat')
      .map((r) => r.body as WireChatRequest);
  }

  /** Replaces the script. */
  setScript(script: ChatScript): void {
    if (typeof script === 'function') {
      this.#queue = [];
      this.#scriptFn = script;
    } else {
      this.#queue = [...(script as readonly ScriptedReply[])];
      this.#scriptFn = undefined;
    }
  }

  /** Queues replies (used before the script function, if any). */
  enqueue(...replies: ScriptedReply[]): void {
    this.#queue.push(...replies);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const raw = await readBody(req);
      const body = raw ? parseJson(raw) : undefined;
      this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      await this.#route(req.method ?? 'GET', path, body, res);
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
      if (!res.headersSent) sendJson(res, 500, { error: (error as Error).message });
      else res.destroy();
    }
  }

  async #route(method: string, path: string, body: unknown, res: ServerResponse): Promise<void> {
    const route = `${method} ${path}`;
    if (route === 'POST /api/chat') return this.#chat(body as WireChatRequest, res);
    if (route === 'POST /api/embed') return this.#embed(body as Json, res);
    if (route === 'POST /api/show') return this.#show(body as Json, res);
    if (route === 'GET /api/tags') return sendJson(res, 200, { models: this.models.map(tagOf) });
    if (route === 'GET /api/ps') return sendJson(res, 200, { models: [] });
    if (route === 'GET /api/version') return sendJson(res, 200, { version: this.#version });
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
  }

  #model(name: unknown): TestModel | undefined {
    if (typeof name !== 'string' || !name) return undefined;
    return this.models.find((m) => fullModelName(m.name) === fullModelName(name));
  }

  #show(body: Json | undefined, res: ServerResponse): void {
    const name = body?.['model'] ?? body?.['name'];
    const model = this.#model(name);
    if (!model) throw new HttpError(404, `model '${String(name)}' not found`);
    sendJson(res, 200, {
      license: '',
      modelfile: `# Modelfile generated by "ollama show"\nFROM ${model.name}\n`,
      parameters: 'stop "<|eot_id|>"',
      template: '{{ .Prompt }}',
      details: detailsOf(model),
      model_info: { 'general.architecture': model.family ?? 'llama' },
      capabilities: [...capabilitiesOf(model)],
      modified_at: '2025-06-01T10:00:00.000000000Z',
    });
  }

  #embed(body: Json | undefined, res: ServerResponse): void {
    const name = body?.['model'];
    if (!this.#model(name)) {
      throw new HttpError(404, `model "${String(name)}" not found, try pulling it first`);
    }
    const input = body?.['input'];
    const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input : undefined;
    if (!texts || !texts.every((t) => typeof t === 'string')) {
      throw new HttpError(400, 'invalid input type');
    }
    sendJson(res, 200, {
      model: name,
      embeddings: texts.map((text) => hashedEmbedding(text, this.#dimensions)),
      total_duration: 14_143_917,
      load_duration: 1_019_500,
      prompt_eval_count: texts.length * 8,
    });
  }

  async #chat(body: WireChatRequest | undefined, res: ServerResponse): Promise<void> {
    if (!body?.model) throw new HttpError(400, 'model is required');
    const model = this.#model(body.model);
    if (!model) throw new HttpError(404, `model "${body.model}" not found, try pulling it first`);
    if (body.tools?.length && !capabilitiesOf(model).includes('tools')) {
      throw new HttpError(
        400,
        `registry.ollama.ai/library/${fullModelName(model.name)} does not support tools`,
      );
    }
    const index = this.chats.length - 1;
    const reply = await this.#next(body, index);
    const writer = new ChatWriter(res, body.model, this.#stopped.signal);
    await (body.stream === false ? writer.whole(reply) : writer.stream(reply));
  }

  async #next(body: WireChatRequest, index: number): Promise<ScriptedReply> {
    const queued = this.#queue.shift();
    if (queued) return queued;
    if (this.#scriptFn) return this.#scriptFn(body, index);
    return { type: 'http_error', status: 500, error: 'ollama test server: no scripted reply left' };
  }
}

/** Writes one chat answer, streamed or whole. */
class ChatWriter {
  #lines = 0;

  constructor(
    private readonly res: ServerResponse,
    private readonly model: string,
    private readonly stopped: AbortSignal,
  ) {}

  async stream(reply: ScriptedReply): Promise<void> {
    const { res } = this;
    switch (reply.type) {
      case 'http_error':
        return sendJson(res, reply.status, { error: reply.error });
      case 'malformed':
        res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
        return void res.end(reply.body);
      case 'hang':
        if (reply.text) await this.#deltas(reply.text, 0);
        return; // never ends: the client times out, or stop() drops the connection
    }
    await this.#deltas(reply.text ?? '', reply.delayMs ?? 0);
    if (reply.type === 'stream_error')
      return void res.end(`${JSON.stringify({ error: reply.error })}\n`);
    if (reply.type === 'tool_calls')
      this.#line({ content: '', tool_calls: toolCallsOf(reply) }, false);
    await reply.beforeDone;
    const doneReason = reply.type === 'text' ? (reply.doneReason ?? 'stop') : 'stop';
    this.#line({ content: '' }, true, { done_reason: doneReason, ...finalMetrics(this.#lines) });
    res.end();
  }

  async whole(reply: ScriptedReply): Promise<void> {
    const { res } = this;
    switch (reply.type) {
      case 'http_error':
        return sendJson(res, reply.status, { error: reply.error });
      case 'stream_error':
        return sendJson(res, 500, { error: reply.error });
      case 'malformed':
        res.writeHead(200, { 'Content-Type': JSON_TYPE });
        return void res.end(reply.body);
      case 'hang':
        return;
    }
    await reply.beforeDone;
    const content = deltasOf(reply.text ?? '').join('');
    const message: Json = { role: 'assistant', content };
    if (reply.type === 'tool_calls') message['tool_calls'] = toolCallsOf(reply);
    sendJson(res, 200, {
      ...this.#head(),
      message,
      done: true,
      done_reason: 'stop',
      ...finalMetrics(deltasOf(content).length),
    });
  }

  async #deltas(text: string | readonly string[], delayMs: number): Promise<void> {
    for (const delta of deltasOf(text)) {
      if (delta === '') continue;
      if (delayMs > 0) await sleep(delayMs, undefined, { signal: this.stopped }).catch(() => {});
      if (this.stopped.aborted || this.res.destroyed) return;
      this.#line({ content: delta }, false);
    }
  }

  #head(): Json {
    return { model: this.model, created_at: new Date().toISOString() };
  }

  #line(message: Json, done: boolean, extra: Json = {}): void {
    if (this.res.destroyed) return;
    if (!this.res.headersSent) this.res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    this.#lines++;
    const line = { ...this.#head(), message: { role: 'assistant', ...message }, done, ...extra };
    this.res.write(`${JSON.stringify(line)}\n`);
  }
}

function toolCallsOf(reply: {
  calls: readonly { name: string; arguments?: unknown }[];
}): WireToolCall[] {
  return reply.calls.map((call, index) => ({
    id: `call_${index}_${call.name}`,
    function: { index, name: call.name, arguments: call.arguments ?? {} },
  }));
}

function capabilitiesOf(model: TestModel): readonly string[] {
  return model.capabilities ?? ['completion', 'tools'];
}

function detailsOf(model: TestModel): Json {
  return {
    parent_model: '',
    format: 'gguf',
    family: model.family ?? 'llama',
    families: [model.family ?? 'llama'],
    parameter_size: model.parameterSize ?? '8.0B',
    quantization_level: 'Q4_K_M',
  };
}

function tagOf(model: TestModel): Json {
  const name = fullModelName(model.name);
  return {
    name,
    model: name,
    modified_at: '2025-06-01T10:00:00.000000000Z',
    size: 4_920_753_328,
    digest: `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`,
    details: detailsOf(model),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': JSON_TYPE }).end(JSON.stringify(body));
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'invalid character in request body');
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
