// Long-term memory through the agent, on real LanceDB files: the memory tools, memories in the
// prompt when they are relevant, and facts extracted after a turn.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Logger, silentLogger } from 'wyoming-ts';
import { callTools, say } from '../../../tests/helpers/ollama-test-server.js';
import { HashedEmbedder } from '../memory/hashed-embedder.js';
import { openLanceMemory } from '../memory/lance-memory.js';
import type { MemoryStore } from '../memory/memory.js';
import { OpeningMemory } from '../memory/opening-memory.js';
import { parseFacts } from './extract.js';
import {
  type AgentKit,
  type AgentKitOptions,
  lastToolResult,
  startAgentKit,
  systemOf,
  toolNames,
} from './test-kit.js';

let kit: AgentKit | undefined;
let memory: MemoryStore;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jarvis-agent-memory-'));
  memory = await openLanceMemory({ dir, embedder: new HashedEmbedder() });
});

afterEach(async () => {
  await kit?.stop();
  kit = undefined;
  await memory.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: AgentKitOptions = {}): Promise<AgentKit> {
  kit = await startAgentKit({ memory, ...options });
  return kit;
}

describe('OllamaAgent: the memory tools', () => {
  it('recall says memory is still getting ready while the store re-embeds', async () => {
    const store = memory;
    let open!: (store: MemoryStore) => void;
    memory = new OpeningMemory(new Promise((resolve) => (open = resolve)), silentLogger);
    try {
      const started = await start({
        script: [
          callTools({ name: 'recall', arguments: { query: 'Felix' } }),
          say('My memory is still getting ready.'),
        ],
      });
      await started.ask('What colour is Felix?');
      expect(lastToolResult(started.server.chats[1])).toMatchObject({
        memories: [],
        note: expect.stringMatching(/still getting ready/),
      });
    } finally {
      open(store); // afterEach closes it through the wrapper
    }
  });

  it('offers them only with a memory store', async () => {
    const started = await start({ script: [say('Hi.')] });
    await started.ask('Hello there');
    expect(toolNames(started.server.chats[0])).toEqual(
      expect.arrayContaining(['remember', 'recall', 'forget']),
    );
    expect(systemOf(started.server.chats[0])).toContain('save it with the remember tool');
  });

  it('remembers, recalls, updates and forgets through tool calls', async () => {
    const started = await start({
      script: [
        callTools({
          name: 'remember',
          arguments: { text: 'Felix is a black cat', kind: 'fact', subject: 'Felix' },
        }),
        say("I'll remember that Felix is a black cat."),
        callTools({ name: 'recall', arguments: { query: 'Felix' } }),
        say('Felix is a black cat.'),
        callTools({
          name: 'remember',
          arguments: { text: 'Felix is actually grey', kind: 'fact', subject: 'Felix' },
        }),
        say('Noted: Felix is grey.'),
        callTools({ name: 'forget', arguments: { query: 'everything about Felix' } }),
        say("I've forgotten about Felix."),
      ],
    });
    const told = await started.ask('Felix is a black cat');
    expect(told.reply).toMatchObject({ tools: ['remember'], failed: false });
    expect(lastToolResult(started.server.chats[1])).toMatchObject({
      ok: true,
      action: 'added',
      memory: { kind: 'fact', subject: 'felix', text: 'Felix is a black cat' },
    });
    expect(await memory.count()).toBe(1);
    const [saved] = (await memory.list()).memories;
    expect(saved).toMatchObject({ text: 'Felix is a black cat', source: 'satellite-1' });

    await started.ask('What do you know about Felix?');
    const recalled = lastToolResult(started.server.chats[3]) as {
      memories: { text: string; score: number }[];
    };
    expect(recalled.memories[0]).toMatchObject({ text: 'Felix is a black cat' });

    // A new colour: that Felix is a cat still holds, his old colour goes into the history.
    await started.ask('Actually Felix is grey');
    expect(lastToolResult(started.server.chats[5])).toMatchObject({
      ok: true,
      action: 'updated',
      replaced: 'Felix is a black cat',
      memory: { text: 'Felix is actually grey', before: [{ text: 'Felix is a black cat' }] },
    });
    expect(await memory.count()).toBe(2);

    const forgot = await started.ask('Forget everything about Felix');
    expect(forgot.reply.speech).toBe("I've forgotten about Felix.");
    const deleted = (lastToolResult(started.server.chats[7]) as { deleted: { text: string }[] })
      .deleted;
    expect(deleted.map((m) => m.text).sort()).toEqual([
      'Felix is a black cat',
      'Felix is actually grey',
    ]);
    expect(await memory.count()).toBe(0);
  });

  it('answers "what did I tell you about Felix" with every current fact, old values marked', async () => {
    for (const text of ['Felix is a black cat', 'Felix likes warm places', 'Felix is at the vet']) {
      await memory.remember({ text, kind: 'fact', subject: 'Felix' });
    }
    await memory.remember({ text: 'Felix is actually grey', kind: 'fact', subject: 'Felix' });
    await memory.remember({ text: 'Hugo is allergic to cats', kind: 'fact' });
    const started = await start({
      script: [
        callTools({ name: 'recall', arguments: { query: 'what did I tell you about Felix' } }),
        say('Felix is a grey cat who likes warm places; he is at the vet.'),
      ],
    });
    await started.ask('What did I tell you about Felix?');
    const { memories } = lastToolResult(started.server.chats[1]) as {
      memories: { text: string; no_longer_true?: string[] }[];
    };
    expect(memories.map((m) => m.text).sort()).toEqual([
      'Felix is a black cat',
      'Felix is actually grey',
      'Felix is at the vet',
      'Felix likes warm places',
    ]);
    expect(memories.find((m) => m.text === 'Felix is a black cat')?.no_longer_true).toEqual([
      'colour: now "Felix is actually grey"',
    ]);
  });

  it('tells the model when there is nothing to forget', async () => {
    const started = await start({
      script: [
        callTools({ name: 'forget', arguments: { query: 'the dentist appointment' } }),
        say('I had nothing about that.'),
      ],
    });
    await started.ask('Forget the dentist appointment');
    expect(lastToolResult(started.server.chats[1])).toEqual({
      ok: false,
      error: 'no memory matches that; nothing was deleted',
    });
  });
});

describe('OllamaAgent: memories in the prompt', () => {
  beforeEach(async () => {
    await memory.remember({ text: 'Felix is a black cat', kind: 'fact', subject: 'Felix' });
    await memory.remember({
      text: 'I prefer warm light in the evening',
      kind: 'preference',
      subject: 'evening light',
    });
  });

  it('recalls the memories that bear on the request into the system prompt', async () => {
    const started = await start({ script: [say('Felix is black.')] });
    await started.ask('What colour is Felix?');
    const system = systemOf(started.server.chats[0]);
    expect(system).toContain('What you remember that may help:');
    expect(system).toContain('- Felix is a black cat (fact, about felix');
    expect(system).not.toContain('warm light');
  });

  it('leaves them out when the request is about something else', async () => {
    const started = await start({ script: [say('Paris.')] });
    await started.ask('What is the capital of France?');
    const system = systemOf(started.server.chats[0]);
    expect(system).not.toContain('What you remember');
    expect(system).not.toContain('Felix');
  });
});

describe('OllamaAgent: fact extraction', () => {
  it('remembers the durable facts of a turn in the background, without delaying the answer', async () => {
    let release!: () => void;
    const beforeDone = new Promise<void>((resolve) => (release = resolve));
    const started = await start({
      extractFacts: true,
      script: (request) =>
        request.format
          ? say(
              '{"facts":[{"kind":"fact","subject":"smoking","text":"The user stopped smoking on 2 June 2025"}]}',
              {
                beforeDone,
              },
            )
          : say('Congratulations!'),
    });
    const { reply } = await started.ask('I stopped smoking today');
    expect(reply.speech).toBe('Congratulations!');
    // The answer is out while the extraction is still waiting for the model.
    expect(await memory.count()).toBe(0);
    release();
    await started.agent.idle();
    const extraction = started.server.chats[1]!;
    expect(extraction.tools).toBeUndefined();
    expect(extraction.format).toMatchObject({ type: 'object', required: ['facts'] });
    expect(extraction.messages!.at(-1)).toEqual({
      role: 'user',
      content: 'I stopped smoking today',
    });
    expect(systemOf(extraction)).toContain('durable facts');
    const { memories } = await memory.list();
    expect(memories).toEqual([
      expect.objectContaining({
        kind: 'fact',
        text: 'The user stopped smoking on 2 June 2025',
        source: 'satellite-1',
      }),
    ]);
  });

  it('only logs when extraction fails, and skips turns that used the memory tools', async () => {
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} };
    const started = await start({
      extractFacts: true,
      logger,
      script: [
        say('Noted.'),
        { type: 'http_error', status: 500, error: 'out of memory' },
        callTools({ name: 'remember', arguments: { text: 'The spare key is under the mat' } }),
        say('I will remember.'),
      ],
    });
    const { reply } = await started.ask('My sister Lena lives in Lyon');
    expect(reply).toMatchObject({ failed: false, speech: 'Noted.' });
    await started.agent.idle();
    expect(warnings.some((w) => w.startsWith('fact extraction failed: out of memory'))).toBe(true);
    expect(started.errors).toEqual([]);
    await started.ask('Remember the spare key is under the mat');
    await started.agent.idle();
    expect(started.server.chats).toHaveLength(4);
    expect(await memory.count()).toBe(1);
  });
});

