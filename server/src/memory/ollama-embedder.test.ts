import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ollama } from 'ollama';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { OllamaEmbedder } from './ollama-embedder.js';

// A tiny Ollama: POST /api/embed {model, input} -> {model, embeddings}, as the real server answers,
// with vectors from the hashed embedder scaled by 3 (so normalisation shows). Unknown models get
// Ollama's 404 `{"error": "model \"x\" not found, try pulling it first"}`.
const MODELS = new Map([['nomic-embed-text', new HashedEmbedder({ dimensions: 64 })]]);
let server: Server;
let host: string;
let requests: { model: string; input: string | string[] }[];
let delayMs = 0;

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  if (req.method !== 'POST' || req.url !== '/api/embed')
    return answer(res, 404, '404 page not found');
  const body = JSON.parse(raw) as { model: string; input: string | string[] };
  requests.push(body);
  const model = MODELS.get(body.model);
  if (!model) {
    return answer(res, 404, { error: `model "${body.model}" not found, try pulling it first` });
  }
  const input = Array.isArray(body.input) ? body.input : [body.input];
  const embeddings = input.map((t) => Array.from(model.embedOne(t), (x) => x * 3));
  setTimeout(
    () =>
      answer(res, 200, {
        model: body.model,
        embeddings,
        total_duration: 1_000_000,
        load_duration: 1000,
        prompt_eval_count: input.length,
      }),
    delayMs,
  );
}

beforeEach(async () => {
  requests = [];
  delayMs = 0;
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('OllamaEmbedder', () => {
  it('learns the dimensions from one probe and embeds a batch in one request', async () => {
    const ollama = new Ollama({ host });
    const embedder = await OllamaEmbedder.create({ ollama, model: 'nomic-embed-text' });
    expect(embedder.id).toBe('ollama:nomic-embed-text');
    expect(embedder.dimensions).toBe(64);
    expect(requests).toHaveLength(1);

    const texts = ['Felix is a black cat', 'I like warm light in the evening'];
    const vectors = await embedder.embed(texts);
    expect(requests[1]).toEqual({ model: 'nomic-embed-text', input: texts });
    expect(vectors).toHaveLength(2);
    const reference = new HashedEmbedder({ dimensions: 64 });
    vectors.forEach((v, i) => {
      expect(v).toBeInstanceOf(Float32Array);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
      const expected = reference.embedOne(texts[i]!);
      v.forEach((x, j) => expect(x).toBeCloseTo(expected[j]!, 5));
    });
    expect(await embedder.embed([])).toEqual([]);
    expect(requests).toHaveLength(2);
  });

  it('turns a missing model into a non-retryable EngineError', async () => {
    const ollama = new Ollama({ host });
    const failure = OllamaEmbedder.create({ ollama, model: 'no-such-model' });
    await expect(failure).rejects.toBeInstanceOf(EngineError);
    await expect(failure).rejects.toMatchObject({ engine: 'ollama', retryable: false });
    await expect(failure).rejects.toThrow(/no-such-model.*not found/);
  });

  it('turns an unreachable Ollama into a retryable EngineError', async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    server = createServer();
    const embedder = new OllamaEmbedder({
      ollama: new Ollama({ host }),
      model: 'nomic-embed-text',
    });
    const failure = embedder.embed(['hello']);
    await expect(failure).rejects.toBeInstanceOf(EngineError);
    await expect(failure).rejects.toMatchObject({ engine: 'ollama', retryable: true });
    expect(() => embedder.dimensions).toThrow(EngineError);
  });

  it('stops waiting when its signal aborts', async () => {
    delayMs = 5_000;
    const embedder = new OllamaEmbedder({
      ollama: new Ollama({ host }),
      model: 'nomic-embed-text',
      dimensions: 64,
    });
    const controller = new AbortController();
    const pending = embedder.embed(['hello'], controller.signal);
    setTimeout(() => controller.abort(new Error('user went away')), 50);
    await expect(pending).rejects.toThrow('user went away');
    await expect(embedder.embed(['x'], AbortSignal.abort())).rejects.toThrow();
  });
});
