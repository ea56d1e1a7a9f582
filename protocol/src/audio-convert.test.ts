import { concatBytes } from './bytes.js';
import { describe, expect, it } from 'vitest';
import { AudioChunk, type AudioFormat } from './audio.js';
import { AudioChunkConverter, mixChannels, scaleAudio } from './audio-convert.js';
import { ProtocolError } from './errors.js';
import { decodePcm, encodePcm } from './pcm.js';

function pcm16(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setInt16(i * 2, value, true));
  return bytes;
}

function int16s(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.length / 2 }, (_, i) => view.getInt16(i * 2, true));
}

function chunk(format: AudioFormat, audio: Uint8Array, timestamp?: number): AudioChunk {
  return new AudioChunk({ ...format, audio, timestamp });
}

const concat = concatBytes;

/** Converts `audio` cut at `cuts` (byte offsets) and returns everything the converter gives. */
function convertInPieces(
  converter: AudioChunkConverter,
  format: AudioFormat,
  audio: Uint8Array,
  cuts: number[],
) {
  const bounds = [0, ...cuts, audio.length];
  const parts = bounds
    .slice(1)
    .map((end, i) => converter.convert(chunk(format, audio.subarray(bounds[i], end))).audio);
  const tail = converter.flush();
  return concat(tail ? [...parts, tail.audio] : parts);
}

const tone = (frequency: number, rate: number, frames: number) =>
  Float64Array.from(
    { length: frames },
    (_, n) => 0.5 * Math.sin((2 * Math.PI * frequency * n) / rate),
  );

const MONO16 = { rate: 16000, width: 2, channels: 1 };

