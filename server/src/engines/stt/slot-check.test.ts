// The slot check on real audio (espeak-ng speaking, pocketsphinx decoding): the sentence said
// beats its neighbours, a sentence with its number or its plural swapped does not, and an engine
// whose slot threshold the heard sentence misses asks it back instead of acting on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_VOICE, speak } from '../../../../tests/helpers/speech.js';
import { PhraseEngine } from './phrase-engine.js';
import { DEFAULT_CALIBRATION } from './phrase-engine-types.js';
import { normalizeSentence } from './phrase-text.js';
import { homeSentences } from './test-sentences.js';

const NUMBERS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SENTENCES = [
  ...homeSentences(),
  ...NUMBERS.map((n) => `set the kitchen lights to ${n} percent`),
];
const SAID = 'set the kitchen lights to eighty percent';

describe('SlotCheck', () => {
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
