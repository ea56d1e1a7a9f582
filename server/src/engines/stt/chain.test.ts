import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSED_PORT } from '../../../../tests/helpers/ports.js';
import { samplesOf, speak } from '../../../../tests/helpers/speech.js';
import { EngineError } from '../../errors.js';
import { SpeechToTextChain, supportsLanguage } from './chain.js';
import { speechToTextContract } from './contract.js';
import { type FakeAsr, startFakeAsr } from './fake-asr-server.js';
import { PhraseEngine } from './phrase-engine.js';
import type { SpeechToText, Transcription } from './stt.js';
import { homeSentences } from './test-sentences.js';
import { WyomingStt } from './wyoming-stt.js';

const isSilent = (audio: Uint8Array) => samplesOf(audio).every((s) => Math.abs(s) < 100);

/** A stand-in whisper that "hears" `text` in any audio that is not silence. */
function whisperHearing(text: string): Promise<FakeAsr> {
  return startFakeAsr({ transcribe: (audio) => (isSilent(audio) ? '' : text) });
}

let contractServices: FakeAsr[] = [];
speechToTextContract('SpeechToTextChain (phrase, then whisper)', {
  command: 'set a timer for 5 minutes',
  create: async () => {
    const phrase = new PhraseEngine();
    await phrase.setSentences(homeSentences());
    const service = await whisperHearing('set a timer for 5 minutes');
    contractServices.push(service);
    return SpeechToTextChain.phraseFirst({ phrase, general: new WyomingStt({ uri: service.uri }) });
  },
});
afterAll(async () => {
  await Promise.all(contractServices.map((service) => service.stop()));
  contractServices = [];
});

