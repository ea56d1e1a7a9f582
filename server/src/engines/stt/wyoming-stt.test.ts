import { type AddressInfo, createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TimeoutError } from 'wyoming-ts';
import { CLOSED_PORT } from '../../../../tests/helpers/ports.js';
import { speak } from '../../../../tests/helpers/speech.js';
import { EngineError } from '../../errors.js';
import { speechToTextContract } from './contract.js';
import { type FakeAsr, startFakeAsr } from './fake-asr-server.js';
import { PhraseEngine } from './phrase-engine.js';
import { homeSentences } from './test-sentences.js';
import { WyomingStt } from './wyoming-stt.js';

// The contract, against a Wyoming ASR service whose recognizer is real (the phrase engine).
let recognizer: PhraseEngine;
let recognizerService: FakeAsr;
speechToTextContract('WyomingStt (fake whisper over TCP)', {
  command: 'turn on the kitchen light',
  create: async () => {
    recognizer = new PhraseEngine();
    await recognizer.setSentences(homeSentences());
    recognizerService = await startFakeAsr({
      transcribe: async (audio) => (await recognizer.transcribe({ audio })).text,
    });
    const engine = new WyomingStt({ uri: recognizerService.uri });
    await engine.describe();
    return engine;
  },
});
afterAll(async () => {
  await recognizerService?.stop();
  await recognizer?.close();
});

describe('WyomingStt', () => {
  let service: FakeAsr | undefined;
  let audio: Uint8Array;

  beforeAll(async () => {
    audio = (await speak('turn on the kitchen light')).audio;
  });
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it('sends transcribe, audio-start, the audio in chunks, audio-stop; reads transcript', async () => {
    service = await startFakeAsr({ transcribe: () => 'Turn on the kitchen light.' });
    const engine = new WyomingStt({ uri: service.uri, model: 'tiny-int8' });
    const result = await engine.transcribe({ audio, language: 'fr' });
    expect(result).toEqual({
      text: 'Turn on the kitchen light.',
      confidence: 1,
      language: 'fr',
      engine: `wyoming:${service.uri}`,
    });
    expect(service.requests).toHaveLength(1);
    expect(service.requests[0]!.request).toMatchObject({ name: 'tiny-int8', language: 'fr' });
    expect(Buffer.from(service.requests[0]!.audio).equals(Buffer.from(audio))).toBe(true);
  });

  it.each(['streaming', 'chunks-only'] as const)('reads the %s transcript form', async (mode) => {
    service = await startFakeAsr({ mode, transcribe: () => 'what time is it' });
    const engine = new WyomingStt({ uri: service.uri, finalTranscriptGraceMs: 200 });
    const result = await engine.transcribe({ audio, language: 'en' });
    expect(result.text).toBe('what time is it');
    expect(result.language).toBe('en');
  });

  it('gives confidence 0 to an empty transcript', async () => {
    service = await startFakeAsr({ transcribe: () => '' });
    const result = await new WyomingStt({ uri: service.uri }).transcribe({ audio });
    expect(result).toMatchObject({ text: '', confidence: 0 });
  });

  it('lists the languages of installed models from info', async () => {
    service = await startFakeAsr({ languages: ['en', 'fr', 'nl'] });
    const engine = new WyomingStt({ uri: service.uri });
    expect(engine.languages).toEqual([]);
    const programs = await engine.describe();
    expect(programs[0]!.models.map((model) => model.name)).toEqual(['tiny-int8', 'large']);
    expect(engine.languages).toEqual(['en', 'fr', 'nl']);
  });

  it('fails with a retryable EngineError when the service is down', async () => {
    const uri = `tcp://127.0.0.1:${CLOSED_PORT}`;
    const engine = new WyomingStt({ uri });
    const error = await engine.transcribe({ audio }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: `wyoming:${uri}`, retryable: true });
    expect((error as Error).message).toMatch(/cannot connect .*ECONNREFUSED/);
    await expect(engine.describe()).rejects.toMatchObject({ retryable: true });
  });

  it('fails with a retryable EngineError when the service never answers', async () => {
    service = await startFakeAsr({ mode: 'silent' });
    const engine = new WyomingStt({ uri: service.uri, responseTimeoutMs: 300 });
    const error = await engine.transcribe({ audio }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ retryable: true });
    // The response timeout gave up, not something else (no stopwatch: the cause says which).
    expect((error as Error).cause).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/300 ms/);
  });

  it('fails with a clear EngineError when the peer does not speak Wyoming', async () => {
    const http = createServer((socket) => socket.resume().end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    try {
      const engine = new WyomingStt({ uri: `tcp://127.0.0.1:${port}` });
      const error = await engine.transcribe({ audio }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EngineError);
      expect((error as Error).message).toMatch(/not valid JSON/);
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });

  it('turns a Wyoming error event into a non-retryable EngineError', async () => {
    service = await startFakeAsr({ mode: 'error' });
    const error = await new WyomingStt({ uri: service.uri })
      .transcribe({ audio })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ retryable: false });
    expect((error as Error).message).toMatch(/model failed/);
  });

  it('stops waiting when aborted', async () => {
    service = await startFakeAsr({ mode: 'silent' });
    const engine = new WyomingStt({ uri: service.uri });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled')), 100);
    await expect(engine.transcribe({ audio }, controller.signal)).rejects.toThrow('cancelled');
  });
});
