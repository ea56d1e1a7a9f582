import { describe, expect, it } from 'vitest';
import { AudioChunk, AudioStart, AudioStop } from './audio.js';
import { audioToEvents, chunkAudio } from './audio-chunking.js';
import { ProtocolError } from './errors.js';

const MONO16 = { rate: 16000, width: 2, channels: 1 };

describe('chunkAudio', () => {
  it('splits into chunks of samplesPerChunk frames, the last one shorter', () => {
    const audio = Uint8Array.from({ length: 2500 * 2 }, (_, i) => i & 0xff);
    const chunks = chunkAudio(audio, MONO16);
    expect(chunks.map((c) => c.samples)).toEqual([1024, 1024, 452]);
    expect(chunks.map((c) => c.timestamp)).toEqual([0, 64, 128]);
    expect(chunks[2]!.audio).toEqual(audio.subarray(2048 * 2));
    expect(chunks.every((c) => c instanceof AudioChunk && c.rate === 16000 && c.width === 2)).toBe(
      true,
    );
  });

  it('returns views into the input, not copies', () => {
    const audio = new Uint8Array(4096);
    expect(chunkAudio(audio, MONO16)[1]!.audio.buffer).toBe(audio.buffer);
  });

  it('counts frames, not bytes, for multi-channel audio', () => {
    const chunks = chunkAudio(
      new Uint8Array(48000 * 6),
      { rate: 48000, width: 3, channels: 2 },
      {
        samplesPerChunk: 4800,
        startTimestamp: 1000,
      },
    );
    expect(chunks).toHaveLength(10);
    expect(chunks[0]!.audio.length).toBe(4800 * 6);
    expect(chunks.map((c) => c.timestamp)).toEqual([
      1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900,
    ]);
  });

  it('adds whole milliseconds per chunk, as wav_to_chunks does', () => {
    // 1024 frames at 22050 Hz are 46.44 ms; the reference adds int(46.44) = 46 per chunk.
    const chunks = chunkAudio(new Uint8Array(4 * 1024 * 2), { ...MONO16, rate: 22050 });
    expect(chunks.map((c) => c.timestamp)).toEqual([0, 46, 92, 138]);
  });

  it('returns no chunks for no audio', () => {
    expect(chunkAudio(new Uint8Array(0), MONO16)).toEqual([]);
  });

  it('rejects partial frames and bad options', () => {
    expect(() => chunkAudio(new Uint8Array(5), { ...MONO16, channels: 2 })).toThrow(
      /not a whole number of 4-byte frames/,
    );
    expect(() => chunkAudio(new Uint8Array(4), MONO16, { samplesPerChunk: 0 })).toThrow(
      ProtocolError,
    );
    expect(() => chunkAudio(new Uint8Array(4), { ...MONO16, width: 0 })).toThrow(ProtocolError);
  });
});

describe('audioToEvents', () => {
  it('wraps the chunks in audio-start and audio-stop with matching timestamps', () => {
    const events = audioToEvents(new Uint8Array(2500 * 2), MONO16, { startTimestamp: 10 });
    expect(events).toHaveLength(5);
    const [start, ...rest] = events;
    const stop = rest.pop();
    expect(start).toBeInstanceOf(AudioStart);
    expect(start).toMatchObject({ rate: 16000, width: 2, channels: 1, timestamp: 10 });
    expect(rest.map((c) => (c as AudioChunk).timestamp)).toEqual([10, 74, 138]);
    expect(stop).toBeInstanceOf(AudioStop);
    expect((stop as AudioStop).timestamp).toBe(138 + 28);
    expect(events.map((e) => e.toEvent().type)).toEqual([
      'audio-start',
      'audio-chunk',
      'audio-chunk',
      'audio-chunk',
      'audio-stop',
    ]);
  });

  it('gives a start and a stop for empty audio', () => {
    const events = audioToEvents(new Uint8Array(0), MONO16);
    expect(events.map((e) => e.toEvent())).toEqual([
      { type: 'audio-start', data: { rate: 16000, width: 2, channels: 1, timestamp: 0 } },
      { type: 'audio-stop', data: { timestamp: 0 } },
    ]);
  });
});
