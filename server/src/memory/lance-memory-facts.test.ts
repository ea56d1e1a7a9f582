// Facts are kept: a new statement updates an older one only where it gives the same facet of the
// same thing a new value. On real LanceDB files, through `remember` as the agent and the API use it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { Field, FixedSizeList, Float32, Float64, Schema, Utf8 } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Embedder } from './embedder.js';
import { openFrenchEnglish } from './french-english.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { type LanceMemory, openLanceMemory } from './lance-memory.js';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import type { MemoryKind } from './memory.js';
import { loadSentenceBlend } from './sentence-blend.js';

const DAY = 86_400_000;
let dir: string;
let clock: number;
let store: LanceMemory | undefined;
let embedder: Embedder;

// Every embedder the config offers without Ollama: keeping, updating and forgetting must not
// depend on which one recalls.
const EMBEDDERS: readonly (readonly [string, Embedder])[] = [
  ['hashed', new HashedEmbedder()],
  [
    'sentence encoder blend',
    await loadSentenceBlend({
      lexicon: HOUSEHOLD_LEXICON,
      translator: openFrenchEnglish().translator,
    }),
  ],
];

async function open(): Promise<LanceMemory> {
  store = await openLanceMemory({ dir, embedder, now: () => clock });
  return store;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jarvis-memory-facts-'));
  clock = Date.UTC(2025, 0, 15, 12);
});

afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

// [first statement, second statement, the thing both are about, kind]: both facts must stay.
const KEEP_BOTH: readonly (readonly [string, string, string, MemoryKind?])[] = [
  ['Felix is a black cat', 'Felix likes warm places', 'Felix'],
  ['Hugo is allergic to cats', 'Hugo is allergic to nuts', 'Hugo'],
  ['Felix is a black cat', 'Felix is at the vet', 'Felix'],
  ['Felix est un chat noir', 'Felix aime les zones chaudes', 'Felix'],
  ['Hugo est allergique aux chats', 'Hugo est allergique aux noix', 'Hugo'],
  ['Felix est un chat noir', 'Felix est chez le vétérinaire', 'Felix'],
  ['Felix likes warm places', 'Felix likes tuna', 'Felix'],
  ['Felix is 3 years old', 'Felix is a black cat', 'Felix'],
  ['Claire is a nurse', 'Claire lives in Lyon', 'Claire'],
  ['Claire lives in Lyon', "Claire's birthday is on 12 May", 'Claire'],
  ['Claire is a nurse', 'Claire is vegetarian', 'Claire'],
  ['Emma plays the piano', 'Emma plays tennis', 'Emma'],
  ['Hugo speaks English', 'Hugo speaks Spanish', 'Hugo'],
  ['Rex sleeps in the kitchen', 'Rex eats twice a day', 'Rex'],
  ["I'm allergic to cats", "I'm allergic to nuts", 'me', 'preference'],
  ['I like jazz in the morning', 'I like coffee in the morning', 'me', 'preference'],
  ['I stopped smoking today', 'I started running today', 'me', 'episode'],
  ['The living room has three Hue lamps', 'The living room has a Samsung TV', 'living room'],
  ['The spare key is under the blue pot', 'The spare key opens the garage', 'spare key'],
];

// [first, second]: the second gives a facet of the first a new value.
const UPDATES: readonly (readonly [string, string])[] = [
  ['Felix is black', 'Felix is actually grey'],
  ['Felix is at the vet', 'Felix is at home now'],
  ['Claire lives in Lyon', 'Claire habite à Paris'],
  ['I like warm light in the evening', 'I prefer cool light in the evening'],
  ['I stopped smoking today', 'I started smoking again'],
  ['Claire works as a nurse', 'Claire works as a teacher'],
  ['Felix is 3 years old', 'Felix is 4 years old'],
  ['I like coriander', "I don't like coriander"],
];