describe('SpeechToTextChain', () => {
  const phrase = new PhraseEngine();
  let whisper: FakeAsr;
  let chain: SpeechToTextChain;
  let command: Uint8Array;
  let question: Uint8Array;

  beforeAll(async () => {
    await phrase.setSentences(homeSentences());
    whisper = await whisperHearing('Who wrote The Lord of the Rings?');
    const general = new WyomingStt({ uri: whisper.uri });
    await general.describe();
    chain = SpeechToTextChain.phraseFirst({ phrase, general, threshold: 0.5 });
    command = (await speak('lock the front door', { engine: 'flite', name: 'slt' })).audio;
    question = (await speak('who wrote the lord of the rings')).audio;
  });
  afterAll(async () => {
    await chain.close();
    await whisper.stop();
  });

  it('answers with the phrase engine when it is confident', async () => {
    const before = whisper.requests.length;
    const { transcription, attempts } = await chain.transcribeWithAttempts({ audio: command });
    expect(transcription).toMatchObject({ text: 'lock the front door', engine: 'phrase' });
    expect(transcription.confidence).toBeGreaterThanOrEqual(0.5);
    expect(attempts.map((attempt) => attempt.engine)).toEqual(['phrase']);
    expect(whisper.requests.length).toBe(before);
  });

  it('falls back to the general engine below the threshold, and says who answered', async () => {
    const { transcription, attempts } = await chain.transcribeWithAttempts({ audio: question });
    expect(transcription).toMatchObject({
      text: 'Who wrote The Lord of the Rings?',
      engine: `wyoming:${whisper.uri}`,
    });
    expect(attempts.map((attempt) => attempt.engine)).toEqual(['phrase', `wyoming:${whisper.uri}`]);
    expect(attempts[0]!.transcription!.confidence).toBeLessThan(0.5);
  });

  it('skips engines that do not speak the language', async () => {
    const { attempts } = await chain.transcribeWithAttempts({ audio: command, language: 'fr-FR' });
    expect(attempts.map((attempt) => attempt.engine)).toEqual([`wyoming:${whisper.uri}`]);
  });

  it('invents nothing when the phrase engine is unsure and the general engine is down', async () => {
    const down = SpeechToTextChain.phraseFirst({
      phrase,
      general: new WyomingStt({ uri: `tcp://127.0.0.1:${CLOSED_PORT}` }),
    });
    const { transcription, attempts } = await down.transcribeWithAttempts({ audio: question });
    expect(transcription).toMatchObject({ text: '', engine: 'phrase', rejected: 'not-understood' });
    expect(attempts[1]!.error).toBeInstanceOf(EngineError);
  });

  it('without a general engine, an utterance the phrase engine rejects stays rejected', async () => {
    const alone = SpeechToTextChain.phraseFirst({ phrase });
    const result = await alone.transcribe({ audio: question });
    expect(result).toMatchObject({ text: '', engine: 'phrase', rejected: 'not-understood' });
  });

  it('an unsure answer of a stage that is not the last is never returned as text', async () => {
    const unsure: SpeechToText = {
      name: 'unsure',
      languages: [],
      transcribe: async () => ({
        text: 'unlock the front door',
        confidence: 0.2,
        engine: 'unsure',
      }),
      close: async () => {},
    };
    const failing: SpeechToText = {
      name: 'general',
      languages: [],
      transcribe: () => Promise.reject(new EngineError('general', 'down', { retryable: true })),
      close: async () => {},
    };
    const both = new SpeechToTextChain({
      stages: [{ engine: unsure, minConfidence: 0.5 }, { engine: failing }],
    });
    expect(await both.transcribe({ audio: command })).toMatchObject({
      text: '',
      rejected: 'not-understood',
    });
  });

  it("when the general engine rejects too, the phrase engine's nearest sentence is kept to ask back", async () => {
    const stage = (name: string, answer: Partial<Transcription>): SpeechToText => ({
      name,
      languages: [],
      transcribe: async () => ({ text: '', confidence: 0.1, engine: name, ...answer }),
      close: async () => {},
    });
    const asking = stage('phrase', { rejected: 'not-understood', unsure: 'turn on the fan' });
    const rejecting = stage('general', { rejected: 'not-understood' });
    const both = new SpeechToTextChain({
      stages: [{ engine: asking, minConfidence: 0.5 }, { engine: rejecting }],
    });
    expect(await both.transcribe({ audio: command })).toMatchObject({
      text: '',
      engine: 'phrase',
      rejected: 'not-understood',
      unsure: 'turn on the fan',
    });
    const hearing = stage('general', { text: 'what is the fan', confidence: 0.9 });
    const heard = new SpeechToTextChain({
      stages: [{ engine: asking, minConfidence: 0.5 }, { engine: hearing }],
    });
    expect(await heard.transcribe({ audio: command })).toMatchObject({
      text: 'what is the fan',
      engine: 'general',
    });
  });

  it('throws the last error when no engine answers', async () => {
    const failing = (name: string): SpeechToText => ({
      name,
      languages: [],
      transcribe: () => Promise.reject(new EngineError(name, 'down', { retryable: true })),
      close: async () => {},
    });
    const broken = new SpeechToTextChain({
      stages: [{ engine: failing('a') }, { engine: failing('b') }],
    });
    await expect(broken.transcribe({ audio: command })).rejects.toThrow('b: down');
  });

  it('passes an abort through instead of trying the next engine', async () => {
    const controller = new AbortController();
    controller.abort(new Error('barge-in'));
    await expect(chain.transcribe({ audio: question }, controller.signal)).rejects.toThrow(
      'barge-in',
    );
  });

  it.each([
    [['en'], undefined, true],
    [['en'], 'en', true],
    [['en'], 'en-US', true],
    [['en_US'], 'en', true],
    [['en'], 'fr', false],
    [[], 'fr', true],
  ])('supportsLanguage(%j, %s) = %s', (languages, language, expected) => {
    const engine = { languages } as unknown as SpeechToText;
    expect(supportsLanguage(engine, language)).toBe(expected);
  });

  it("hears a question's answers with the phrase engine's grammar of them (none without one)", async () => {
    const answers = await chain.forSentences!(['yes please', 'no thanks']);
    try {
      const yes = (await speak('yes please', { engine: 'flite', name: 'slt' })).audio;
      expect((await answers.transcribe({ audio: yes })).text).toBe('yes please');
    } finally {
      await answers.close();
    }
    const general = new WyomingStt({ uri: whisper.uri });
    const whisperOnly = new SpeechToTextChain({ stages: [{ engine: general }] });
    expect(whisperOnly.forSentences).toBeUndefined();
    await general.close();
  });

  it('lists the languages of all its engines', () => {
    expect([...chain.languages].sort()).toEqual(['en', 'fr']);
  });
});
