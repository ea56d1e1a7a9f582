// The slot check on real audio (espeak-ng speaking, pocketsphinx decoding): the sentence said
// beats its neighbours, a sentence with its number or its plural swapped does not, and an engine
// whose slot threshold the heard sentence misses asks it back instead of acting on it. Checks of
// two grammars sharing a folder (a new grammar warming up) keep to their own grammar files.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_VOICE, speak } from '../../../../tests/helpers/speech.js';
import {
  closeGrammarDecoders,
  type GrammarDecoders,
  startGrammarDecoders,
} from './grammar-decoders.js';
import { pronounce } from './lexicon.js';
import { mergeArgs, SHARED_ARGS } from './phrase-decoders.js';
import { DEFAULT_DICTIONARY, PhraseEngine } from './phrase-engine.js';
import { buildPhraseGrammar, wordsOf } from './phrase-grammar.js';
import { marginOf } from './slot-check.js';
import { parseHypseg, SphinxBatch } from './sphinx-batch.js';
import { DEFAULT_CALIBRATION } from './phrase-engine-types.js';
import { normalizeSentence } from './phrase-text.js';
import { homeSentences } from './test-sentences.js';

const NUMBERS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SENTENCES = [
  ...homeSentences(),
  ...NUMBERS.map((n) => `set the kitchen lights to ${n} percent`),
];
const SAID = 'set the kitchen lights to eighty percent';
const MODEL = '/usr/share/pocketsphinx/model/en-us/en-us';

describe('SlotCheck on real audio', () => {
  const engines: PhraseEngine[] = [];
  let audio: Uint8Array;

  async function engineWith(slotMargin?: number) {
    const engine = new PhraseEngine({
      slotCheck: true,
      calibration: { ...DEFAULT_CALIBRATION, slotMargin },
      minConfidence: 0.01,
    });
    engines.push(engine);
    await engine.setSentences(SENTENCES);
    return engine;
  }

  beforeAll(async () => {
    audio = (await speak(SAID, COMMAND_VOICE)).audio;
  }, 120_000);
  afterAll(() => Promise.all(engines.map((engine) => engine.close())));

  it('gives the sentence said a margin over its neighbours, a swapped one none', async () => {
    const engine = await engineWith();
    const heard = await engine.recognize({ audio });
    expect(heard.text).toBe(SAID);
    expect(heard.slot?.margin).toBeGreaterThan(0);
    expect(heard.slot?.slotMargin).toBeGreaterThan(0);
    expect(heard.slot?.neighbours).toBeGreaterThan(NUMBERS.length - 2);
    // The same audio judged as if the grammar decoder had heard another number or the singular.
    for (const wrong of [
      'set the kitchen lights to ninety percent',
      'set the kitchen lights to thirty percent',
    ]) {
      const swapped = await engine.checkSlots({ audio }, normalizeSentence(wrong).split(' '));
      expect(swapped?.margin, wrong).toBeLessThan(0);
      expect(swapped?.neighbour).toBe(normalizeSentence(SAID));
    }
  }, 120_000);

  it('asks back a sentence whose slot margin is below the threshold', async () => {
    const sure = await engineWith(-1000);
    expect(await sure.transcribe({ audio })).toMatchObject({ text: SAID });
    const doubtful = await engineWith(1000);
    const heard = await doubtful.transcribe({ audio });
    expect(heard).toMatchObject({ text: '', rejected: 'not-understood', unsure: SAID });
  }, 120_000);
});

describe('SlotCheck, two grammars in one folder', () => {
  const lights = NUMBERS.map((n) => `set the kitchen lights to ${n} percent`);
  const rooms = ['kitchen', 'bedroom', 'garage', 'office'].map(
    (room) => `turn on the ${room} light`,
  );

  /** The decoders of a grammar of `sentences` (spoken forms) with its slot check, in `dir`. */
  async function decodersOf(dir: string, sentences: string[], name: string) {
    const { pronunciations } = await pronounce(DEFAULT_DICTIONARY, wordsOf(sentences), {
      espeak: null,
      accents: [],
    });
    return startGrammarDecoders({
      grammar: buildPhraseGrammar(sentences, pronunciations),
      dir,
      base: join(dir, name),
      engine: { slotCheck: true },
      decoder: (args, own, grammarPerUtterance) =>
        new SphinxBatch({
          engine: 'phrase',
          binary: '/usr/bin/pocketsphinx_batch',
          audioDir: dir,
          args: mergeArgs(['-hmm', MODEL, ...SHARED_ARGS, ...args], own),
          grammarPerUtterance,
        }),
      warmUp: async (decoder) => void (await decoder.decode('warmup')),
    });
  }

  it('gives each check its own grammar files, and removes them after', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jarvis-slot-check-'));
    const started: GrammarDecoders[] = [];
    try {
      const said = { a: SAID, b: 'turn on the garage light' };
      await writeFile(join(dir, 'a.raw'), (await speak(said.a, COMMAND_VOICE)).audio);
      await writeFile(join(dir, 'b.raw'), (await speak(said.b, COMMAND_VOICE)).audio);
      await writeFile(join(dir, 'warmup.raw'), (await speak(said.b, COMMAND_VOICE)).audio);
      started.push(await decodersOf(dir, lights, 'lights'), await decodersOf(dir, rooms, 'rooms'));
      const [a, b] = started.map((decoders) => decoders.slots!);
      const [heardA, heardB] = await Promise.all([
        a!.check('a', said.a.split(' ')),
        b!.check('b', said.b.split(' ')),
      ]);
      expect(lights).toContain(heardA?.neighbour);
      expect(rooms).toContain(heardB?.neighbour);
      expect(heardA?.margin).toBeGreaterThan(0);
      expect(heardB?.margin).toBeGreaterThan(0);
      expect((await readdir(dir)).filter((file) => file.startsWith('slot-'))).toEqual([]);
    } finally {
      await Promise.all(started.map(closeGrammarDecoders));
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('marginOf', () => {
  const words = 'set the light to eighty percent'.split(' ');
  const own = parseHypseg(
    'u S 0 T -6000 A -5600 L -400 0 -600 0 set 20 -400 0 the 40 -1000 0 light 80 -600 0 to ' +
      '100 -1100 0 eighty 140 -1900 0 percent 200',
  );

  it('divides the difference by the frames and by the slot words frames', () => {
    const near = parseHypseg(
      'u S 0 T -6500 A -6000 L -500 0 -600 0 set 20 -400 0 the 40 -1000 0 light 80 -600 0 to ' +
        '100 -1500 0 ninety 140 -1900 0 percent 200',
    );
    expect(marginOf(words, own, near, 3)).toEqual({
      margin: 400 / 200,
      slotMargin: 400 / 40, // "eighty": frames 100 to 140
      frames: 200,
      neighbour: 'set the light to ninety percent',
      neighbours: 3,
    });
  });

  it('gives an infinite margin when no neighbour reached the end, none without the sentence', () => {
    const nothing = parseHypseg('u S 0 T 0 A 0 L 0 200');
    expect(marginOf(words, own, nothing, 3).margin).toBe(Infinity);
    expect(marginOf(words, nothing, own, 3).margin).toBe(-Infinity);
  });
});
