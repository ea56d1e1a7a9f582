import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lancedb from '@lancedb/lancedb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from 'wyoming-ts';
import { HashedEmbedder } from './hashed-embedder.js';
import { type LanceMemory, type LanceMemoryOptions, openLanceMemory } from './lance-memory.js';

const DAY = 86_400_000;
let dir: string;
let clock: number;
const stores: LanceMemory[] = [];

async function open(options: Partial<LanceMemoryOptions> = {}): Promise<LanceMemory> {
  const store = await openLanceMemory({
    dir,
    embedder: new HashedEmbedder(),
    now: () => clock,
    ...options,
  });
  stores.push(store);
  return store;
}

function recordingLogger(): Logger & { infos: string[] } {
  const infos: string[] = [];
  const none = () => undefined;
  return { infos, debug: none, info: (m: string) => infos.push(m), warn: none, error: none };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jarvis-memory-'));
  clock = Date.UTC(2025, 0, 15, 12);
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('LanceMemory: remember and recall', () => {
  it('recalls what it was told, in English and French, best first', async () => {
    const store = await open();
    await store.remember({ text: 'Felix is a black cat', kind: 'fact' });
    await store.remember({ text: 'I like warm light in the evening', kind: 'preference' });
    await store.remember({ text: "J'ai arrêté de fumer aujourd'hui", kind: 'episode' });
    await store.remember({ text: 'Le code du wifi est sur le frigo', kind: 'house' });
    expect(await store.count()).toBe(4);

    const cat = await store.recall('what colour is my cat?');
    expect(cat[0]?.memory.text).toBe('Felix is a black cat');
    expect(cat.length).toBeLessThanOrEqual(3);
    expect(cat[0]!.score).toBeGreaterThan(0);
    expect(cat[0]!.score).toBeLessThanOrEqual(1);
    for (let i = 1; i < cat.length; i++)
      expect(cat[i]!.score).toBeLessThanOrEqual(cat[i - 1]!.score);

    expect((await store.recall('est-ce que je fume encore ?'))[0]?.memory.kind).toBe('episode');
    expect((await store.recall('where did I put the wifi code?'))[0]?.memory.text).toBe(
      'Le code du wifi est sur le frigo',
    );
    expect((await store.recall('what light do I want at night?'))[0]?.memory.subject).toBe(
      'user: evening light',
    );
  });

  it('stores every field and gets a memory back by id', async () => {
    const store = await open();
    const { memory, action } = await store.remember({
      text: 'The living room has three Hue lamps and a Samsung TV',
      kind: 'house',
      area: 'living_room',
      source: 'conversation-42',
      importance: 0.8,
    });
    expect(action).toBe('added');
    expect(await store.get(memory.id)).toEqual({
      id: memory.id,
      kind: 'house',
      subject: 'living room',
      thing: 'living room',
      facets: [{ attribute: 'has', topic: 'hue light samsung thr tv', value: '' }],
      history: [],
      area: 'living_room',
      text: 'The living room has three Hue lamps and a Samsung TV',
      source: 'conversation-42',
      createdAt: clock,
      updatedAt: clock,
      importance: 0.8,
    });
    expect(await store.get('no-such-id')).toBeUndefined();
    await expect(store.remember({ text: '   ' })).rejects.toThrow(TypeError);
  });

  it('updates a memory whose every facet a new statement gives, keeping its history', async () => {
    const store = await open();
    const first = await store.remember({ text: 'Felix is black' });
    clock += DAY;
    const second = await store.remember({ text: 'Felix is actually grey' });
    expect(second).toMatchObject({ action: 'updated', previous: 'Felix is black' });
    expect(second.memory).toMatchObject({
      id: first.memory.id,
      createdAt: first.memory.createdAt,
      updatedAt: clock,
      history: [{ text: 'Felix is black', since: first.memory.updatedAt, until: clock }],
    });
    expect(await store.count()).toBe(1);
    expect((await store.get(first.memory.id))?.history).toEqual(second.memory.history);
    const recalled = await store.recall('tell me about Felix');
    expect(recalled.map((r) => r.memory.text)).toEqual(['Felix is actually grey']);

    // French and English statements about the same habit are one memory.
    await store.remember({ text: 'I stopped smoking today' });
    const fr = await store.remember({ text: "J'ai arrêté de fumer aujourd'hui" });
    expect(fr.action).toBe('updated');
    expect(await store.count()).toBe(2);
  });

  it('treats a restatement as nothing new, but not across reminders and facts', async () => {
    const store = await open();
    const first = await store.remember({
      text: 'The spare key is under the blue pot',
      subject: 'spare key',
    });
    const again = await store.remember({
      text: 'The spare key is under the blue pot!',
      subject: 'key hiding place',
    });
    expect(again.action).toBe('unchanged');
    expect(again.memory).toMatchObject({ id: first.memory.id, subject: 'key hiding place' });
    expect((await store.get(first.memory.id))?.subject).toBe('key hiding place');
    const otherKind = await store.remember({
      text: 'The spare key is under the blue pot',
      kind: 'reminder',
    });
    expect(otherKind.action).toBe('added');
    expect(await store.count()).toBe(2);
  });

  it('keeps different facts about one person apart', async () => {
    const store = await open();
    for (const text of [
      'My sister Claire lives in Lyon',
      'Claire works as a nurse',
      "Claire's birthday is on 12 May",
      'Claire adore les lasagnes',
    ]) {
      expect((await store.remember({ text })).action).toBe('added');
    }
    expect((await store.recall('where does Claire live?'))[0]?.memory.text).toBe(
      'My sister Claire lives in Lyon',
    );
    expect((await store.recall("c'est quand l'anniversaire de Claire ?"))[0]?.memory.text).toBe(
      "Claire's birthday is on 12 May",
    );
  });

  it('filters by kind, boosts the area asked for, honours limit and minScore', async () => {
    const store = await open();
    await store.remember({
      text: 'The ceiling lamp is a Hue bulb',
      kind: 'house',
      area: 'kitchen',
    });
    await store.remember({ text: 'The floor lamp is a Hue bulb', kind: 'house', area: 'bedroom' });
    await store.remember({ text: 'I like the lamps dimmed at night', kind: 'preference' });
    await store.remember({ text: 'Remind me to buy a new lamp bulb', kind: 'reminder' });

    const houseOnly = await store.recall('lamp bulb', { kinds: ['house'], limit: 10 });
    expect(houseOnly.length).toBe(2);
    expect(houseOnly.every((r) => r.memory.kind === 'house')).toBe(true);

    const inBedroom = await store.recall('which lamp is a Hue?', { area: 'bedroom', limit: 2 });
    expect(inBedroom[0]?.memory.area).toBe('bedroom');
    const inKitchen = await store.recall('which lamp is a Hue?', { area: 'kitchen', limit: 2 });
    expect(inKitchen[0]?.memory.area).toBe('kitchen');

    expect(await store.recall('lamp', { limit: 1 })).toHaveLength(1);
    expect(await store.recall('lamp')).toHaveLength(3);
    const all = await store.recall('lamp', { limit: 10 });
    const cut = all[1]!.score;
    const above = await store.recall('lamp', { limit: 10, minScore: cut });
    expect(above.length).toBeGreaterThanOrEqual(2);
    expect(above.every((r) => r.score >= cut)).toBe(true);
    expect(await store.recall('lamp', { minScore: 1.01 })).toEqual([]);
    expect(await store.recall('   ')).toEqual([]);
    await expect(store.recall('lamp', { signal: AbortSignal.abort() })).rejects.toThrow();
  });

  it('prefers the more recent and the more important of equally good matches', async () => {
    const store = await open();
    await store.remember({ text: 'Dinner with Marc on Friday', kind: 'episode', subject: 'a' });
    clock += 60 * DAY;
    await store.remember({ text: 'Dinner with Marc on Sunday', kind: 'episode', subject: 'b' });
    expect((await store.recall('dinner with Marc'))[0]?.memory.subject).toBe('b');
    await store.remember({
      text: 'Lunch with Julie on Monday',
      kind: 'fact',
      subject: 'c',
      importance: 0.1,
    });
    await store.remember({
      text: 'Lunch with Julie on Monday!',
      kind: 'reminder',
      subject: 'd',
      importance: 1,
    });
    expect((await store.recall('lunch with Julie'))[0]?.memory.subject).toBe('d');
  });
});

describe('LanceMemory: forgetting and listing', () => {
  it('forgets by id', async () => {
    const store = await open();
    const { memory } = await store.remember({ text: 'Felix is a black cat' });
    expect(await store.forget(memory.id)).toBe(true);
    expect(await store.forget(memory.id)).toBe(false);
    expect(await store.get(memory.id)).toBeUndefined();
    expect(await store.count()).toBe(0);
  });

  it('forgets only what a request clearly points at', async () => {
    const store = await open();
    await store.remember({ text: 'Felix is a black cat' });
    await store.remember({ text: 'I like warm light in the evening' });
    await store.remember({ text: 'Le code du wifi est sur le frigo' });
    const gone = await store.forgetMatching('forget that Felix is a cat');
    expect(gone.map((m) => m.text)).toEqual(['Felix is a black cat']);
    expect(await store.count()).toBe(2);
    expect(await store.forgetMatching('forget my passport number')).toEqual([]);
    expect(await store.forgetMatching('forget')).toEqual([]);
    expect((await store.forgetMatching('oublie le code du wifi')).map((m) => m.text)).toEqual([
      'Le code du wifi est sur le frigo',
    ]);
    expect((await store.list()).memories.map((m) => m.text)).toEqual([
      'I like warm light in the evening',
    ]);
  });

  it('lists newest first, with the total, by kind and by page', async () => {
    const store = await open();
    const texts = ['Felix is a black cat', 'Rex is a brown dog', 'I like jazz in the morning'];
    for (const text of texts) {
      await store.remember({ text });
      clock += 1000;
    }
    const all = await store.list();
    expect(all.total).toBe(3);
    expect(all.memories.map((m) => m.text)).toEqual([...texts].reverse());
    const page = await store.list({ limit: 1, offset: 1 });
    expect(page).toEqual({ memories: [all.memories[1]], total: 3 });
    const facts = await store.list({ kind: 'fact' });
    expect(facts.total).toBe(2);
    expect(facts.memories.every((m) => m.kind === 'fact')).toBe(true);
  });
});

describe('LanceMemory: storage', () => {
  it('escapes quotes in what it puts in filters', async () => {
    const store = await open();
    const first = await store.remember({
      text: "L'anniversaire d'Odette est le 19 décembre",
      subject: "odette's birthday",
    });
    const second = await store.remember({
      text: "Odette's birthday is on the 19th of December, isn't it",
      subject: "odette's birthday",
    });
    expect(second.action).toBe('updated');
    expect(second.memory.id).toBe(first.memory.id);
    await store.remember({ text: 'Rex is a brown dog' });
    expect(await store.forget("x' OR '1'='1")).toBe(false);
    expect(await store.get("x' OR '1'='1")).toBeUndefined();
    expect(await store.count()).toBe(2);
    expect((await store.recall("qu'est-ce qu'Odette fête en décembre ?"))[0]?.memory.id).toBe(
      first.memory.id,
    );
  });

  it('loses no write when many remembers run at once', async () => {
    const store = await open();
    const people = ['Anna', 'Bruno', 'Chloé', 'David', 'Elise', 'Farid', 'Gilles', 'Hana'];
    const results = await Promise.all(
      people.map((name, i) => store.remember({ text: `${name} lives in town number ${i}` })),
    );
    expect(new Set(results.map((r) => r.memory.id)).size).toBe(people.length);
    expect(await store.count()).toBe(people.length);
    const same = await Promise.all(
      ['black', 'grey', 'white', 'ginger'].map((c) => store.remember({ text: `Felix is ${c}` })),
    );
    expect(same.filter((r) => r.action === 'added')).toHaveLength(1);
    expect(await store.count()).toBe(people.length + 1);
  });

  it('keeps memories across a restart', async () => {
    const first = await open();
    const { memory } = await first.remember({ text: 'Felix est un chat noir', area: 'salon' });
    await first.close();
    const second = await open();
    expect(await second.get(memory.id)).toEqual(memory);
    expect((await second.recall('what colour is the cat?'))[0]?.memory.id).toBe(memory.id);
    expect(await second.remember({ text: 'Felix est gris en fait' })).toMatchObject({
      action: 'updated',
    });
  });

  it('keeps what remember resolved when the process is killed', async () => {
    const fixture = join(dirname(fileURLToPath(import.meta.url)), 'remember-then-hang.fixture.ts');
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', fixture, dir, 'Rex is a brown dog'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const id = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /^ok (\S+)\n/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`child exited before ok: ${stderr}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const store = await open();
    expect((await store.get(id))?.text).toBe('Rex is a brown dog');
    expect((await store.recall('what kind of dog is Rex?'))[0]?.memory.id).toBe(id);
  }, 60_000);

  it('re-embeds every memory when the embedder changes, once', async () => {
    const logger = recordingLogger();
    const small = await open({ embedder: new HashedEmbedder({ dimensions: 256 }), logger });
    const { memory } = await small.remember({ text: 'Felix is a black cat' });
    await small.remember({ text: 'I like warm light in the evening' });
    await small.close();

    const big = await open({ embedder: new HashedEmbedder({ dimensions: 512 }), logger });
    const started = logger.infos.findIndex((m) =>
      /re-embedding 2 memories for hashed-ngram-v1:512 \(one-off/.test(m),
    );
    const done = logger.infos.findIndex((m) =>
      /re-embedded 2 memories for hashed-ngram-v1:512/.test(m),
    );
    expect(started).toBeGreaterThanOrEqual(0);
    expect(done).toBeGreaterThan(started);
    expect(await big.get(memory.id)).toEqual(memory);
    expect((await big.recall('tell me about Felix'))[0]?.memory.id).toBe(memory.id);
    await big.remember({ text: 'Rex is a brown dog' });
    await big.close();

    logger.infos.length = 0;
    const again = await open({ embedder: new HashedEmbedder({ dimensions: 512 }), logger });
    expect(logger.infos.filter((m) => m.includes('re-embedded'))).toEqual([]);
    expect(await again.count()).toBe(3);
  });

  it('finds new rows before and after the indexes are refreshed, with a vector index', async () => {
    const store = await open({ vectorIndexRows: 300, optimizeEvery: 2 });
    const fillers = Array.from({ length: 400 }, (_, i) => ({
      text: `Note ${i}: the box number ${i} is in the ${['attic', 'cellar', 'garage'][i % 3]}`,
      kind: 'house' as const,
    }));
    await store.rememberMany(fillers);
    expect(await store.count()).toBe(400);
    const db = await lancedb.connect(dir);
    const table = await db.openTable('memories');
    const indexed = await table.listIndices();
    table.close();
    db.close();
    expect(indexed.map((i) => i.columns[0]).sort()).toEqual(['terms', 'thing', 'vector']);
    const { memory } = await store.remember({ text: 'Felix is a black cat' });
    expect((await store.recall('what colour is my cat?'))[0]?.memory.id).toBe(memory.id);
    await store.optimize();
    expect((await store.recall('what colour is my cat?'))[0]?.memory.id).toBe(memory.id);
    // The thing index finds the old memory: a new colour for Felix marks his old one replaced.
    const update = await store.remember({ text: 'Felix is actually grey' });
    expect(update).toMatchObject({ action: 'updated', partlyReplaced: [{ id: memory.id }] });
    expect(await store.count()).toBe(402);
    expect((await store.recall('where is box number 123?'))[0]?.memory.text).toContain(
      'box number 123',
    );
  }, 60_000);

  it('refuses calls once closed', async () => {
    const store = await open();
    await store.close();
    await store.close();
    await expect(store.recall('x')).rejects.toThrow(/closed/);
  });
});
