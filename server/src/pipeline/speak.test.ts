// Speaking with a sound first (a reminder's chime): real espeak-ng, the events as sent.
import { describe, expect, it } from 'vitest';
import { AudioChunk, type Event, type Eventable } from 'wyoming-ts';
import { EspeakTts } from '../engines/tts/espeak-tts.js';
import { toneChime } from '../reminders/chime.js';
import { speak } from './speak.js';

async function spoken(before?: AudioChunk) {
  const events: Event[] = [];
  const tts = new EspeakTts();
  try {
    await speak({
      tts,
      send: async (e: Event | Eventable) => {
        events.push('toEvent' in e ? e.toEvent() : e);
      },
      text: 'Reminder: walk the dog.',
      language: 'en',
      before,
    });
  } finally {
    await tts.close();
  }
  const chunks = events.filter((e) => e.type === 'audio-chunk').map((e) => AudioChunk.fromEvent(e));
  const audio = Buffer.concat(chunks.map((c) => c.audio));
  return { types: events.map((e) => e.type), audio, rate: chunks[0]!.rate };
}

describe('speak with a sound before the words', () => {
  it('sends the sound, a quarter second of silence, then the same words, in one stream', async () => {
    const plain = await spoken();
    const chimed = await spoken(toneChime());
    for (const { types } of [plain, chimed]) {
      expect(types[0]).toBe('synthesize');
      expect(types[1]).toBe('audio-start');
      expect(types.at(-1)).toBe('audio-stop');
      expect(types.filter((t) => t === 'audio-start')).toHaveLength(1);
    }
    const bytesPerMs = (plain.rate * 2) / 1000;
    const chimeBytes = chimed.audio.length - plain.audio.length - 250 * bytesPerMs;
    // The tone is 300 ms at 16 kHz, resampled to the voice's rate.
    expect(Math.abs(chimeBytes - 300 * bytesPerMs)).toBeLessThanOrEqual(4 * bytesPerMs);
    expect(chimed.audio.subarray(chimed.audio.length - plain.audio.length)).toEqual(plain.audio);
    const gap = chimed.audio.subarray(chimeBytes, chimeBytes + 250 * bytesPerMs);
    expect(gap.every((byte) => byte === 0)).toBe(true);
    expect(chimed.audio.subarray(0, chimeBytes).some((byte) => byte !== 0)).toBe(true);
  });
});
