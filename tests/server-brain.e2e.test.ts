// The brain end to end, in the real server process: the Ollama agent (through a test server that
// speaks Ollama's HTTP API), the conversation context (a real redis-server) and long-term memory
// (real LanceDB files in the server's data dir), reached by voice and by the HTTP API.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAsr } from '../server/src/engines/stt/fake-asr-server.js';
import { CLOSED_PORT } from './helpers/ports.js';
import { HaTestServer } from './helpers/ha-test-server.js';
import {
  callTools,
  OllamaTestServer,
  say,
  type WireChatRequest,
} from './helpers/ollama-test-server.js';
import { startRedisServer } from './helpers/redis-server.js';
import {
  API_TOKEN,
  type Cleanups,
  counter,
  type JarvisServer,
  jarvisServer,
  kitchenHome,
  listening,
  liveSatellite,
  runCleanups,
  until,
  wakeAndCommand,
} from './helpers/server-e2e.js';
import { joinPcm, silence, speak, TEST_VOICES } from './helpers/speech.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

async function ollamaServer(): Promise<OllamaTestServer> {
  const ollama = await new OllamaTestServer().start();
  cleanups.push(() => ollama.stop());
  return ollama;
}

/** The brain's config for a test: this Ollama, no fact extraction (it would take replies). */
const brain = (ollama: OllamaTestServer, extra: Record<string, unknown> = {}) => ({
  ollama: { url: ollama.url, model: 'llama3.1:8b', timeout_ms: 5000 },
  agent: { extract_facts: false },
  memory: { embedder: 'hashed' },
  ...extra,
});

