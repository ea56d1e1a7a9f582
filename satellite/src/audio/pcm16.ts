import { AudioChunk, type AudioFormat, AudioChunkConverter } from 'wyoming-ts';

/** The one format a satellite works in: 16 kHz mono 16-bit, as Wyoming services expect. */
export const MIC_FORMAT: AudioFormat = Object.freeze({ rate: 16000, width: 2, channels: 1 });

/** 1024 samples (64 ms) per chunk, as wyoming-satellite sends. */
export const SAMPLES_PER_CHUNK = 1024;
export const BYTES_PER_CHUNK = SAMPLES_PER_CHUNK * 2;

/** Converts a raw PCM stream of any format to 16 kHz mono 16-bit, keeping state across calls. */
export class ToMicFormat {
  private readonly converter = new AudioChunkConverter(MIC_FORMAT);

  constructor(private readonly source: AudioFormat) {}

  convert(audio: Uint8Array): Uint8Array {
    return this.converter.convert(new AudioChunk({ ...this.source, audio })).audio;
  }
}

/** A view of 16-bit little-endian PCM as samples (copies only when misaligned). */
export function int16View(audio: Uint8Array): Int16Array {
  if (audio.byteOffset % 2 === 0) {
    return new Int16Array(audio.buffer, audio.byteOffset, Math.floor(audio.byteLength / 2));
  }
  return new Int16Array(audio.slice().buffer, 0, Math.floor(audio.byteLength / 2));
}

/** Cuts a byte stream into fixed-size chunks, carrying the remainder to the next push. */
export class Rechunker {
  private pending = new Uint8Array(0);

  constructor(private readonly size: number) {}

  push(bytes: Uint8Array): Uint8Array[] {
    const all = this.pending.length === 0 ? bytes : join(this.pending, bytes);
    const chunks: Uint8Array[] = [];
    let offset = 0;
    for (; offset + this.size <= all.length; offset += this.size) {
      chunks.push(all.slice(offset, offset + this.size));
    }
    this.pending = all.slice(offset);
    return chunks;
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
