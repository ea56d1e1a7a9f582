import { describe, expect, it } from 'vitest';
import { collect, seconds } from './contract.js';
import { EspeakTts } from './espeak-tts.js';
import { sentencesOf, speakStreaming } from './sentences.js';
import type { SynthesisRequest, SynthesizedAudio, TextToSpeech } from './tts.js';

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (!condition() && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
}

describe('speakStreaming', () => {
  it("starts the first sentence's audio before the next sentence exists", async () => {
    const tts = new EspeakTts();
    let firstAudioAt: number | undefined;
    let secondWrittenAt: number | undefined;
    async function* llm() {
      yield 'The living room lights ';
      yield 'are on. Th';
      await waitFor(() => firstAudioAt !== undefined, 3000);
      secondWrittenAt = performance.now();
      yield 'e door is locked.';
    }
    const audio = await speakStreaming(tts, sentencesOf(llm()));
    const pieces: Uint8Array[] = [];
    for await (const piece of audio.chunks) {
      firstAudioAt ??= performance.now();
      pieces.push(piece);
    }
    expect(firstAudioAt).toBeDefined();
    expect(secondWrittenAt).toBeDefined();
    expect(firstAudioAt!).toBeLessThan(secondWrittenAt!);
    expect(seconds(audio, Buffer.concat(pieces))).toBeGreaterThan(2);
  });

  it('converts later sentences to the format of the first', async () => {
    const tone = (rate: number, ms: number): SynthesizedAudio => ({
      format: { rate, width: 2, channels: 1 },
      chunks: (async function* () {
        yield new Uint8Array(Math.round((rate * ms) / 1000) * 2);
      })(),
    });
    const tts: TextToSpeech = {
      name: 'tones',
      voices: () => [],
      synthesize: async (request: SynthesisRequest) =>
        tone(request.text === 'first' ? 16000 : 48000, 500),
      close: async () => {},
    };
    async function* two() {
      yield 'first';
      yield 'second';
    }
    const audio = await speakStreaming(tts, two());
    expect(audio.format.rate).toBe(16000);
    expect(seconds(audio, await collect(audio))).toBeCloseTo(1, 1);
  });

  it('lets go of the sentence stream when the listener stops early', async () => {
    const tts = new EspeakTts();
    let released = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield `Sentence ${i}.`;
      } finally {
        released = true;
      }
    }
    const audio = await speakStreaming(tts, endless());
    for await (const piece of audio.chunks) {
      expect(piece.byteLength).toBeGreaterThan(0);
      break;
    }
    await waitFor(() => released, 2000);
    expect(released).toBe(true);
  });

  it('gives no audio for no sentences', async () => {
    async function* none() {}
    const audio = await speakStreaming(new EspeakTts(), none());
    expect(await collect(audio)).toHaveLength(0);
  });

  it('passes synthesis errors on', async () => {
    const tts = new EspeakTts({ binary: '/nonexistent/espeak-ng' });
    async function* one() {
      yield 'Hello.';
    }
    await expect(speakStreaming(tts, one())).rejects.toThrow(/not found/);
  });
});
