// The contract every TextToSpeech keeps, as a shared vitest suite: each implementation's test
// file calls `textToSpeechContract` with a way to build a ready engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SynthesizedAudio, TextToSpeech } from './tts.js';

export interface TextToSpeechContractSetup {
  /** Builds a ready engine (voices listed, service described...). */
  create(): Promise<TextToSpeech>;
}

/** Reads all the audio; checks every piece is whole frames. */
export async function collect(audio: SynthesizedAudio): Promise<Uint8Array> {
  const frame = audio.format.width * audio.format.channels;
  const pieces: Uint8Array[] = [];
  for await (const piece of audio.chunks) {
    expect(piece.byteLength % frame).toBe(0);
    pieces.push(piece);
  }
  return Buffer.concat(pieces);
}

/** Seconds of audio in `bytes` of `audio`'s format. */
export function seconds(audio: SynthesizedAudio, bytes: Uint8Array): number {
  const { rate, width, channels } = audio.format;
  return bytes.byteLength / (rate * width * channels);
}

const LONG_TEXT = 'This is one of many sentences in a long answer. '.repeat(20);

export function textToSpeechContract(name: string, setup: TextToSpeechContractSetup): void {
  describe(`TextToSpeech contract: ${name}`, () => {
    let tts: TextToSpeech;

    beforeAll(async () => {
      tts = await setup.create();
    });
    afterAll(() => tts.close());

    it('has a name and lists voices with their languages', () => {
      expect(tts.name).toMatch(/\S/);
      const voices = tts.voices();
      expect(voices.length).toBeGreaterThan(0);
      for (const voice of voices) {
        expect(voice.name).toMatch(/\S/);
        expect(voice.languages.length).toBeGreaterThan(0);
      }
    });

    it('speaks English as 16-bit PCM in whole frames', async () => {
      const audio = await tts.synthesize({ text: 'The kitchen light is on.', language: 'en' });
      expect(audio.format.width).toBe(2);
      expect(audio.format.rate).toBeGreaterThanOrEqual(8000);
      expect(audio.format.channels).toBeGreaterThanOrEqual(1);
      const length = seconds(audio, await collect(audio));
      expect(length).toBeGreaterThan(0.5);
      expect(length).toBeLessThan(5);
    });

    it('speaks French', async () => {
      const audio = await tts.synthesize({
        text: 'La lumière du salon est allumée.',
        language: 'fr',
      });
      expect(seconds(audio, await collect(audio))).toBeGreaterThan(0.5);
    });

    it('answers empty text without throwing', async () => {
      const audio = await tts.synthesize({ text: '' });
      expect(seconds(audio, await collect(audio))).toBeLessThan(0.5);
    });

    it('rejects at once when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort(new Error('stop'));
      await expect(tts.synthesize({ text: 'Hello.' }, controller.signal)).rejects.toThrow();
    });

    it('stops the audio when aborted mid-way', async () => {
      const controller = new AbortController();
      const audio = await tts.synthesize({ text: LONG_TEXT }, controller.signal);
      const iterator = audio.chunks[Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(false);
      controller.abort(new Error('barge-in'));
      const rest = (async () => {
        for (let next = await iterator.next(); !next.done; next = await iterator.next());
      })();
      await expect(rest).rejects.toThrow('barge-in');
    });

    it('can be left early, and speaks again afterwards', async () => {
      const audio = await tts.synthesize({ text: LONG_TEXT });
      for await (const piece of audio.chunks) {
        expect(piece.byteLength).toBeGreaterThan(0);
        break;
      }
      const again = await tts.synthesize({ text: 'Done.' });
      expect(seconds(again, await collect(again))).toBeGreaterThan(0.2);
    });
  });
}
