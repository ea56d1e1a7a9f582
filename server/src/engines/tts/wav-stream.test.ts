import { describe, expect, it } from 'vitest';
import { writeWav } from 'wyoming-ts';
import { parseWavHeader, readWavStream } from './wav-stream.js';

async function* pieces(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function readAll(source: AsyncIterable<Uint8Array>) {
  const wav = await readWavStream(source);
  const out: Uint8Array[] = [];
  for await (const piece of wav.chunks) out.push(piece);
  return { format: wav.format, audio: Buffer.concat(out), sizes: out.map((p) => p.length) };
}

describe('readWavStream', () => {
  const audio = Uint8Array.from({ length: 2000 }, (_, i) => i % 251);
  const file = writeWav({ rate: 22050, width: 2, channels: 1, audio });

  it.each([1, 3, 44, 45, 100, 5000])('reads the format and PCM in %i-byte pieces', async (size) => {
    const result = await readAll(pieces(file, size));
    expect(result.format).toEqual({ rate: 22050, width: 2, channels: 1 });
    expect(Buffer.from(result.audio).equals(Buffer.from(audio))).toBe(true);
    for (const length of result.sizes) expect(length % 2).toBe(0);
  });

  it('takes a streamed data size (espeak writes 0x7ffff000) as "to the end"', async () => {
    const streamed = file.slice();
    new DataView(streamed.buffer).setUint32(40, 0x7ffff000, true);
    const result = await readAll(pieces(streamed, 300));
    expect(result.audio.length).toBe(2000);
  });

  it('stops at the data size when chunks follow the data', async () => {
    const withTail = Buffer.concat([file, Buffer.from('LIST\x04\x00\x00\x00abcd')]);
    const result = await readAll(pieces(withTail, 512));
    expect(result.audio.length).toBe(2000);
  });

  it('skips chunks before the data and keeps stereo frames whole', async () => {
    const stereo = writeWav({ rate: 16000, width: 2, channels: 2, audio: audio.slice(0, 1600) });
    const extra = Buffer.concat([
      stereo.subarray(0, 36),
      Buffer.from('junk\x03\x00\x00\x00xyz\x00'),
      stereo.subarray(36),
    ]);
    new DataView(extra.buffer, extra.byteOffset).setUint32(4, extra.length - 8, true);
    const result = await readAll(pieces(extra, 7));
    expect(result.format).toEqual({ rate: 16000, width: 2, channels: 2 });
    for (const length of result.sizes) expect(length % 4).toBe(0);
    expect(result.audio.length).toBe(1600);
  });

  it('rejects what is not 16-bit PCM WAV, or ends in the header', async () => {
    await expect(
      readAll(pieces(new TextEncoder().encode('HTTP/1.1 200 OK\r\n'), 5)),
    ).rejects.toThrow(/not a RIFF/);
    await expect(readAll(pieces(file.subarray(0, 30), 10))).rejects.toThrow(/ended after 30 bytes/);
    const eightBit = writeWav({ rate: 8000, width: 1, channels: 1, audio: new Uint8Array(10) });
    await expect(readAll(pieces(eightBit, 64))).rejects.toThrow(/8-bit/);
  });

  it('needs more bytes before the data chunk header is complete', () => {
    expect(parseWavHeader(file.subarray(0, 40))).toBeUndefined();
    expect(parseWavHeader(file.subarray(0, 44))).toMatchObject({ dataOffset: 44, dataSize: 2000 });
  });
});
