// The Ollama test server driven by the real `ollama` client: what the client sends is recorded,
// and what the server answers is read by the client the way it reads Ollama's.
import { Ollama, type ChatResponse } from 'ollama';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OllamaTestServer, callTools, say } from './ollama-test-server.js';

let server: OllamaTestServer;
let ollama: Ollama;

beforeEach(async () => {
  server = await new OllamaTestServer().start();
  ollama = new Ollama({ host: server.url });
});

afterEach(async () => {
  await server.stop();
});

async function collect(stream: AsyncIterable<ChatResponse>): Promise<ChatResponse[]> {
  const parts: ChatResponse[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: {
      type: 'object',
      required: ['city'],
      properties: { city: { type: 'string', description: 'The city' } },
    },
  },
};

describe('OllamaTestServer: /api/chat', () => {
  it('streams scripted text in several deltas, then a final line with metrics', async () => {
    server.setScript([say('Paris is the capital of France.')]);
    const stream = await ollama.chat({
      model: 'llama3.1:8b',
      messages: [{ role: 'user', content: 'What is the capital of France?' }],
      stream: true,
    });
    const parts = await collect(stream);
    const content = parts.map((p) => p.message.content).join('');
    expect(content).toBe('Paris is the capital of France.');
    expect(parts.filter((p) => p.message.content).length).toBeGreaterThan(2);
    const last = parts.at(-1)!;
    expect(last).toMatchObject({ done: true, done_reason: 'stop', model: 'llama3.1:8b' });
    expect(last.eval_count).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(String(last.created_at)))).toBe(false);
    expect(parts.slice(0, -1).every((p) => !p.done)).toBe(true);
  });

  it('records the request as the client sent it: messages, tools, options', async () => {
    server.setScript([callTools({ name: 'get_weather', arguments: { city: 'Lyon' } })]);
    await collect(
      await ollama.chat({
        model: 'llama3.1:8b',
        messages: [
          { role: 'system', content: 'You are Jarvis.' },
          { role: 'user', content: 'Weather in Lyon?' },
        ],
        tools: [WEATHER_TOOL],
        stream: true,
        keep_alive: '10m',
        options: { temperature: 0.2 },
      }),
    );
    expect(server.chats).toHaveLength(1);
    expect(server.chats[0]).toMatchObject({
      model: 'llama3.1:8b',
      stream: true,
      keep_alive: '10m',
      options: { temperature: 0.2 },
      messages: [
        { role: 'system', content: 'You are Jarvis.' },
        { role: 'user', content: 'Weather in Lyon?' },
      ],
      tools: [WEATHER_TOOL],
    });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.headers['user-agent']).toMatch(/^ollama-js\/0\.6\.4/);
  });

  it('streams tool calls, and reads the tool results sent back', async () => {
    server.setScript([
      callTools({ name: 'get_weather', arguments: { city: 'Lyon' } }),
      say('It is sunny in Lyon.'),
    ]);
    const messages = [{ role: 'user', content: 'Weather in Lyon?' }];
    const first = await collect(
      await ollama.chat({ model: 'llama3.1:8b', messages, tools: [WEATHER_TOOL], stream: true }),
    );
    const calls = first.flatMap((p) => p.message.tool_calls ?? []);
    expect(calls).toEqual([
      expect.objectContaining({
        function: expect.objectContaining({ name: 'get_weather', arguments: { city: 'Lyon' } }),
      }),
    ]);
    const followUp = [
      ...messages,
      { role: 'assistant', content: '', tool_calls: calls },
      { role: 'tool', content: '{"sky":"sunny"}', tool_name: 'get_weather' },
    ];
    const second = await collect(
      await ollama.chat({
        model: 'llama3.1:8b',
        messages: followUp,
        tools: [WEATHER_TOOL],
        stream: true,
      }),
    );
    expect(second.map((p) => p.message.content).join('')).toBe('It is sunny in Lyon.');
    expect(server.chats[1]!.messages!.at(-1)).toEqual({
      role: 'tool',
      content: '{"sky":"sunny"}',
      tool_name: 'get_weather',
    });
  });

  it('answers whole when not streaming, and gives the index to a script function', async () => {
    const seen: number[] = [];
    server.setScript((request, index) => {
      seen.push(index);
      return say(`Answer ${index} to ${request.messages?.at(-1)?.content}`);
    });
    const a = await ollama.chat({
      model: 'llama3.1:8b',
      messages: [{ role: 'user', content: 'a' }],
    });
    const b = await ollama.chat({
      model: 'llama3.1:8b',
      messages: [{ role: 'user', content: 'b' }],
      format: 'json',
    });
    expect(a.message.content).toBe('Answer 0 to a');
    expect(a.done).toBe(true);
    expect(b.message.content).toBe('Answer 1 to b');
    expect(seen).toEqual([0, 1]);
    expect(server.chats[1]).toMatchObject({ stream: false, format: 'json' });
    // A name without a tag means `:latest`, which this server does not have.
    await expect(ollama.chat({ model: 'llama3.1', messages: [] })).rejects.toMatchObject({
      status_code: 404,
    });
  });

  it('returns HTTP errors the client raises as ResponseError', async () => {
    server.setScript([
      { type: 'http_error', status: 500, error: 'llama runner process has terminated' },
    ]);
    const failure = ollama.chat({ model: 'llama3.1:8b', messages: [], stream: true });
    await expect(failure).rejects.toMatchObject({
      name: 'ResponseError',
      status_code: 500,
      error: 'llama runner process has terminated',
    });
  });

  it('refuses unknown models, and tools for a model that cannot call them', async () => {
    await expect(
      ollama.chat({ model: 'mistral', messages: [], stream: true }),
    ).rejects.toMatchObject({
      status_code: 404,
      error: 'model "mistral" not found, try pulling it first',
    });
    server.models.push({ name: 'gemma:2b', capabilities: ['completion'] });
    await expect(
      ollama.chat({ model: 'gemma:2b', messages: [], tools: [WEATHER_TOOL], stream: true }),
    ).rejects.toMatchObject({
      status_code: 400,
      error: expect.stringContaining('does not support tools'),
    });
  });

  it('sends an error line mid-stream, which the client throws', async () => {
    server.setScript([{ type: 'stream_error', text: 'Half an ', error: 'unexpected EOF' }]);
    const stream = await ollama.chat({ model: 'llama3.1:8b', messages: [], stream: true });
    await expect(collect(stream)).rejects.toThrow('unexpected EOF');
  });

  it('sends malformed output: the client finds no final line', async () => {
    server.setScript([{ type: 'malformed', body: 'this is not json\n{"model":"llama3.1:8b"' }]);
    const stream = await ollama.chat({ model: 'llama3.1:8b', messages: [], stream: true });
    await expect(collect(stream)).rejects.toThrow(
      'Did not receive done or success response in stream.',
    );
  });

  it('hangs before answering, until the server stops', async () => {
    server.setScript([{ type: 'hang' }]);
    const pending = ollama.chat({ model: 'llama3.1:8b', messages: [], stream: true });
    let settled = false;
    void pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    await server.stop();
    await expect(pending).rejects.toThrow();
  });

  it('stalls after some text; the stream can be aborted by the client', async () => {
    server.setScript([{ type: 'hang', text: ['Let me ', 'think'] }]);
    const stream = await ollama.chat({ model: 'llama3.1:8b', messages: [], stream: true });
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const part of stream) {
          got.push(part.message.content);
          if (got.length === 2) stream.abort();
        }
      })(),
    ).rejects.toThrow(/abort/i);
    expect(got).toEqual(['Let me ', 'think']);
  });

  it('holds the final line until the test lets it go', async () => {
    let release!: () => void;
    const beforeDone = new Promise<void>((resolve) => (release = resolve));
    server.setScript([say(['One ', 'two.'], { beforeDone, delayMs: 5 })]);
    const stream = await ollama.chat({ model: 'llama3.1:8b', messages: [], stream: true });
    const got: ChatResponse[] = [];
    for await (const part of stream) {
      got.push(part);
      if (got.length === 2) {
        expect(part.done).toBe(false);
        release();
      }
    }
    expect(got.map((p) => p.done)).toEqual([false, false, true]);
  });

  it('answers with an error when the script has run out', async () => {
    await expect(ollama.chat({ model: 'llama3.1:8b', messages: [] })).rejects.toMatchObject({
      status_code: 500,
      error: expect.stringContaining('no scripted reply'),
    });
  });
});

