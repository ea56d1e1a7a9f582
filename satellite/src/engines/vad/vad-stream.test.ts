import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  joinPcm,
  samplesOf,
  silence,
  speak,
  TEST_VOICES,
  trimmed,
  withNoise,
} from '../../../../tests/helpers/speech.js';
import { SileroVad } from './silero-vad.js';
import type { VadEvent } from './vad.js';
import { VadStream, type VadResult } from './vad-stream.js';

const SENTENCE = 'Turn on the kitchen lights and set the thermostat to twenty degrees.';
/** 20 ms of 16-bit samples, a typical microphone chunk. */
const MIC_CHUNK_BYTES = 640;

interface Heard {
  event: VadEvent;
  /** Stream time when the chunk that completed the event ended. */
  emittedAtMs: number;
}

/** Feeds `audio` in `chunkBytes` pieces, as a microphone would. */
async function listen(stream: VadStream, audio: Uint8Array, chunkBytes = MIC_CHUNK_BYTES) {
  const heard: Heard[] = [];
  let probability = 0;
  for (let start = 0; start < audio.length; start += chunkBytes) {
    const result = await stream.process(audio.subarray(start, start + chunkBytes));
    const emittedAtMs = Math.min(start + chunkBytes, audio.length) / 32;
    heard.push(...result.events.map((event) => ({ event, emittedAtMs })));
    probability = result.probability;
  }
  return { heard, probability };
}

/** Where the speech in `audio` really starts and ends, in ms, by its amplitude. */
function speechBounds(audio: Uint8Array): { startMs: number; endMs: number } {
  const samples = samplesOf(audio);
  const loud = (s: number) => Math.abs(s) > 300;
  const first = samples.findIndex(loud);
  const last = samples.findLastIndex(loud);
  return { startMs: first / 16, endMs: (last + 1) / 16 };
}

/** A seeded generator of chunk lengths in [1, max]. */
function chunkLengths(seed: number, max: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return 1 + (state % max);
  };
}

