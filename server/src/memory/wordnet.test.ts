// WordNet read from Debian's wordnet-base files (scripts/setup.mjs installs them): senses and
// hypernyms, the tags it adds to the memory's analysis, and what happens when it is missing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HashedEmbedder } from './hashed-embedder.js';
import { openLanceMemory } from './lance-memory.js';
import { HOUSEHOLD_LEXICON, type Lexicon } from './lexicon.js';
import { openMemoryLexicon } from './memory-lexicon.js';
import { analyse } from './terms.js';
import { bestRecalled, warningsLogger } from './test-lexicon-store.js';
import { openWordNet, parseSynset } from './wordnet.js';
import { DEFAULT_EXPANSION, looksFrench, withWordNet } from './wordnet-lexicon.js';

const { wordnet, missing } = openWordNet();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('WordNet files', () => {
  it('are installed (apt-get install wordnet-base)', () => {
    expect(missing).toBeUndefined();
    expect(wordnet).toBeDefined();
  });

  it('gives a spanner and a wrench one sense, found from inflected forms', () => {
    const spanner = wordnet!.senses('spanners');
    const wrench = wordnet!.senses('wrench');
    expect(spanner.filter((id) => wrench.includes(id))).not.toEqual([]);
    expect(wordnet!.synset(spanner[0]!)!.lemmas).toContain('wrench');
  });

  it('puts a puppy under dog, and finds verbs and exceptions by their base form', () => {
    const above = wordnet!.senses('puppies').flatMap((id) => wordnet!.synset(id)!.above);
    expect(above.flatMap((id) => wordnet!.synset(id)!.lemmas)).toContain('dog');
    expect(wordnet!.senses('chewed').length).toBeGreaterThan(0);
    expect(wordnet!.senses('mouse')).toEqual(expect.arrayContaining(wordnet!.senses('mice')));
    expect(wordnet!.senses('qwzx')).toEqual([]);
    expect(wordnet!.senses('heat_pump', 1)).toHaveLength(1);
    // A phrasal verb is found from its inflected verb: "passed away" is "pass away", to die.
    const died = wordnet!.senses('passed_away', 1).flatMap((id) => wordnet!.synset(id)!.lemmas);
    expect(died).toContain('die');
  });

  it('relates a word to its derivations, attributes and antonyms', () => {
    const lemmasOf = (ids: readonly string[]) => ids.flatMap((id) => wordnet!.synset(id)!.lemmas);
    const relatedTo = (word: string) =>
      lemmasOf(wordnet!.senses(word, 1).flatMap((id) => wordnet!.synset(id)!.related));
    expect(relatedTo('swim')).toContain('swimming');
    expect(relatedTo('tall')).toContain('height');
    expect(relatedTo('alive')).toContain('dead');
  });

  it('relates a word to its wholes, parts and topic', () => {
    const partsOf = (word: string) =>
      wordnet!
        .senses(word, 1)
        .flatMap((id) => wordnet!.synset(id)!.parts ?? [])
        .flatMap((id) => wordnet!.synset(id)!.lemmas);
    expect(partsOf('ankle')).toContain('leg');
    expect(partsOf('wheel')).toContain('wheeled_vehicle');
    expect(partsOf('barbecue')).toContain('cooking');
  });

  it('parses a data line: lemmas, hypernyms, a similar adjective, related synsets, its file', () => {
    const noun = parseSynset(
      'n',
      '02085374 05 n 02 toy_dog 0 toy 0 002 @ 02084071 n 0000 ~ 02085690 n 0000 | a small dog',
    );
    expect(noun).toEqual({
      id: 'n02085374',
      lemmas: ['toy_dog', 'toy'],
      above: ['n02084071'],
      related: [],
      parts: [],
      gloss: 'a small dog',
      proper: false,
      lexFile: 5,
    });
    const city = parseSynset('n', '08812166 15 n 02 Firenze 0 Florence 0 000 | a city in Italy');
    expect(city).toMatchObject({ lemmas: ['firenze', 'florence'], proper: true, lexFile: 15 });
    const adj = parseSynset(
      'a',
      '00001740 00 a 01 able 0 003 & 00002098 s 0000 = 05207437 n 0000 ! 00002098 a 0101 | able',
    );
    expect(adj.above).toEqual(['a00002098']);
    expect(adj.related).toEqual(['n05207437', 'a00002098']);
  });

  it('says which files are missing from a folder without them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jarvis-wordnet-'));
    dirs.push(dir);
    const opened = openWordNet(dir);
    expect(opened.wordnet).toBeUndefined();
    expect(opened.missing).toContain(join(dir, 'index.noun'));
  });
});