describe.each(EMBEDDERS)('LanceMemory keeps facts (%s embedder)', (_embedder, used) => {
  beforeEach(() => {
    embedder = used;
  });
  describe.each([
    ['subject derived from the text', false],
    ['subject given, as the agent does', true],
  ])('%s', (_name, withSubject) => {
    const rows = KEEP_BOTH.map(([a, b, thing, kind]) => [a, b, thing, kind ?? 'fact'] as const);
    it.each(rows)('"%s" then "%s" keeps both', async (first, second, thing, kind: MemoryKind) => {
      const memory = await open();
      const subject = withSubject ? thing : undefined;
      const a = await memory.remember({ text: first, subject, kind });
      clock += DAY;
      const b = await memory.remember({ text: second, subject, kind });
      expect(b.action).toBe('added');
      expect(b.previous).toBeUndefined();
      expect(b.partlyReplaced).toBeUndefined();
      expect(await memory.count()).toBe(2);
      expect((await memory.get(a.memory.id))?.facets.some((f) => f.replacedAt)).toBe(false);
      expect((await memory.list()).memories.map((m) => m.text).sort()).toEqual(
        [first, second].sort(),
      );
    });
  });

  it.each(UPDATES)('"%s" is updated by "%s", with its history', async (first, second) => {
    const memory = await open();
    const a = await memory.remember({ text: first });
    clock += DAY;
    const b = await memory.remember({ text: second });
    expect(b).toMatchObject({ action: 'updated', previous: first });
    expect(b.memory).toMatchObject({ id: a.memory.id, text: second });
    expect(b.memory.history).toEqual([{ text: first, since: a.memory.updatedAt, until: clock }]);
    expect((await memory.list()).memories.map((m) => m.text)).toEqual([second]);
  });

  it('gives Felix a new colour and keeps that he is a cat', async () => {
    const memory = await open();
    const cat = await memory.remember({ text: 'Felix is a black cat', subject: 'Felix' });
    await memory.remember({ text: 'Felix is at the vet', subject: 'Felix' });
    clock += DAY;
    const grey = await memory.remember({ text: 'Felix is actually grey', subject: 'Felix' });
    expect(grey).toMatchObject({
      action: 'updated',
      previous: 'Felix is a black cat',
      partlyReplaced: [{ id: cat.memory.id, text: 'Felix is a black cat', facets: ['colour'] }],
    });
    expect(grey.memory.id).not.toBe(cat.memory.id);
    expect(grey.memory.history).toEqual([
      { text: 'Felix is a black cat', since: cat.memory.updatedAt, until: clock },
    ]);
    expect((await memory.get(cat.memory.id))?.facets).toEqual([
      {
        attribute: 'colour',
        topic: '',
        value: 'black',
        replacedAt: clock,
        replacedBy: 'Felix is actually grey',
      },
      { attribute: 'is', topic: 'cat', value: '' },
    ]);
    expect(await memory.count()).toBe(3);
    expect((await memory.recall('what colour is Felix?'))[0]?.memory.id).toBe(grey.memory.id);
  });

  it('answers "what did I tell you about Felix" with every current fact about him', async () => {
    const memory = await open();
    for (const text of [
      'Felix is a black cat',
      'Felix likes warm places',
      'Felix is at the vet',
      'Hugo is allergic to cats',
      'Rex sleeps on Felix’s blanket',
    ]) {
      await memory.remember({ text });
      clock += 1000;
    }
    const texts = async (q: string) => (await memory.about(q)).map((m) => m.text).sort();
    const felix = [
      'Felix is a black cat',
      'Felix is at the vet',
      'Felix likes warm places',
      'Rex sleeps on Felix’s blanket',
    ];
    expect(await texts('what did I tell you about Felix?')).toEqual(felix);
    expect(await texts("qu'est-ce que je t'ai dit sur Felix ?")).toEqual(felix);
    expect(await texts('Felix')).toEqual(felix);
    expect(await texts('Hugo')).toEqual(['Hugo is allergic to cats']);
    expect(await texts('what do you know about Draco?')).toEqual([]);
  });

  it('forgets only the fact named', async () => {
    const memory = await open();
    for (const text of ['Felix is a black cat', 'Felix likes warm places', 'Felix is at the vet']) {
      await memory.remember({ text, subject: 'Felix' });
    }
    const gone = await memory.forgetMatching('forget that Felix is at the vet');
    expect(gone.map((m) => m.text)).toEqual(['Felix is at the vet']);
    expect((await memory.about('Felix')).map((m) => m.text).sort()).toEqual([
      'Felix is a black cat',
      'Felix likes warm places',
    ]);
    expect((await memory.forgetMatching('oublie que Felix aime les endroits chauds')).length).toBe(
      1,
    );
    expect((await memory.list()).memories.map((m) => m.text)).toEqual(['Felix is a black cat']);
  });

  it('opens a table written before facets, deriving them once', async () => {
    const embedder = new HashedEmbedder();
    const db = await lancedb.connect(dir);
    const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
    const number = (name: string) => new Field(name, new Float64(), false);
    const schema = new Schema([
      ...['id', 'kind', 'subject'].map((n) => text(n)),
      text('area', true),
      text('text'),
      text('terms'),
      text('source', true),
      ...['created_at', 'updated_at', 'importance'].map(number),
      new Field('vector', new FixedSizeList(512, new Field('item', new Float32(), true)), false),
    ]);
    const row = (id: string, statement: string) => ({
      id,
      kind: 'fact',
      subject: 'felix',
      area: null,
      text: statement,
      terms: statement.toLowerCase(),
      source: null,
      created_at: clock,
      updated_at: clock,
      importance: 0.5,
      vector: embedder.embedOne(statement),
    });
    const old = await db.createTable(
      'memories',
      lancedb.makeArrowTable([row('a', 'Felix is a black cat')], { schema }),
    );
    old.close();
    const meta = await db.createTable('meta', [
      { key: 'embedder', value: embedder.id },
      { key: 'schema', value: '1' },
    ]);
    meta.close();
    db.close();

    const memory = await open();
    expect(await memory.get('a')).toMatchObject({ thing: 'felix', history: [] });
    const b = await memory.remember({ text: 'Felix is at the vet', subject: 'Felix' });
    expect(b.action).toBe('added');
    expect((await memory.recall('what colour is the cat?'))[0]?.memory.id).toBe('a');
  });
});
