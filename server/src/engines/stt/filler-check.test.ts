// The filler check on real audio (espeak-ng and flite speaking, pocketsphinx decoding): a room
// the grammar does not have, heard as the one it has, fits free phones in its place far worse
// than that room said; an engine whose filler threshold lies between the two rejects it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speak, type Voice } from '../../../../tests/helpers/speech.js';
import { PhraseEngine } from './phrase-engine.js';
import { DEFAULT_CALIBRATION } from './phrase-engine-types.js';
import { fillerScore } from './filler-check.js';

const SENTENCES = [
  'turn on the bedroom fan',
  'turn off the bedroom fan',
  'turn on the bedroom lamp',
  'turn on the kitchen light',
  'turn off the kitchen light',
  'turn on the living room ceiling',
  'open the bedroom blinds',
  'what time is it',
];
const SAID = 'turn on the bedroom fan';
const NEAR_MISS = 'turn on the bathroom fan';
const VOICE: Voice = { engine: 'espeak-ng', name: 'en-gb' };

describe('FillerCheck on real audio', () => {
  const engines: PhraseEngine[] = [];
  let said: Uint8Array;
  let nearMiss: Uint8Array;

  async function engineWith(fillerMargin?: number) {
    const engine = new PhraseEngine({
      fillerCheck: true,
      calibration: { ...DEFAULT_CALIBRATION, fillerMargin },
      minConfidence: 0.01,
    });
    engines.push(engine);
    await engine.setSentences(SENTENCES);
    return engine;
  }

  beforeAll(async () => {
    said = (await speak(SAID, VOICE)).audio;
    nearMiss = (await speak(NEAR_MISS, VOICE)).audio;
  }, 120_000);
  afterAll(() => Promise.all(engines.map((engine) => engine.close())));

  it('gives a room the grammar lacks a lower margin than the room said', async () => {
    const engine = await engineWith();
    const right = await engine.recognize({ audio: said });
    const wrong = await engine.recognize({ audio: nearMiss });
    expect(right.text).toBe(SAID);
    expect(wrong.text).toBe(SAID); // the grammar's nearest sentence: the bedroom fan
    expect(right.filler?.runWords).toBe(2); // "bedroom fan", which the other names replace
    expect(wrong.filler!.margin).toBeLessThan(right.filler!.margin - 10);
  }, 120_000);

  it('rejects the sentence below the threshold and keeps the one said', async () => {
    const probe = await engineWith();
    const right = (await probe.recognize({ audio: said })).filler!.margin;
    const wrong = (await probe.recognize({ audio: nearMiss })).filler!.margin;
    const engine = await engineWith((right + wrong) / 2);
    expect((await engine.transcribe({ audio: said })).text).toBe(SAID);
    const rejected = await engine.transcribe({ audio: nearMiss });
    expect(rejected).toMatchObject({ text: '', rejected: 'not-understood' });
  }, 120_000);
});

describe('fillerScore', () => {
  const margin = { margin: -5, runFrames: 40, runWords: 1 };
  it('judges the run less the words around it, when asked', () => {
    expect(fillerScore({ ...margin, carrier: 2 }, true)).toBe(-7);
    expect(fillerScore({ ...margin, carrier: 2 })).toBe(-5);
  });
  it('judges the run alone when the words around it found no path', () => {
    expect(fillerScore({ ...margin, carrier: Infinity }, true)).toBe(-5);
  });
});