describe('WordNet in the memory', () => {
  const lexicon = withWordNet(HOUSEHOLD_LEXICON, wordnet!);

  it('tags words with the same sense alike, names and French words aside', () => {
    const fact = analyse('The wrench is in the red toolbox', lexicon, 'memory');
    const question = analyse('where did I leave the spanner?', lexicon);
    expect(question.senses.filter((t) => fact.senses.includes(t))).not.toEqual([]);
    expect(analyse('Our cat Biscuit likes fish', lexicon).senses).toEqual(
      analyse('Our cat likes fish', lexicon).senses,
    );
    // French: looked up through the household lexicon's English names ("chiot" is a dog).
    const dog = wordnet!
      .senses('dog', 1)
      .filter((id) => id.startsWith('n'))
      .map((id) => `c_${id}`);
    const french = analyse('Notre chiot dort dans la cuisine', lexicon, 'memory');
    expect(french.senses).toEqual(expect.arrayContaining(dog));
    // A memory is tagged with what its words are a kind of; a query with its words' senses only.
    const stored = analyse('We adopted a puppy', lexicon, 'memory');
    expect(stored.senses).toEqual(expect.arrayContaining(dog));
    expect(analyse('We adopted a puppy', lexicon).senses.length).toBeLessThan(stored.senses.length);
    expect(looksFrench(['ou', 'est', 'le', 'chien'])).toBe(true);
    expect(looksFrench(['where', 'is', 'the', 'chien'])).toBe(false);
  });

  it('gives a query weaker terms: what its words are a kind of, their definitions', () => {
    // "a device that trips like a switch and opens the circuit": a memory's definition words,
    // stored only when asked for (by default only a thing's: purposes.ts).
    const storing = withWordNet(HOUSEHOLD_LEXICON, wordnet!, {
      ...DEFAULT_EXPANSION,
      glosses: true,
    });
    const breaker = analyse('The circuit breaker is in the hall', storing, 'memory');
    expect(breaker.senses).toContain('g_switch');
    const none = withWordNet(HOUSEHOLD_LEXICON, wordnet!, {
      ...DEFAULT_EXPANSION,
      purposes: false,
    });
    expect(analyse('The circuit breaker is in the hall', none, 'memory').senses).not.toContain(
      'g_switch',
    );
    const question = analyse('which switch is it?', storing);
    expect(question.broader.flat()).toContain('g_switch');
    expect(question.forms.flat()).not.toContain('g_switch');
    // A query word's own definition words are its weaker terms either way.
    const fireplace = analyse('who sweeps the fireplace?', lexicon);
    expect(fireplace.broader.flat().some((t) => t.startsWith('chimn'))).toBe(true);
    // "cheese" is a dairy product, one level up, as a weaker term only.
    const dairy = wordnet!.senses('dairy_product', 1).map((id) => `c_${id}`);
    const cheese = analyse('can I have cheese?', lexicon);
    expect(cheese.broader.flat()).toEqual(expect.arrayContaining(dairy));
    expect(cheese.senses).not.toEqual(expect.arrayContaining(dairy));
  });

  it('weighs a query’s common words less (unless told not to)', () => {
    expect(wordnet!.frequency!('time')).toBeGreaterThan(wordnet!.frequency!('antibiotic'));
    expect(wordnet!.frequency!('antibiotics')).toBe(wordnet!.frequency!('antibiotic'));
    expect(wordnet!.frequency!('zzzqx')).toBe(0);
    const weighing = withWordNet(HOUSEHOLD_LEXICON, wordnet!, {
      ...DEFAULT_EXPANSION,
      commonWords: 1,
    });
    const asked = analyse('what time is the antibiotic for Claire?', weighing);
    const weightOf = (w: string) => asked.weights[asked.contentWords.indexOf(w)]!;
    expect(weightOf('time')).toBeLessThan(weightOf('antibiotic'));
    expect(weightOf('claire')).toBe(1);
    const alike = withWordNet(HOUSEHOLD_LEXICON, wordnet!, {
      ...DEFAULT_EXPANSION,
      commonWords: 0,
    });
    expect(analyse('what time is it?', alike).weights).toEqual([1]);
    expect(analyse('The time is up', weighing, 'memory').weights.every((w) => w === 1)).toBe(true);
  });

  it('lets recall find a memory asked for with a word of the same sense', async () => {
    const best = await bestRecalled(
      lexicon,
      ['The wrench is in the red toolbox', 'The passports are in the desk', 'Anna likes green tea'],
      ['where did I leave the spanner?'],
    );
    expect(best).toEqual(['The wrench is in the red toolbox']);
  });

  it('analyses stored memories again when the lexicon changes, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jarvis-wordnet-'));
    dirs.push(dir);
    const infos: string[] = [];
    const logger = { ...warningsLogger().logger, info: (m: string) => void infos.push(m) };
    // The same embedder throughout: only the lexicon changes.
    const open = (lexicon: Lexicon) =>
      openLanceMemory({ dir, embedder: new HashedEmbedder(), lexicon, logger });
    const before = await open(HOUSEHOLD_LEXICON);
    await before.remember({ text: 'The wrench is in the red toolbox' });
    await before.remember({ text: 'The passports are in the desk' });
    await before.remember({ text: 'Anna likes green tea' });
    await before.close();
    const after = await open(lexicon);
    expect(infos.filter((m) => m.includes('re-embedded 3 memories'))).toHaveLength(1);
    const [best] = await after.recall('where did I leave the spanner?', { limit: 1 });
    expect(best?.memory.text).toBe('The wrench is in the red toolbox');
    await after.close();
    await (await open(lexicon)).close();
    expect(infos.filter((m) => m.includes('re-embedded'))).toHaveLength(1);
  });

  it('says at start when WordNet is missing, and recall goes on with the household lexicon', () => {
    const { warnings, logger } = warningsLogger();
    const dir = mkdtempSync(join(tmpdir(), 'jarvis-wordnet-'));
    dirs.push(dir);
    const opened = openMemoryLexicon(logger, { wordnet: dir });
    expect(opened.lexicon.id).not.toContain('wordnet');
    expect(opened.line).toContain('WordNet missing');
    expect(warnings.join('\n')).toContain('apt-get install wordnet-base');
    expect(openMemoryLexicon(logger).lexicon.id).toContain('wordnet');
  });
});