async function request(
  server: JarvisServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${server.httpPort}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

const converse = async (server: JarvisServer, text: string, conversationId = 'e2e') =>
  (await request(server, 'POST', '/api/conversation', { text, conversation_id: conversationId }))
    .json;

const systemOf = (chat: WireChatRequest) =>
  chat.messages?.find((m) => m.role === 'system')?.content ?? '';

describe('the agent by voice', () => {
  it('an open question streams its answer to the satellite, and a follow-up needs no wake word', async () => {
    const transcripts = ['what is the capital of france', 'and how many people live there'];
    const asr = await startFakeAsr({ transcribe: () => transcripts.shift() ?? '' });
    cleanups.push(() => asr.stop());
    const ollama = await ollamaServer();
    let releaseFirst!: () => void;
    const firstHeld = new Promise((resolve) => (releaseFirst = () => resolve(undefined)));
    ollama.enqueue(
      say('Paris is the capital of France. Do you want to know more about it?', {
        delayMs: 30,
        beforeDone: firstHeld,
      }),
      say('About two million people live in Paris itself.'),
    );
    const ha = await kitchenHome(cleanups);
    const server = await jarvisServer(ha, cleanups, {
      ...brain(ollama),
      stt: { phrase: { enabled: false }, moonshine: { enabled: false }, wyoming_uri: asr.uri },
    });
    const satellite = liveSatellite(
      'kitchen',
      server.wyomingUri,
      tempDir('jarvis-brain-'),
      cleanups,
    );
    await listening(server, satellite);

    void satellite.mic.say(await wakeAndCommand('what is the capital of france'));
    // The first sentence is spoken while the model still holds its answer open.
    await until('the first sentence playing', () => /<- audio-start/.test(satellite.process.log()));
    expect(ollama.chats).toHaveLength(1);
    releaseFirst();
    // The answer was a question: after `played` the server opens the microphone again.
    await until('listening again without the wake word', () =>
      /<- run-pipeline/.test(satellite.process.log()),
    );
    const voice = TEST_VOICES[0]!;
    const followUp = await speak('and how many people live there', voice);
    await satellite.mic.say(joinPcm(silence(300), followUp.audio, silence(1500)).audio);
    await until('the second answer', () => ollama.chats.length === 2);
    const second = ollama.chats[1]!;
    const said = second.messages!.map((m) => `${m.role}: ${m.content}`);
    expect(said).toContain('user: what is the capital of france');
    expect(said.some((m) => m.startsWith('assistant: Paris is the capital of France.'))).toBe(true);
    expect(said.at(-1)).toBe('user: and how many people live there');
    const metrics = await until('two turns counted', async () => {
      const text = await server.metrics();
      return counter(text, 'jarvis_turns_total') === 2 ? text : undefined;
    });
    expect(metrics).toMatch(/jarvis_intent_turns_total\{intent="agent"\} 2/);
    expect(satellite.playedSeconds()).toBeGreaterThan(3);
  });
});

describe('the agent over the HTTP API', () => {
  it('switches a light with a tool call, and unlocks the door only after a yes', async () => {
    const ha = await HaTestServer.start({
      areas: [{ area_id: 'hall', name: 'Hall', aliases: [] }],
      entities: [
        { entity_id: 'light.hall', original_name: 'Hall light', area_id: 'hall' },
        { entity_id: 'lock.front_door', original_name: 'Front door', area_id: 'hall' },
      ],
      states: [
        { entity_id: 'light.hall', state: 'off', attributes: { friendly_name: 'Hall light' } },
        {
          entity_id: 'lock.front_door',
          state: 'locked',
          attributes: { friendly_name: 'Front door' },
        },
      ],
      exposed: { 'light.hall': true, 'lock.front_door': true },
    });
    cleanups.push(() => ha.stop());
    const ollama = await ollamaServer();
    const server = await jarvisServer(ha, cleanups, brain(ollama));

    ollama.enqueue(
      callTools({
        name: 'ha_call_service',
        arguments: { domain: 'light', service: 'turn_on', entity_id: ['light.hall'] },
      }),
      say('The hall light is on.'),
    );
    const lit = await converse(server, 'it is dark in here, can you help');
    expect(lit).toMatchObject({
      handled: true,
      handled_by: 'agent',
      response: 'The hall light is on.',
    });
    expect(ha.calls.map((c) => `${c.domain}.${c.service}`)).toEqual(['light.turn_on']);
    expect(ha.home.state('light.hall')?.state).toBe('on');

    ollama.enqueue(
      callTools({
        name: 'ha_call_service',
        arguments: { domain: 'lock', service: 'unlock', entity_id: ['lock.front_door'] },
      }),
    );
    const asked = await converse(server, 'let my sister in please', 'door');
    expect(asked.expects_reply).toBe(true);
    expect(String(asked.response)).toMatch(/front door/i);
    expect(ha.home.state('lock.front_door')?.state).toBe('locked');
    const done = await converse(server, 'yes', 'door');
    expect(done.handled_by).toBe('agent');
    expect(ha.home.state('lock.front_door')?.state).toBe('unlocked');
    expect(ha.calls.map((c) => `${c.domain}.${c.service}`)).toEqual([
      'light.turn_on',
      'lock.unlock',
    ]);
  });

  it('Ollama down: a spoken apology, counted, and the local intents still work', async () => {
    const ha = await kitchenHome(cleanups);
    const server = await jarvisServer(ha, cleanups, {
      ollama: { url: `http://127.0.0.1:${CLOSED_PORT}`, timeout_ms: 2000 },
      memory: { embedder: 'auto' },
    });
    expect(server.process.log()).toMatch(/conversation agent: Ollama llama3\.1:8b .*unreachable/);
    const answer = await converse(server, 'tell me a joke');
    expect(answer).toMatchObject({ handled: false, error: 'ollama-unreachable' });
    expect(String(answer.response)).toMatch(/sorry/i);
    const metrics = await server.metrics();
    expect(metrics).toMatch(/jarvis_agent_errors_total\{code="ollama-unreachable"\} 1/);
    expect(await converse(server, 'turn on the kitchen light')).toMatchObject({
      handled: true,
      handled_by: 'intent',
      intent: 'HassTurnOn',
    });
    expect(ha.home.state('light.kitchen')?.state).toBe('on');
  });

  it('a model that cannot call tools stops start-up with a clear error', async () => {
    const ollama = await new OllamaTestServer({
      models: [{ name: 'gemma:2b', capabilities: ['completion'] }],
    }).start();
    cleanups.push(() => ollama.stop());
    const ha = await kitchenHome(cleanups);
    await expect(
      jarvisServer(ha, cleanups, { ollama: { url: ollama.url, model: 'gemma:2b' } }),
    ).rejects.toThrow(/exited with 2[\s\S]*ollama\.model[\s\S]*cannot call tools/);
  });
});

describe('long-term memory', () => {
  it('remembers, recalls into the prompt, updates, forgets, and keeps memories across a restart', async () => {
    const ha = await kitchenHome(cleanups);
    const ollama = await ollamaServer();
    const dataDir = tempDir('jarvis-brain-data-');
    const config = { ...brain(ollama), data_dir: dataDir };
    let server = await jarvisServer(ha, cleanups, config);

    const added = await request(server, 'POST', '/api/memories', { text: 'Felix is a black cat' });
    expect(added.status).toBe(201);
    ollama.enqueue(say('Felix is black.'));
    await converse(server, 'what colour is my cat?');
    expect(systemOf(ollama.chats[0]!)).toContain('Felix is a black cat');
    ollama.enqueue(say('Paris.'));
    await converse(server, 'what is the capital of France?');
    expect(systemOf(ollama.chats[1]!)).not.toContain('Felix');

    ollama.enqueue(
      callTools({ name: 'remember', arguments: { text: 'Felix is actually grey', kind: 'fact' } }),
      say('Noted: Felix is grey.'),
    );
    await converse(server, 'actually felix is grey');
    // A new colour; that Felix is a cat still holds (newest first).
    const listed = await request(server, 'GET', '/api/memories');
    expect(listed.json.total).toBe(2);
    const [felix, cat] = listed.json.memories as { id: string; text: string }[];
    expect(felix!.text).toBe('Felix is actually grey');
    expect(cat!.text).toBe('Felix is a black cat');

    await server.process.stop();
    server = await jarvisServer(ha, cleanups, config);
    const found = await request(
      server,
      'GET',
      `/api/memories?q=${encodeURIComponent('what colour is felix')}`,
    );
    expect((found.json.memories as { id: string }[])[0]?.id).toBe(felix!.id);

    ollama.enqueue(
      callTools({ name: 'forget', arguments: { query: 'everything about Felix' } }),
      say('Forgotten.'),
    );
    await converse(server, 'forget about felix');
    expect((await request(server, 'GET', '/api/memories')).json.total).toBe(0);
    expect((await request(server, 'DELETE', `/api/memories/${felix!.id}`)).status).toBe(404);
  });
});

describe('conversation context in Redis', () => {
  it('Redis killed mid-run: conversations go on in memory, and back to Redis when it returns', async () => {
    const redis = await startRedisServer({ persistent: true });
    cleanups.push(() => redis.stop());
    const ha = await kitchenHome(cleanups);
    const ollama = await ollamaServer();
    ollama.setScript(() => say('Noted.'));
    const server = await jarvisServer(ha, cleanups, {
      ...brain(ollama),
      redis: { url: redis.url },
    });
    const health = async () => (await request(server, 'GET', '/health')).json.conversation_context;
    expect(await health()).toBe('redis');
    await converse(server, 'my name is Ada', 'talk');

    await redis.kill();
    await converse(server, 'I live in Lyon', 'talk');
    expect(await health()).toBe('memory (Redis unavailable)');
    expect(server.process.log()).toMatch(/Redis .*unreachable/);

    await redis.restart();
    await until('back on Redis', async () => (await health()) === 'redis');
    await converse(server, 'what do you know about me', 'talk');
    const last = ollama.chats.at(-1)!.messages!.map((m) => m.content);
    expect(last).toContain('my name is Ada');
    expect(last).toContain('I live in Lyon');
    expect(server.process.child.exitCode).toBeNull();
  });
});