describe('parseFacts', () => {
  const table: [string, string, unknown[]][] = [
    [
      'a list',
      '{"facts":[{"kind":"preference","subject":"light","text":"Likes warm light"}]}',
      [{ kind: 'preference', subject: 'light', text: 'Likes warm light' }],
    ],
    ['no facts', '{"facts":[]}', []],
    ['not JSON', 'Sure! Here are the facts', []],
    [
      'a bare array',
      '[{"kind":"house","subject":"salon","text":"Trois lampes Hue au salon"}]',
      [{ kind: 'house', subject: 'salon', text: 'Trois lampes Hue au salon' }],
    ],
    [
      'an unknown kind',
      '{"facts":[{"kind":"gossip","subject":"x","text":"Something true"}]}',
      [{ kind: 'fact', subject: 'x', text: 'Something true' }],
    ],
    [
      'no subject',
      '{"facts":[{"kind":"fact","text":"Felix is a cat"}]}',
      [{ kind: 'fact', subject: 'Felix is a cat', text: 'Felix is a cat' }],
    ],
    ['junk entries', '{"facts":[1,"x",{"text":""},{"kind":"fact","subject":"a","text":"ok"}]}', []],
  ];
  it.each(table)('reads %s', (_name, json, expected) => {
    expect(parseFacts(json)).toEqual(expected);
  });

  it('keeps at most five', () => {
    const facts = Array.from({ length: 8 }, (_, i) => ({
      kind: 'fact',
      subject: `s${i}`,
      text: `Fact number ${i}`,
    }));
    expect(parseFacts(JSON.stringify({ facts }))).toHaveLength(5);
  });
});
