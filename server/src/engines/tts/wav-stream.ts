// Reads a WAV file as it arrives (a synthesizer's stdout): the format as soon as the header is
// in, then the PCM in the pieces it comes in, cut on whole sample frames. Tools that stream to
// a pipe cannot seek back to write the data size, so a size of 0 or one past 2 GiB means "to
// the end of the stream".
import { type AudioFormat, ProtocolError } from 'wyoming-ts';

export interface WavStream {
  readonly format: AudioFormat;
  /** PCM (signed little-endian, interleaved), in whole frames. Single use. */
  readonly chunks: AsyncIterable<Uint8Array>;
}

const STREAMED_SIZE = 0x7fff0000;

function wavError(message: string): ProtocolError {
  return new ProtocolError(message, 'invalid-wav');
}

function fourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

function parseFmt(fmt: Uint8Array): AudioFormat {
  if (fmt.length < 16) throw wavError(`fmt chunk is ${fmt.length} bytes, expected 16 or more`);
  const view = new DataView(fmt.buffer, fmt.byteOffset, fmt.byteLength);
  const tag = view.getUint16(0, true);
  if (tag !== 1 && tag !== 0xfffe) throw wavError(`unsupported WAV format tag ${tag}`);
  const bits = view.getUint16(14, true);
  if (bits !== 16) throw wavError(`unsupported ${bits}-bit WAV; expected 16-bit PCM`);
  const channels = view.getUint16(2, true);
  const rate = view.getUint32(4, true);
  if (channels === 0 || rate === 0) throw wavError('WAV fmt has no channels or no rate');
  return { rate, width: 2, channels };
}

type Header = { format: AudioFormat; dataOffset: number; dataSize: number };

/** Parses the header in `bytes` if it is all there; undefined when more bytes are needed. */
export function parseWavHeader(bytes: Uint8Array): Header | undefined {
  if (bytes.length < 12) return undefined;
  if (fourCC(bytes, 0) !== 'RIFF' || fourCC(bytes, 8) !== 'WAVE') {
    throw wavError('not a RIFF/WAVE stream');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: AudioFormat | undefined;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = fourCC(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'data') {
      if (!format) throw wavError('WAV data chunk before its fmt chunk');
      const dataSize = size === 0 || size >= STREAMED_SIZE ? Infinity : size;
      return { format, dataOffset: body, dataSize };
    }
    if (body + size > bytes.length) return undefined;
    if (id === 'fmt ') format = parseFmt(bytes.subarray(body, body + size));
    offset = body + size + (size & 1);
  }
  return undefined;
}

/**
 * Waits for the WAV header of `source`, then streams its PCM. Throws `ProtocolError` for a
 * stream that is not 16-bit PCM WAV or ends before its header.
 */
export async function readWavStream(source: AsyncIterable<Uint8Array>): Promise<WavStream> {
  const iterator = source[Symbol.asyncIterator]();
  let buffered: Uint8Array = new Uint8Array(0);
  let header: Header | undefined;
  try {
    while (!header) {
      const next = await iterator.next();
      if (next.done) throw wavError(`stream ended after ${buffered.length} bytes, in its header`);
      buffered = concat(buffered, next.value);
      header = parseWavHeader(buffered);
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  const frameBytes = header.format.width * header.format.channels;
  const first = buffered.subarray(header.dataOffset);
  return { format: header.format, chunks: pcm(iterator, first, header.dataSize, frameBytes) };
}

async function* pcm(
  iterator: AsyncIterator<Uint8Array>,
  first: Uint8Array,
  dataSize: number,
  frameBytes: number,
): AsyncGenerator<Uint8Array> {
  let remaining = dataSize;
  let carry: Uint8Array = new Uint8Array(0);
  try {
    for (let piece: Uint8Array | undefined = first; piece;) {
      const taken = piece.subarray(0, Math.min(piece.length, remaining));
      remaining -= taken.length;
      const bytes = carry.length > 0 ? concat(carry, taken) : taken;
      const whole = bytes.length - (bytes.length % frameBytes);
      carry = bytes.slice(whole);
      if (whole > 0) yield bytes.subarray(0, whole);
      if (remaining <= 0) break;
      const next = await iterator.next();
      piece = next.done ? undefined : next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
