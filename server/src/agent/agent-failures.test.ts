// Failure is spoken, not silent: Ollama down, slow, erroring, talking nonsense or looping on
// tools gives a short apology in the user's language, an error code and a count; never a throw.
import { Ollama } from 'ollama';
import { afterEach, describe, expect, it } from 'vitest';
import { TimeoutError } from 'wyoming-ts';
import { OllamaTestServer, callTools, say } from '../../../tests/helpers/ollama-test-server.js';
import { ConfigError, EngineError } from '../errors.js';
import { checkOllamaModel } from './check-model.js';
import { AGENT_ERROR_CODES, classifyError } from './failures.js';
import { phrase } from './phrases.js';
import { type AgentKit, type AgentKitOptions, startAgentKit, testRequest } from './test-kit.js';

let kit: AgentKit;

async function start(options: AgentKitOptions = {}): Promise<AgentKit> {
  kit = await startAgentKit(options);
  return kit;
}

afterEach(async () => {
  await kit?.stop();
});

describe('OllamaAgent: when Ollama fails', () => {
  it('apologises when Ollama is down, and counts it', async () => {
    await start();
    await kit.server.stop();
    const { deltas, reply } = await kit.ask('What is the capital of France?');
    expect(reply).toMatchObject({
      speech: "Sorry, I can't reach my language model right now.",
      failed: true,
      errorCode: 'ollama-unreachable',
      expectsReply: false,
      language: 'en',
    });
    expect(deltas.join('')).toBe(reply.speech);
    expect(kit.errors).toEqual(['ollama-unreachable']);
    const french = await kit.ask('Quelle est la capitale de la France ?');
    expect(french.reply.speech).toBe("Désolé, je n'arrive pas à joindre mon modèle de langage.");
    expect(await kit.conversations.recent('satellite-1')).toEqual([]);
  });

  it('gives up when no token comes within the timeout', async () => {
    await start({ timeoutMs: 300, script: [{ type: 'hang' }] });
    const { reply } = await kit.ask('What is the capital of France?');
    expect(reply).toMatchObject({
      speech: 'Sorry, my language model is taking too long to answer.',
      failed: true,
      errorCode: 'ollama-timeout',
    });
    expect(kit.errors).toEqual(['ollama-timeout']);
  });

  it('gives up when the stream stalls, after the part already spoken', async () => {
    await start({
      timeoutMs: 2000, // generous: the first deltas must come before it on a loaded machine
      script: [{ type: 'hang', text: ['The answer ', 'is 42. ', 'And the '] }],
    });
    const { deltas, reply } = await kit.ask('What is the answer?', { language: 'fr' });
    expect(deltas).toEqual([
      'The answer is 42. And the ',
      '\nDésolé, mon modèle de langage met trop de temps à répondre.',
    ]);
    expect(reply).toMatchObject({
      speech:
        'The answer is 42. And the \nDésolé, mon modèle de langage met trop de temps à répondre.',
      errorCode: 'ollama-timeout',
      language: 'fr',
    });
  });

  const httpCases: [string, Parameters<OllamaTestServer['enqueue']>[0], string][] = [
    [
      'an HTTP 500',
      { type: 'http_error', status: 500, error: 'llama runner process has terminated' },
      'ollama-http-error',
    ],
    [
      'a model that is gone',
      {
        type: 'http_error',
        status: 404,
        error: 'model "llama3.1:8b" not found, try pulling it first',
      },
      'ollama-model-missing',
    ],
    [
      'an error line in the stream',
      { type: 'stream_error', text: 'Well', error: 'unexpected EOF' },
      'ollama-error',
    ],
    [
      'output that is not NDJSON',
      { type: 'malformed', body: '<html>Bad gateway</html>\n' },
      'ollama-bad-response',
    ],
  ];
  it.each(httpCases)('apologises for %s', async (_name, scripted, code) => {
    await start({ script: [scripted] });
    const { reply } = await kit.ask('What is the capital of France?');
    expect(reply).toMatchObject({ failed: true, errorCode: code, speech: phrase('failed', 'en') });
    expect(kit.errors).toEqual([code]);
  });

  it('stops when the request is aborted: no apology, nothing counted', async () => {
    await start({ script: [{ type: 'hang' }] });
    const abort = new AbortController();
    const turn = kit.agent.reply(testRequest('Tell me a long story', { signal: abort.signal }));
    while (kit.server.chats.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    abort.abort();
    const deltas: string[] = [];
    for await (const delta of turn.text) deltas.push(delta);
    expect(await turn.done).toMatchObject({ failed: true, errorCode: 'aborted', speech: '' });
    expect(deltas).toEqual([]);
    expect(kit.errors).toEqual([]);
  });
});

describe('OllamaAgent: bad tool calls and the bounded loop', () => {
  it('sends an unknown tool back to the model once, and lets it recover', async () => {
    await start({
      script: [
        callTools({ name: 'turn_on_lights', arguments: {} }),
        say('Sorry, I cannot do that.'),
      ],
    });
    const { reply } = await kit.ask('Party mode!');
    expect(reply).toMatchObject({ speech: 'Sorry, I cannot do that.', failed: false });
    const tool = kit.server.chats[1]!.messages!.at(-1)!;
    expect(tool.role).toBe('tool');
    expect(JSON.parse(tool.content).error).toContain(
      'unknown tool "turn_on_lights"; the tools are: ha_call_service',
    );
  });

  it('apologises after a second bad call', async () => {
    await start({
      script: [
        callTools({ name: 'turn_on_lights', arguments: {} }),
        callTools({ name: 'get_states', arguments: 'the kitchen' }),
        say('never said'),
      ],
    });
    const { reply } = await kit.ask('Party mode!');
    expect(reply).toMatchObject({
      speech: 'Sorry, I got confused trying to do that.',
      failed: true,
      errorCode: 'bad-tool-call',
      tools: ['turn_on_lights', 'get_states'],
    });
    expect(kit.server.chats).toHaveLength(2);
    expect(kit.errors).toEqual(['bad-tool-call']);
  });

  it('tells the model when arguments do not fit the schema', async () => {
    await start({
      script: [
        callTools({ name: 'ha_call_service', arguments: { domain: 'light' } }),
        say('Which light?'),
      ],
    });
    await kit.ask('Light!');
    const result = JSON.parse(kit.server.chats[1]!.messages!.at(-1)!.content);
    expect(result).toEqual({
      ok: false,
      error: 'ha_call_service: missing required argument "service"',
    });
  });

  it('stops a model that keeps calling tools after maxToolRounds rounds', async () => {
    await start({ maxToolRounds: 2, script: () => callTools({ name: 'get_time', arguments: {} }) });
    const { reply } = await kit.ask('What time is it, really?');
    expect(kit.server.chats).toHaveLength(3);
    expect(reply).toMatchObject({
      speech: "Sorry, I couldn't finish doing that.",
      failed: true,
      errorCode: 'tool-loop',
      tools: ['get_time', 'get_time'],
    });
  });

  it('apologises for an empty answer', async () => {
    await start({ script: [say('')] });
    const { reply } = await kit.ask('Hmm?');
    expect(reply).toMatchObject({
      failed: true,
      errorCode: 'no-answer',
      speech: "Sorry, I don't have an answer to that.",
    });
  });

  it('says "done" when the model acted and said nothing', async () => {
    await start({
      script: [
        callTools({
          name: 'ha_call_service',
          arguments: { domain: 'switch', service: 'turn_on', entity_id: ['switch.coffee_machine'] },
        }),
        say(''),
      ],
    });
    const { reply } = await kit.ask('Coffee', { language: 'fr' });
    expect(reply).toMatchObject({ failed: false, speech: "C'est fait." });
  });
});

describe('classifyError', () => {
  const table: [string, unknown, string][] = [
    ['a timeout', new TimeoutError('slow', 10), 'ollama-timeout'],
    [
      'a refused connection',
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      'ollama-unreachable',
    ],
    ['a dropped connection', new TypeError('terminated'), 'ollama-unreachable'],
    [
      'a 500',
      Object.assign(new Error('boom'), { name: 'ResponseError', status_code: 500 }),
      'ollama-http-error',
    ],
    [
      'a 404',
      Object.assign(new Error('not found'), { name: 'ResponseError', status_code: 404 }),
      'ollama-model-missing',
    ],
    [
      'no tools',
      Object.assign(new Error('x does not support tools'), {
        name: 'ResponseError',
        status_code: 400,
      }),
      'ollama-no-tools',
    ],
    [
      'no final line',
      new Error('Did not receive done or success response in stream.'),
      'ollama-bad-response',
    ],
    ['anything else', new Error('unexpected EOF'), 'ollama-error'],
    ['not an error', 'boom', 'agent-failed'],
  ];
  it.each(table)('%s → %s', (_name, error, code) => {
    expect(classifyError(error)).toBe(code);
    expect(AGENT_ERROR_CODES).toContain(code);
  });

  it('is "aborted" when the request was', () => {
    expect(classifyError(new Error('whatever'), true)).toBe('aborted');
  });
});

describe('checkOllamaModel', () => {
  let server: OllamaTestServer;

  afterEach(async () => {
    await server?.stop();
  });

  it('resolves with the model when it exists and can call tools', async () => {
    server = await new OllamaTestServer().start();
    const info = await checkOllamaModel(new Ollama({ host: server.url }), 'llama3.1:8b');
    expect(info).toEqual({
      model: 'llama3.1:8b',
      capabilities: ['completion', 'tools'],
      family: 'llama',
      parameterSize: '8.0B',
      quantization: 'Q4_K_M',
    });
    expect(server.requests.at(-1)).toMatchObject({
      path: '/api/show',
      body: { model: 'llama3.1:8b' },
    });
  });

  it('names ollama.model and says how to pull a missing model', async () => {
    server = await new OllamaTestServer().start();
    const failure = checkOllamaModel(new Ollama({ host: server.url }), 'qwen2.5:7b-instruct');
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toMatchObject({
      path: 'ollama.model',
      message:
        'ollama.model: model "qwen2.5:7b-instruct" is not in Ollama; run "ollama pull qwen2.5:7b-instruct"',
    });
  });

  it('refuses a model that cannot call tools', async () => {
    server = await new OllamaTestServer({
      models: [{ name: 'gemma:2b', capabilities: ['completion'] }],
    }).start();
    const failure = checkOllamaModel(new Ollama({ host: server.url }), 'gemma:2b');
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(
      'ollama.model: model "gemma:2b" cannot call tools; use a tool-calling model such as llama3.1:8b or qwen2.5:7b-instruct',
    );
  });

  it('throws a retryable EngineError when Ollama cannot be reached', async () => {
    server = await new OllamaTestServer().start();
    const host = server.url;
    await server.stop();
    const failure = checkOllamaModel(new Ollama({ host }), 'llama3.1:8b');
    await expect(failure).rejects.toBeInstanceOf(EngineError);
    await expect(failure).rejects.toMatchObject({ engine: 'ollama', retryable: true });
    await expect(failure).rejects.toThrow(/cannot reach Ollama/);
  });

  it('stops waiting when its signal aborts', async () => {
    server = await new OllamaTestServer().start();
    const abort = new AbortController();
    abort.abort(new Error('shutting down'));
    await expect(
      checkOllamaModel(new Ollama({ host: server.url }), 'llama3.1:8b', abort.signal),
    ).rejects.toThrow('shutting down');
  });
});