describe('OllamaTestServer: models and embeddings', () => {
  it('lists models, shows one with its capabilities, and 404s an unknown one', async () => {
    const { models } = await ollama.list();
    expect(models.map((m) => m.name)).toEqual(['llama3.1:8b', 'nomic-embed-text:latest']);
    expect(models[0]!.details.family).toBe('llama');
    const shown = await ollama.show({ model: 'llama3.1:8b' });
    expect(shown.capabilities).toEqual(['completion', 'tools']);
    expect(shown.details.parameter_size).toBe('8.0B');
    await expect(ollama.show({ model: 'nope:1b' })).rejects.toMatchObject({
      name: 'ResponseError',
      status_code: 404,
      error: "model 'nope:1b' not found",
    });
  });

  it('tells its version', async () => {
    expect(await ollama.version()).toEqual({ version: '0.12.6' });
  });

  it('embeds deterministically into unit vectors; similar texts are closer', async () => {
    const { embeddings, model } = await ollama.embed({
      model: 'nomic-embed-text',
      input: ['Felix is a black cat', 'Felix is a black cat', 'the cat Felix', 'turn on the oven'],
    });
    expect(model).toBe('nomic-embed-text');
    expect(embeddings).toHaveLength(4);
    const [a, b, c, d] = embeddings as [number[], number[], number[], number[]];
    expect(a).toHaveLength(64);
    expect(a).toEqual(b);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    const dot = (x: number[], y: number[]) => x.reduce((sum, v, i) => sum + v * y[i]!, 0);
    expect(dot(a, c)).toBeGreaterThan(dot(a, d));
    const single = await ollama.embed({ model: 'nomic-embed-text', input: 'hello' });
    expect(single.embeddings).toHaveLength(1);
  });
});
