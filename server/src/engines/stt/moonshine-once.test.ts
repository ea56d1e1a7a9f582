// Moonshine once per utterance: speech the phrase engine rejects was decoded by its second opinion
// and then again by the general Moonshine engine. With the phrase engine's finding carried on its
// rejection (`heard.ts`), the chain decodes it once and answers as the engine decoding it itself
// would. Real pocketsphinx, real Moonshine weights, real speech; the model is wrapped only to count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMAND_VOICE,
  joinPcm,
  silence,
  speak,
  wordsOf,
} from '../../../../tests/helpers/speech.js';
import { SpeechToTextChain } from './chain.js';
import type { Heard } from './heard.js';
import { MoonshineRecognizer } from './moonshine.js';
import { MoonshineEngine, type MoonshineModel } from './moonshine-engine.js';
import { PhraseEngine, type PhraseEngineOptions } from './phrase-engine.js';
import type { SecondRecognizer } from './second-opinion.js';
import { homeSentences } from './test-sentences.js';

/** Real Moonshine, counting its decodes (the second opinion's and the general engine's). */
function counting(real: MoonshineRecognizer) {
  const counter = {
    decodes: 0,
    model: real.model,
    decode(pcm: Uint8Array, signal?: AbortSignal) {
      counter.decodes++;
      return real.decode(pcm, signal);
    },
    async transcribe(pcm: Uint8Array, signal?: AbortSignal) {
      return (await counter.decode(pcm, signal)).text;
    },
    close: () => Promise.resolve(), // closed once, by the test
  };
  return counter satisfies MoonshineModel & SecondRecognizer;
}

/** `said` after a long pause (people wait for the chime), then a short one. */
async function utterance(said: string, voice = COMMAND_VOICE): Promise<Uint8Array> {
  return joinPcm(silence(1200), (await speak(said, voice)).audio, silence(400)).audio;
}

const QUESTION = 'what is the capital of france';

describe('Moonshine decodes a rejected utterance once', () => {
  let real: MoonshineRecognizer;
  let question: Uint8Array;
  const closing: { close(): Promise<void> }[] = [];

  /** The phrase engine (`options`), then Moonshine; both count on one model. */
  async function chainOf(options: (model: SecondRecognizer) => PhraseEngineOptions) {
    const model = counting(real);
    const phrase = new PhraseEngine(options(model));
    await phrase.setSentences(homeSentences());
    const moonshine = new MoonshineEngine({ loadRecognizer: () => Promise.resolve(model) });
    closing.push(phrase, moonshine);
    const chain = new SpeechToTextChain({
      stages: [
        { engine: phrase, minConfidence: 0.5 },
        { engine: moonshine, minConfidence: 0.5 },
      ],
    });
    return { model, chain };
  }

  /** What the general engine answers decoding the utterance itself (the chain's answer before). */
  async function alone(audio: Uint8Array) {
    const model = counting(real);
    const moonshine = new MoonshineEngine({ loadRecognizer: () => Promise.resolve(model) });
    closing.push(moonshine);
    const transcription = await moonshine.transcribe({ audio });
    expect(model.decodes).toBe(1);
    return transcription;
  }

  beforeAll(async () => {
    real = await MoonshineRecognizer.load();
    question = await utterance(QUESTION);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(closing.map((engine) => engine.close()));
    await real.close();
  });

  it('with the second opinion: once, and the same answer as the engine decoding alone', async () => {
    const { model, chain } = await chainOf((recognizer) => ({ secondOpinion: { recognizer } }));
    const { transcription, attempts } = await chain.transcribeWithAttempts({ audio: question });
    expect(attempts.map((a) => a.engine)).toEqual(['phrase', 'moonshine']);
    expect(attempts[0]!.transcription).toMatchObject({ text: '', rejected: 'not-understood' });
    expect(model.decodes).toBe(1);
    expect(wordsOf(transcription.text)).toEqual(wordsOf(QUESTION));
    expect(transcription).toEqual(await alone(question));
    expect(transcription.heard).toBeUndefined(); // the chain's own
  }, 120_000);

  it('a command the phrase engine acts on: the second opinion only', async () => {
    const { model, chain } = await chainOf((recognizer) => ({ secondOpinion: { recognizer } }));
    const { transcription, attempts } = await chain.transcribeWithAttempts({
      audio: await utterance('turn on the kitchen light'),
    });
    expect(transcription).toMatchObject({ text: 'turn on the kitchen light', engine: 'phrase' });
    expect(attempts.map((a) => a.engine)).toEqual(['phrase']);
    expect(model.decodes).toBe(1);
  }, 120_000);

  it('with the second opinion off: Moonshine decodes it, once, as before', async () => {
    const { model, chain } = await chainOf(() => ({}));
    const transcription = await chain.transcribe({ audio: question });
    expect(model.decodes).toBe(1);
    expect(transcription).toEqual(await alone(question));
  }, 120_000);

  it('with a second opinion that failed: Moonshine decodes it itself', async () => {
    const { model, chain } = await chainOf(() => ({
      secondOpinion: { recognizer: { transcribe: () => Promise.reject(new Error('gone')) } },
    }));
    const transcription = await chain.transcribe({ audio: question });
    expect(model.decodes).toBe(1);
    expect(transcription).toEqual(await alone(question));
  }, 120_000);
});

describe('MoonshineEngine and what an earlier engine heard', () => {
  const decodes: string[] = [];
  const model: MoonshineModel = {
    model: 'tiny',
    decode: () => {
      decodes.push('decoded');
      return Promise.resolve({ text: 'Tell me a joke.', logProbs: [-0.1, -0.1], ended: true });
    },
    close: () => Promise.resolve(),
  };
  const engine = new MoonshineEngine({ loadRecognizer: () => Promise.resolve(model) });
  let audio: Uint8Array;
  const heard = (over: Partial<Heard>): Heard => ({
    audioBytes: audio.byteLength,
    trimming: 'silero',
    speech: { start: 0, end: audio.byteLength },
    ...over,
  });
  beforeAll(async () => {
    audio = await utterance('tell me a joke');
  });
  afterAll(() => engine.close());

  it('takes the speech found (no VAD of its own) and a decode by its model', async () => {
    decodes.length = 0;
    const none = await engine.transcribe({ audio, heard: heard({ speech: null }) });
    expect(none).toMatchObject({ text: '', rejected: 'no-speech' });
    const decoded = { model: 'tiny', text: 'Tell me a story.', logProbs: [-0.2], ended: true };
    const taken = await engine.transcribe({ audio, heard: heard({ decoded }) });
    expect(taken).toMatchObject({ text: 'Tell me a story.', confidence: Math.exp(-0.2) });
    expect(decodes).toEqual([]);
  });

  it('decodes itself what another model heard, or what was found in other audio or cut otherwise', async () => {
    decodes.length = 0;
    const decoded = { model: 'base', text: 'Tell me a story.', logProbs: [-0.2], ended: true };
    const others = [
      heard({ decoded }),
      heard({ audioBytes: audio.byteLength - 2, speech: null }),
      heard({ trimming: 'whole', speech: null }),
    ];
    for (const other of others) {
      expect(await engine.transcribe({ audio, heard: other })).toMatchObject({
        text: 'Tell me a joke.',
      });
    }
    expect(decodes).toHaveLength(3);
  });
});
