// Moonshine as the general engine, on the real weights and real speech (flite, espeak-ng): it
// writes down what the phrase grammar does not hold, hears nothing in silence and noise, and the
// chain hands it only what the phrase engine rejects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMAND_VOICE,
  joinPcm,
  silence,
  speak,
  wordsOf,
} from '../../../../tests/helpers/speech.js';
import { roomNoise } from '../../../bench/understanding-corpus.js';
import { EngineError } from '../../errors.js';
import { SpeechToTextChain } from './chain.js';
import { MoonshineEngine, moonshineConfidence } from './moonshine-engine.js';
import { PhraseEngine } from './phrase-engine.js';
import { homeSentences } from './test-sentences.js';

/** `said` after a long pause (people wait for the chime), then a short one. */
async function utterance(said: string, voice = COMMAND_VOICE): Promise<Uint8Array> {
  return joinPcm(silence(1500), (await speak(said, voice)).audio, silence(400)).audio;
}

describe('MoonshineEngine (real weights)', () => {
  const engine = new MoonshineEngine();
  afterAll(() => engine.close());

  it('writes down a sentence outside any grammar, after a long silent pause', async () => {
    const said = 'what is the capital of france';
    const heard = await engine.transcribe({ audio: await utterance(said) });
    expect(heard).toMatchObject({ engine: 'moonshine', language: 'en' });
    expect(heard.rejected).toBeUndefined();
    expect(wordsOf(heard.text)).toEqual(wordsOf(said));
    expect(heard.confidence).toBeGreaterThan(0.5);
    expect(heard.confidence).toBeLessThanOrEqual(1);
  });

  it('hears the same words whether the pause before them is silence or room noise', async () => {
    const said = (await speak('tell me a joke', { engine: 'espeak-ng', name: 'en-us' })).audio;
    const quiet = joinPcm(silence(1200), said, silence(300)).audio;
    const noisy = joinPcm(roomNoise(1200, -50, 3), said, silence(300)).audio;
    const [a, b] = await Promise.all([quiet, noisy].map((audio) => engine.transcribe({ audio })));
    expect(wordsOf(a!.text)).toEqual(['tell', 'me', 'a', 'joke']);
    expect(wordsOf(b!.text)).toEqual(wordsOf(a!.text));
  });

  it('rejects silence and noise as no speech, with no text', async () => {
    for (const audio of [silence(2000), roomNoise(2000, -40, 5)]) {
      expect(await engine.transcribe({ audio })).toMatchObject({
        text: '',
        confidence: 0,
        rejected: 'no-speech',
      });
    }
  });

  it('rejects a text heard below min_confidence, saying nothing of it', async () => {
    const strict = new MoonshineEngine({ minConfidence: 0.999_999 });
    try {
      const heard = await strict.transcribe({ audio: await utterance('tell me a joke') });
      expect(heard).toMatchObject({ text: '', rejected: 'not-understood' });
      expect(heard.confidence).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });

  it('rejects a French turn: it hears English only, and would write French as English words', async () => {
    const audio = await utterance('allume la lumière de la cuisine', {
      engine: 'espeak-ng',
      name: 'fr',
    });
    expect(await engine.transcribe({ audio, language: 'fr-FR' })).toMatchObject({
      text: '',
      rejected: 'not-understood',
    });
    const english = await engine.transcribe({
      audio: await utterance('tell me a joke'),
      language: 'en-US',
    });
    expect(english.text).not.toBe('');
  });

  it('refuses to decode once closed (no model reloaded at shutdown)', async () => {
    const closing = new MoonshineEngine();
    await closing.close();
    await expect(closing.transcribe({ audio: await utterance('tell me a joke') })).rejects.toThrow(
      /closed/,
    );
  });

  it('a model it cannot load is an EngineError on each utterance, tried again each time', async () => {
    const broken = new MoonshineEngine({ modelDir: '/nonexistent' });
    const audio = await utterance('tell me a joke');
    for (let i = 0; i < 2; i++) {
      await expect(broken.transcribe({ audio })).rejects.toBeInstanceOf(EngineError);
    }
    await broken.close();
  });
});

describe('moonshineConfidence', () => {
  const decoded = (logProbs: number[], ended = true) => ({ text: 'x', logProbs, ended });
  it('is the geometric mean of the token probabilities, or the least of them', () => {
    expect(moonshineConfidence(decoded([Math.log(0.5), Math.log(0.125)]), 'mean')).toBeCloseTo(
      0.25,
    );
    expect(moonshineConfidence(decoded([Math.log(0.5), Math.log(0.125)]), 'least')).toBeCloseTo(
      0.125,
    );
  });
  it('is 0 when the decoder never ended (it ran to its length bound)', () => {
    expect(moonshineConfidence(decoded([-0.01, -0.01], false), 'mean')).toBe(0);
    expect(moonshineConfidence(decoded([]), 'mean')).toBe(0);
  });
});

describe('the chain: the phrase engine first, Moonshine on what it rejects', () => {
  const phrase = new PhraseEngine();
  const moonshine = new MoonshineEngine();
  const chain = new SpeechToTextChain({
    stages: [
      { engine: phrase, minConfidence: 0.5 },
      { engine: moonshine, minConfidence: 0.5 },
    ],
  });
  beforeAll(() => phrase.setSentences(homeSentences()));
  afterAll(() => chain.close());

  it('sends a phrase rejection to Moonshine, which writes what was said', async () => {
    const said = 'what is the capital of france';
    const { transcription, attempts } = await chain.transcribeWithAttempts({
      audio: await utterance(said),
    });
    expect(attempts.map((a) => a.engine)).toEqual(['phrase', 'moonshine']);
    expect(attempts[0]!.transcription).toMatchObject({ text: '', rejected: 'not-understood' });
    expect(transcription.engine).toBe('moonshine');
    expect(wordsOf(transcription.text)).toEqual(wordsOf(said));
  });

  it('keeps a command the phrase engine is sure of, without asking Moonshine', async () => {
    const { transcription, attempts } = await chain.transcribeWithAttempts({
      audio: await utterance('turn on the kitchen light'),
    });
    expect(transcription).toMatchObject({ text: 'turn on the kitchen light', engine: 'phrase' });
    expect(attempts.map((a) => a.engine)).toEqual(['phrase']);
  });

  it('no speech: a rejection from both, no text', async () => {
    const { transcription, attempts } = await chain.transcribeWithAttempts({
      audio: silence(2000),
    });
    expect(transcription).toMatchObject({ text: '', rejected: 'no-speech' });
    expect(attempts.map((a) => a.engine)).toEqual(['phrase', 'moonshine']);
  });

  it('Moonshine failing: the phrase rejection stands (nothing invented)', async () => {
    const failing = new MoonshineEngine({ modelDir: '/nonexistent' });
    const broken = new SpeechToTextChain({
      stages: [{ engine: phrase, minConfidence: 0.5 }, { engine: failing }],
    });
    const { transcription, attempts } = await broken.transcribeWithAttempts({
      audio: await utterance('what is the capital of france'),
    });
    try {
      expect(transcription).toMatchObject({
        text: '',
        engine: 'phrase',
        rejected: 'not-understood',
      });
      expect(attempts[1]!.error).toBeInstanceOf(EngineError);
    } finally {
      await failing.close(); // not the chain's close: the phrase engine is shared
    }
  });
});
