import type { AudioFormat } from './audio.js';
import { ProtocolError } from './errors.js';

/** PCM audio with its format; `audio` holds signed little-endian samples, as everywhere here. */
export interface WavAudio extends AudioFormat {
  readonly audio: Uint8Array;
}

const FORMAT_PCM = 1;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Bytes 2-15 of the KSDATAFORMAT_SUBTYPE GUIDs; bytes 0-1 hold the format tag. */
const SUBFORMAT_GUID_TAIL = [
  0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];
const FORMAT_NAMES: Record<number, string> = {
  2: 'Microsoft ADPCM',
  3: 'IEEE float',
  6: 'A-law',
  7: 'mu-law',
  17: 'IMA ADPCM',
  0x55: 'MPEG layer 3',
};
/** A data size written by tools that stream a WAV to a pipe and cannot seek back. */
const UNKNOWN_SIZE = 0xffffffff;

/**
 * Parses a RIFF/WAVE file of integer PCM (format tag 1, or WAVE_FORMAT_EXTENSIBLE with the
 * PCM sub-format) at 8, 16, 24 or 32 bits. Unknown chunks are skipped. A `data` chunk whose
 * size is 0, 0xFFFFFFFF or past the end of the file, as `arecord` and `sox` write to a pipe,
 * takes the rest of the file; an incomplete last frame is dropped. 8-bit audio, unsigned in
 * the file, is returned signed. The audio is a copy.
 */
export function readWav(bytes: Uint8Array): WavAudio {
  checkRiffHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: AudioFormat | undefined;
  let data: Uint8Array | undefined;
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = fourCC(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    const end = body + size;
    if (id === 'data') {
      const streamed = size === 0 || size === UNKNOWN_SIZE || end > bytes.length;
      data = bytes.subarray(body, streamed ? bytes.length : end);
      if (streamed) break;
    } else if (end > bytes.length) {
      if (id === 'fmt ') throw wavError(`fmt chunk of ${size} bytes runs past the end of the file`);
      break;
    } else if (id === 'fmt ' && format === undefined) {
      format = parseFmt(bytes.subarray(body, end));
    }
    offset = end + (size & 1);
  }
  if (format === undefined) throw wavError('WAV file has no fmt chunk');
  if (data === undefined) throw wavError('WAV file has no data chunk');
  const frameBytes = format.width * format.channels;
  const audio = data.slice(0, data.length - (data.length % frameBytes));
  if (format.width === 1) flipSign(audio);
  return { ...format, audio };
}

/**
 * Writes PCM as a canonical 44-byte-header WAV file (format tag 1), 8-bit audio converted to
 * unsigned as the format requires.
 */
export function writeWav({ rate, width, channels, audio }: WavAudio): Uint8Array {
  assertPositiveInt(rate, 'rate', UNKNOWN_SIZE);
  assertPositiveInt(channels, 'channels', 0xffff);
  if (width !== 1 && width !== 2 && width !== 3 && width !== 4) {
    throw wavError(`cannot write ${width}-byte samples to WAV; expected 1, 2, 3 or 4`);
  }
  const frameBytes = width * channels;
  if (audio.length % frameBytes !== 0) {
    throw wavError(
      `audio of ${audio.length} bytes is not a whole number of ${frameBytes}-byte frames`,
    );
  }
  const padded = audio.length + (audio.length & 1);
  if (36 + padded > UNKNOWN_SIZE - 1) throw wavError('audio is too long for a WAV file');
  const file = new Uint8Array(44 + padded);
  const view = new DataView(file.buffer);
  writeFourCC(file, 0, 'RIFF');
  view.setUint32(4, 36 + padded, true);
  writeFourCC(file, 8, 'WAVE');
  writeFourCC(file, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * frameBytes, true);
  view.setUint16(32, frameBytes, true);
  view.setUint16(34, 8 * width, true);
  writeFourCC(file, 36, 'data');
  view.setUint32(40, audio.length, true);
  file.set(audio, 44);
  if (width === 1) flipSign(file.subarray(44, 44 + audio.length));
  return file;
}

function checkRiffHeader(bytes: Uint8Array): void {
  if (bytes.length < 12) throw wavError(`${bytes.length} bytes is too short for a WAV file`);
  const riff = fourCC(bytes, 0);
  if (riff === 'RF64') throw wavError('RF64 WAV files are not supported');
  if (riff !== 'RIFF') throw wavError(`not a RIFF file (starts with ${JSON.stringify(riff)})`);
  const form = fourCC(bytes, 8);
  if (form !== 'WAVE') throw wavError(`RIFF file is not WAVE (form type ${JSON.stringify(form)})`);
}

function parseFmt(fmt: Uint8Array): AudioFormat {
  if (fmt.length < 16) throw wavError(`fmt chunk is ${fmt.length} bytes, expected at least 16`);
  const view = new DataView(fmt.buffer, fmt.byteOffset, fmt.byteLength);
  const tag = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const rate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  const bits = view.getUint16(14, true);
  if (tag === FORMAT_EXTENSIBLE) checkPcmSubformat(fmt, view);
  else if (tag !== FORMAT_PCM) throw unsupportedFormat('format tag', tag);
  if (bits !== 8 && bits !== 16 && bits !== 24 && bits !== 32) {
    throw wavError(`unsupported ${bits} bits per sample; expected 8, 16, 24 or 32`);
  }
  if (channels === 0) throw wavError('fmt chunk has 0 channels');
  if (rate === 0) throw wavError('fmt chunk has a sample rate of 0');
  const width = bits / 8;
  if (blockAlign !== width * channels) {
    throw wavError(
      `block align ${blockAlign} does not match ${channels} channel(s) of ${bits}-bit samples`,
    );
  }
  return { rate, width, channels };
}

function checkPcmSubformat(fmt: Uint8Array, view: DataView): void {
  if (fmt.length < 40) {
    throw wavError(`WAVE_FORMAT_EXTENSIBLE fmt chunk is ${fmt.length} bytes, expected 40`);
  }
  const subformat = view.getUint16(24, true);
  if (SUBFORMAT_GUID_TAIL.some((byte, i) => fmt[26 + i] !== byte)) {
    throw wavError('WAVE_FORMAT_EXTENSIBLE sub-format GUID is not a standard one');
  }
  if (subformat !== FORMAT_PCM) throw unsupportedFormat('extensible sub-format', subformat);
}

function unsupportedFormat(what: string, tag: number): ProtocolError {
  const name = FORMAT_NAMES[tag];
  const label = name === undefined ? `${tag}` : `${tag} (${name})`;
  return wavError(`unsupported WAV ${what} ${label}; only integer PCM (1) is supported`);
}

/** Converts 8-bit samples between unsigned (WAV) and signed, in place. */
function flipSign(samples: Uint8Array): void {
  for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! ^ 0x80;
}

function fourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

function writeFourCC(bytes: Uint8Array, offset: number, id: string): void {
  for (let i = 0; i < 4; i++) bytes[offset + i] = id.charCodeAt(i);
}

function assertPositiveInt(value: number, field: string, max: number): void {
  if (!Number.isSafeInteger(value) || value <= 0 || value > max) {
    throw wavError(`WAV ${field} must be a positive integer, got ${value}`);
  }
}

function wavError(message: string): ProtocolError {
  return new ProtocolError(message, 'invalid-wav');
}