describe('VadStream with Silero VAD', () => {
  let vad: SileroVad;

  beforeAll(async () => {
    vad = await SileroVad.load();
  });
  afterAll(() => vad.close());

  it('hears no speech in silence', async () => {
    const stream = new VadStream({ detector: vad });
    const { heard, probability } = await listen(stream, silence(3000));
    expect(heard).toEqual([]);
    expect(probability).toBeLessThan(0.05);
    expect(stream.inSpeech).toBe(false);
  });

  const voices = TEST_VOICES.flatMap((voice) => [
    { label: `${voice.engine} ${voice.name}`, voice, snrDb: undefined },
    { label: `${voice.engine} ${voice.name} at 10 dB SNR`, voice, snrDb: 10 },
  ]);

  it.each(voices)('hears one utterance: $label', async ({ voice, snrDb }) => {
    const speech = (await speak(SENTENCE, voice)).audio;
    const clip = joinPcm(silence(1000), speech, silence(1500)).audio;
    // The noise covers the silences too, so the SNR over the speech alone is lower than 10 dB.
    const audio = snrDb === undefined ? clip : withNoise(clip, snrDb);
    const bounds = speechBounds(speech);
    const stream = new VadStream({ detector: vad });

    const { heard } = await listen(stream, audio);

    expect(heard.map((h) => h.event.type)).toEqual(['speech-started', 'speech-stopped']);
    const [start, stop] = heard as [Heard, Heard];
    expect(start.event.timestampMs).toBeGreaterThanOrEqual(1000 + bounds.startMs - 64);
    expect(start.event.timestampMs).toBeLessThanOrEqual(1000 + bounds.startMs + 150);
    expect(stop.event.timestampMs).toBeGreaterThanOrEqual(1000 + bounds.endMs - 64);
    expect(stop.event.timestampMs).toBeLessThanOrEqual(1000 + bounds.endMs + 300);
    // Confirmed after 250 ms of speech and 700 ms of silence (whole 32 ms frames, 20 ms chunks).
    expect(start.emittedAtMs - start.event.timestampMs).toBeGreaterThanOrEqual(256);
    expect(start.emittedAtMs - start.event.timestampMs).toBeLessThan(256 + 20);
    expect(stop.emittedAtMs - stop.event.timestampMs).toBeGreaterThanOrEqual(704);
    expect(stop.emittedAtMs - stop.event.timestampMs).toBeLessThan(704 + 20);
    expect(stream.inSpeech).toBe(false);
  });

  it('reports a pause inside speech at its marks, and the speech coming back', async () => {
    const first = trimmed((await speak('Turn on the kitchen light', TEST_VOICES[0])).audio);
    const second = trimmed((await speak('to fifty percent', TEST_VOICES[0])).audio);
    const audio = joinPcm(silence(500), first, silence(500), second, silence(1000)).audio;
    const stream = new VadStream({ detector: vad, pauseMarksMs: [100, 300] });

    const { heard } = await listen(stream, audio);

    const types = heard.map((h) => h.event.type);
    expect(types).toEqual([
      'speech-started',
      'speech-paused',
      'speech-paused',
      'speech-resumed',
      'speech-paused',
      'speech-paused',
      'speech-stopped',
    ]);
    const pauses = heard.flatMap((h) => (h.event.type === 'speech-paused' ? [h.event] : []));
    expect(pauses.map((p) => p.silenceMs >= 100 && p.silenceMs < 300 + 32)).toEqual([
      true, true, true, true,
    ]); // prettier-ignore
    expect(pauses[1]!.silenceMs).toBeGreaterThanOrEqual(300);
    // Each pause begins where the silence begins, near the end of the words before it.
    const firstEnd = 500 + speechBounds(first).endMs;
    expect(pauses[0]!.timestampMs).toBeGreaterThanOrEqual(firstEnd - 64);
    expect(pauses[0]!.timestampMs).toBeLessThanOrEqual(firstEnd + 300);
  });

  describe('on two utterances in noise', () => {
    let audio: Uint8Array;
    let whole: VadResult;

    beforeAll(async () => {
      const first = (await speak('What is the weather tomorrow?', TEST_VOICES[1])).audio;
      const second = (await speak('Remind me to walk the dog.', TEST_VOICES[6])).audio;
      audio = withNoise(
        joinPcm(silence(700), first, silence(1200), second, silence(1200)).audio,
        15,
      );
      whole = await new VadStream({ detector: vad }).process(samplesOf(audio));
    });

    it('hears both', () => {
      expect(whole.events.map((e) => e.type)).toEqual([
        'speech-started',
        'speech-stopped',
        'speech-started',
        'speech-stopped',
      ]);
    });

    it.each([1, 2, 3])('gives the same events in random byte chunks (seed %i)', async (seed) => {
      const stream = new VadStream({ detector: vad });
      const next = chunkLengths(seed, 3001);
      const events: VadEvent[] = [];
      let last: VadResult = { events: [], probability: 0, frames: [] };
      for (let start = 0; start < audio.length;) {
        const end = Math.min(audio.length, start + next());
        last = await stream.process(audio.subarray(start, end));
        events.push(...last.events);
        start = end;
      }
      expect(events).toEqual(whole.events);
      expect(last.probability).toBe(whole.probability);
    });

    it('gives the same events in random sample chunks, sent without waiting', async () => {
      const stream = new VadStream({ detector: vad });
      const samples = samplesOf(audio);
      const next = chunkLengths(4, 2000);
      const pending: Promise<VadResult>[] = [];
      for (let start = 0; start < samples.length;) {
        const end = Math.min(samples.length, start + next());
        pending.push(stream.process(samples.subarray(start, end)));
        start = end;
      }
      const results = await Promise.all(pending);
      expect(results.flatMap((r) => r.events)).toEqual(whole.events);
      expect(results.at(-1)!.probability).toBe(whole.probability);
    });

    it('starts afresh after reset(), at time 0', async () => {
      const stream = new VadStream({ detector: vad });
      await stream.process(audio.subarray(0, Math.floor(audio.length / 2) + 1));
      stream.reset();
      expect(await stream.process(audio)).toEqual(whole);
    });

    it('close() waits for the frame under way, drops what is queued, and frees its detector', async () => {
      const own = await SileroVad.load();
      const users = SileroVad.usage().users;
      const stream = new VadStream({ detector: own });
      const queued = stream.process(audio);
      await stream.close();
      expect((await queued).events).toEqual([]);
      expect(SileroVad.usage().users).toBe(users - 1);
      await expect(own.process(new Float32Array(512))).rejects.toThrow(/after close/);
    });

    it('drops a chunk still queued when reset() is called', async () => {
      const stream = new VadStream({ detector: vad });
      const dropped = stream.process(audio);
      stream.reset();
      const fresh = stream.process(audio);
      expect((await dropped).events).toEqual([]);
      expect(await fresh).toEqual(whole);
    });
  });
});
