import { afterEach, describe, expect, it } from 'vitest';
import { TimeoutError } from 'wyoming-ts';
import { CLOSED_PORT } from '../../../../tests/helpers/ports.js';
import { EngineError } from '../../errors.js';
import { collect, seconds, textToSpeechContract } from './contract.js';
import { type FakeTts, startFakeTts } from './fake-tts-server.js';
import { WyomingTts } from './wyoming-tts.js';

let contractService: FakeTts | undefined;
textToSpeechContract('WyomingTts (fake piper over TCP)', {
  create: async () => {
    contractService = await startFakeTts();
    const tts = new WyomingTts({ uri: contractService.uri });
    await tts.describe();
    return tts;
  },
});

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (!condition() && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
}

describe('WyomingTts', () => {
  let service: FakeTts | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    await contractService?.stop();
    contractService = undefined;
  });

  it('lists voices from info and picks one by language', async () => {
    service = await startFakeTts();
    const tts = new WyomingTts({ uri: service.uri });
    expect(tts.voices()).toEqual([]);
    await tts.describe();
    expect(tts.supportsStreaming).toBe(true);
    expect(tts.voices().map((voice) => [voice.name, voice.languages])).toEqual([
      ['en_US-lessac-medium', ['en_US']],
      ['fr_FR-siwis-medium', ['fr_FR']],
    ]);
    const audio = await tts.synthesize({ text: 'Bonsoir.', language: 'fr' });
    await collect(audio);
    const request = service.log.find((entry) => entry.event === 'synthesize');
    expect(request?.text).toBe('Bonsoir.');
  });

  it('streams text in and audio out: the first sentence plays while the rest is written', async () => {
    service = await startFakeTts({ streaming: true });
    const tts = new WyomingTts({ uri: service.uri });
    let firstAudioAt: number | undefined;
    let restWrittenAt: number | undefined;
    async function* llm() {
      // As an LLM's tokens come: the space goes with the next word.
      yield 'The kitchen light';
      yield ' is on.';
      yield ' The front door';
      await waitFor(() => firstAudioAt !== undefined, 3000);
      restWrittenAt = performance.now();
      yield ' is locked.';
    }
    const audio = await tts.synthesizeStream(llm(), { language: 'en' });
    const pieces: Uint8Array[] = [];
    for await (const piece of audio.chunks) {
      firstAudioAt ??= performance.now();
      pieces.push(piece);
    }
    expect(seconds(audio, Buffer.concat(pieces))).toBeGreaterThan(2);
    expect(firstAudioAt!).toBeLessThan(restWrittenAt!);
    const events = service.log.map((entry) => entry.event);
    expect(events.indexOf('sent:audio-start')).toBeLessThan(events.lastIndexOf('synthesize-chunk'));
    expect(events.filter((event) => event === 'sent:audio-start')).toHaveLength(2);
    expect(events.filter((event) => !event.startsWith('sent:'))).toEqual([
      'describe',
      'synthesize-start',
      ...Array<string>(4).fill('synthesize-chunk'),
      'synthesize',
      'synthesize-stop',
    ]);
    expect(events.at(-1)).toBe('sent:synthesize-stopped');
    const whole = service.log.find((entry) => entry.event === 'synthesize');
    expect(whole?.text).toBe('The kitchen light is on. The front door is locked.');
  });

  it('without streaming support, sends one synthesize per sentence as each is written', async () => {
    service = await startFakeTts({ streaming: false });
    const tts = new WyomingTts({ uri: service.uri });
    let firstAudioAt: number | undefined;
    let restWrittenAt: number | undefined;
    async function* llm() {
      yield 'One sentence here. Anoth';
      await waitFor(() => firstAudioAt !== undefined, 3000);
      restWrittenAt = performance.now();
      yield 'er one there.';
    }
    const audio = await tts.synthesizeStream(llm());
    for await (const piece of audio.chunks) {
      firstAudioAt ??= performance.now();
      expect(piece.byteLength).toBeGreaterThan(0);
    }
    expect(firstAudioAt!).toBeLessThan(restWrittenAt!);
    const requests = service.log.filter((entry) => entry.event === 'synthesize');
    expect(requests.map((entry) => entry.text)).toEqual([
      'One sentence here.',
      'Another one there.',
    ]);
    expect(service.log.some((entry) => entry.event === 'synthesize-start')).toBe(false);
  });

  it('fails with a retryable EngineError when the service is down', async () => {
    const uri = `tcp://127.0.0.1:${CLOSED_PORT}`;
    const tts = new WyomingTts({ uri });
    await expect(tts.synthesize({ text: 'Hello.' })).rejects.toMatchObject({
      name: 'EngineError',
      engine: `wyoming:${uri}`,
      retryable: true,
    });
    async function* text() {
      yield 'Hello.';
    }
    await expect(tts.synthesizeStream(text())).rejects.toMatchObject({ retryable: true });
  });

  it('fails with a retryable EngineError when the service never answers', async () => {
    service = await startFakeTts({ mode: 'silent' });
    const tts = new WyomingTts({ uri: service.uri, responseTimeoutMs: 300 });
    const error = await tts.synthesize({ text: 'Hello.' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ retryable: true });
    expect((error as Error).cause).toBeInstanceOf(TimeoutError);
  });

  it('turns an error event into a non-retryable EngineError', async () => {
    service = await startFakeTts({ mode: 'error' });
    const tts = new WyomingTts({ uri: service.uri });
    await expect(tts.synthesize({ text: 'Hello.' })).rejects.toThrow(/voice failed/);
    await expect(tts.synthesize({ text: 'Hello.' })).rejects.toMatchObject({ retryable: false });
  });

  it('passes on a failure of the text being streamed', async () => {
    service = await startFakeTts({ streaming: true });
    const tts = new WyomingTts({ uri: service.uri });
    async function* broken() {
      yield 'Almost';
      throw new Error('llm failed');
    }
    await expect(tts.synthesizeStream(broken())).rejects.toThrow('llm failed');
  });
});
