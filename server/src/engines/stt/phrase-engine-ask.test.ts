// The asking band: a sentence heard below the engine's acceptance but above `askConfidence` comes
// back with no text, rejected, and `unsure` (to be asked back); below both, rejected only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_VOICE, speak } from '../../../../tests/helpers/speech.js';
import { PhraseEngine } from './phrase-engine.js';
import { homeSentences } from './test-sentences.js';

const SAID = 'turn on the kitchen light';

describe('PhraseEngine asking band', () => {
  const engines: PhraseEngine[] = [];
  let audio: Uint8Array;
  let confidence: number;

  /** An engine whose thresholds sit around the confidence the sentence is heard with. */
  async function engineWith(minConfidence: number, askConfidence: number) {
    const engine = new PhraseEngine({ minConfidence, askConfidence });
    engines.push(engine);
    await engine.setSentences(homeSentences());
    return engine;
  }

  beforeAll(async () => {
    audio = (await speak(SAID, COMMAND_VOICE)).audio;
    const engine = await engineWith(0.5, 0.5);
    const heard = await engine.recognize({ audio });
    expect(heard.text).toBe(SAID);
    confidence = heard.confidence;
  }, 120_000);
  afterAll(() => Promise.all(engines.map((engine) => engine.close())));

  it('gives a sentence heard below acceptance but within the band as unsure, with no text', async () => {
    const engine = await engineWith((1 + confidence) / 2, confidence / 2);
    const heard = await engine.transcribe({ audio });
    expect(heard).toMatchObject({ text: '', rejected: 'not-understood', unsure: SAID });
  }, 120_000);

  it('gives nothing to ask below the band', async () => {
    const engine = await engineWith((1 + confidence) / 2, (1 + confidence) / 2);
    const heard = await engine.transcribe({ audio });
    expect(heard).toMatchObject({ text: '', rejected: 'not-understood' });
    expect(heard.unsure).toBeUndefined();
  }, 120_000);
});