describe('AudioChunkConverter', () => {
  it('returns the same chunk when nothing needs converting', () => {
    const input = chunk(MONO16, pcm16([1, 2, 3]), 5);
    expect(new AudioChunkConverter().convert(input)).toBe(input);
    expect(new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 }).convert(input)).toBe(
      input,
    );
  });

  it('converts 48 kHz 32-bit stereo to 16 kHz 16-bit mono, one second in, one second out', () => {
    // The Python reference's own test case.
    const converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
    const out = converter.convert(
      chunk({ rate: 48000, width: 4, channels: 2 }, new Uint8Array(48000 * 8), 7),
    );
    expect(out).toMatchObject({ rate: 16000, width: 2, channels: 1, timestamp: 7 });
    const tail = converter.flush();
    expect(out.audio.length + (tail?.audio.length ?? 0)).toBe(16000 * 2);
  });

  it('averages channels when going to mono', () => {
    const converter = new AudioChunkConverter({ channels: 1 });
    const out = converter.convert(
      chunk({ ...MONO16, channels: 2 }, pcm16([1000, 3000, -32768, 32767, 5, -6])),
    );
    expect(int16s(out.audio)).toEqual([2000, 0, 0]);
  });

  it('duplicates mono and goes through mono for other counts', () => {
    const stereo = new AudioChunkConverter({ channels: 2 }).convert(chunk(MONO16, pcm16([7, -9])));
    expect(int16s(stereo.audio)).toEqual([7, 7, -9, -9]);
    const three = chunk({ ...MONO16, channels: 3 }, pcm16([3, 6, 9, -30, 0, 0]));
    expect(int16s(new AudioChunkConverter({ channels: 2 }).convert(three).audio)).toEqual([
      6, 6, -10, -10,
    ]);
    expect(Array.from(mixChannels(Float64Array.of(1, 2, 3, 4), 2, 2))).toEqual([1, 2, 3, 4]);
  });

  it('converts widths with exact round trips', () => {
    const original = pcm16([-32768, -1, 0, 1, 12345, 32767]);
    const to24 = new AudioChunkConverter({ width: 3 }).convert(chunk(MONO16, original));
    expect(to24.width).toBe(3);
    expect(to24.audio.length).toBe(18);
    const back = new AudioChunkConverter({ width: 2 }).convert(to24);
    expect(back.audio).toEqual(original);
  });

  it('treats width 1 as signed 8-bit', () => {
    const out = new AudioChunkConverter({ width: 1 }).convert(
      chunk(MONO16, pcm16([-32768, 256, 32767])),
    );
    expect(Array.from(new Int8Array(out.audio.buffer))).toEqual([-128, 1, 127]);
  });

  it('keeps the bytes of an incomplete frame for the next chunk', () => {
    const format = { rate: 16000, width: 2, channels: 2 };
    const audio = pcm16(Array.from({ length: 200 }, (_, i) => i * 97 - 9000));
    const expected = new AudioChunkConverter({ width: 3 }).convert(chunk(format, audio)).audio;
    const converter = new AudioChunkConverter({ width: 3 });
    const first = converter.convert(chunk(format, audio.subarray(0, 7)));
    expect(first.audio.length).toBe(6);
    expect(
      convertInPieces(
        new AudioChunkConverter({ width: 3 }),
        format,
        audio,
        [1, 2, 7, 150, 151, 397],
      ),
    ).toEqual(expected);
  });

  it('completes an incomplete last frame with silence on flush', () => {
    const converter = new AudioChunkConverter({ width: 4 });
    converter.convert(chunk({ ...MONO16, channels: 2 }, pcm16([1, 2, 3]).subarray(0, 5)));
    const tail = converter.flush();
    expect(tail?.audio.length).toBe(8);
    expect(converter.flush()).toBeUndefined();
  });

  it('resamples across chunks as if the stream were one chunk', () => {
    const format = { rate: 44100, width: 2, channels: 2 };
    const samples = tone(440, 44100, 2 * 4410);
    const audio = encodePcm(samples, 2);
    const whole = convertInPieces(new AudioChunkConverter({ rate: 16000 }), format, audio, []);
    const pieces = convertInPieces(
      new AudioChunkConverter({ rate: 16000 }),
      format,
      audio,
      [3, 1001, 1002, 9999],
    );
    expect(pieces).toEqual(whole);
    expect(whole.length).toBe(2 * 2 * 1600);
  });

  it('resamples a tone without changing its pitch', () => {
    const converter = new AudioChunkConverter({ rate: 16000, channels: 1 });
    const input = chunk(
      { rate: 48000, width: 2, channels: 1 },
      encodePcm(tone(1000, 48000, 4800), 2),
    );
    const out = concat([
      converter.convert(input).audio,
      converter.flush()?.audio ?? new Uint8Array(),
    ]);
    const samples = decodePcm(out, 2);
    expect(samples.length).toBe(1600);
    const expected = tone(1000, 16000, 1600);
    for (let n = 100; n < 1500; n++)
      expect(Math.abs(samples[n]! - expected[n]!)).toBeLessThan(1e-3);
  });

  it('keeps timestamps', () => {
    const converter = new AudioChunkConverter({ rate: 8000 });
    expect(converter.convert(chunk(MONO16, new Uint8Array(640), 1234)).timestamp).toBe(1234);
  });

  it('starts a new stream when the incoming format changes, keeping the old tail', () => {
    const converter = new AudioChunkConverter({ rate: 16000 });
    const at48 = { rate: 48000, width: 2, channels: 1 };
    const passThrough = pcm16(Array.from({ length: 1600 }, (_, i) => i));
    const first = converter.convert(chunk(at48, new Uint8Array(4800 * 2)));
    const second = converter.convert(chunk({ ...at48, rate: 44100 }, new Uint8Array(4410 * 2)));
    const third = converter.convert(chunk(MONO16, passThrough, 300));
    expect(converter.flush()).toBeUndefined();
    // 100 ms from each stream, the resampled ones' tails arriving with the next chunk.
    expect(first.audio.length + second.audio.length + third.audio.length).toBe(3 * 3200);
    expect(first.audio.length).toBeLessThan(3200);
    expect(third.audio.length).toBeGreaterThan(3200);
    expect(third.audio.subarray(third.audio.length - 3200)).toEqual(passThrough);
    expect(third.timestamp).toBe(300);
  });

  it('drops the old tail when it cannot go in front of a chunk of another output format', () => {
    const converter = new AudioChunkConverter({ rate: 16000 });
    converter.convert(chunk({ rate: 48000, width: 2, channels: 2 }, new Uint8Array(4800 * 4)));
    const mono = converter.convert(
      chunk({ rate: 48000, width: 2, channels: 1 }, new Uint8Array(4800 * 2)),
    );
    const tail = converter.flush();
    expect(mono.channels).toBe(1);
    expect(mono.audio.length + (tail?.audio.length ?? 0)).toBe(3200);
  });

  it('forgets the stream on reset', () => {
    const converter = new AudioChunkConverter({ rate: 16000, width: 3 });
    converter.convert(chunk({ rate: 48000, width: 2, channels: 1 }, new Uint8Array(99)));
    converter.reset();
    expect(converter.flush()).toBeUndefined();
  });

  it('rejects impossible targets and chunks', () => {
    expect(() => new AudioChunkConverter({ width: 5 })).toThrow(ProtocolError);
    expect(() => new AudioChunkConverter({ rate: 0 })).toThrow(ProtocolError);
    expect(() => new AudioChunkConverter({ channels: 1.5 })).toThrow(ProtocolError);
    const converter = new AudioChunkConverter({ width: 2 });
    expect(() =>
      converter.convert(chunk({ rate: 16000, width: 6, channels: 1 }, new Uint8Array(6))),
    ).toThrow(/width: expected 1 to 4, got 6/);
    expect(() =>
      converter.convert(chunk({ rate: 16000, width: 2, channels: 0 }, new Uint8Array(6))),
    ).toThrow(ProtocolError);
  });
});

describe('scaleAudio', () => {
  it('scales 16-bit samples in a copy, and other widths through floats', () => {
    const audio = pcm16([1000, -1000, 32767]);
    const chunk = new AudioChunk({ rate: 16000, width: 2, channels: 1, audio, timestamp: 5 });
    const half = scaleAudio(chunk, 0.5);
    expect([...new Int16Array(half.audio.buffer)]).toEqual([500, -500, 16384]);
    expect(half.timestamp).toBe(5);
    expect([...new Int16Array(audio.buffer)]).toEqual([1000, -1000, 32767]);
    expect(scaleAudio(chunk, 1)).toBe(chunk);
    const wide = new AudioChunk({
      rate: 16000,
      width: 4,
      channels: 1,
      audio: encodePcm([0.5, -0.25], 4),
    });
    expect([...decodePcm(scaleAudio(wide, 0.5).audio, 4)]).toEqual([0.25, -0.125]);
  });
});
