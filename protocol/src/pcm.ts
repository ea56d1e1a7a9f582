import { ProtocolError } from './errors.js';

// Samples are little-endian signed integers of 1-4 bytes. Width 1 is signed 8-bit, as in
// Python's audioop; 8-bit WAV files are unsigned on disk and wav.ts converts at the edge.
// A full-scale integer s maps to s / 2^(8*width-1), so decoded values lie in [-1, 1).

/** A typed array of decoded samples. */
export type SampleArray = Float32Array | Float64Array;

/** Throws unless `width` is 1, 2, 3 or 4 bytes per sample. */
export function assertPcmWidth(width: number): void {
  if (width !== 1 && width !== 2 && width !== 3 && width !== 4) {
    throw new ProtocolError(
      `unsupported PCM sample width ${width} bytes; expected 1, 2, 3 or 4`,
      'unsupported-width',
    );
  }
}

/** Number of whole samples in `byteLength` bytes of `width`-byte PCM. */
export function pcmSampleCount(byteLength: number, width: number): number {
  assertPcmWidth(width);
  return Math.floor(byteLength / width);
}

/**
 * Decodes signed little-endian PCM into floats in [-1, 1). A trailing partial sample is
 * ignored. Pass `out` (at least `pcmSampleCount` long) to reuse a buffer, or a
 * Float64Array to keep 32-bit samples exact.
 */
export function decodePcm(bytes: Uint8Array, width: number): Float32Array;
export function decodePcm<T extends SampleArray>(bytes: Uint8Array, width: number, out: T): T;
export function decodePcm(bytes: Uint8Array, width: number, out?: SampleArray): SampleArray {
  const count = pcmSampleCount(bytes.byteLength, width);
  const samples = out ?? new Float32Array(count);
  if (samples.length < count) {
    throw new ProtocolError(`decode buffer holds ${samples.length} samples, need ${count}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (width === 1) {
    for (let i = 0; i < count; i++) samples[i] = view.getInt8(i) / 128;
  } else if (width === 2) {
    for (let i = 0; i < count; i++) samples[i] = view.getInt16(i * 2, true) / 32768;
  } else if (width === 3) {
    for (let i = 0, p = 0; i < count; i++, p += 3) {
      // Shift the top byte into bit 31 and back to sign-extend the 24-bit value.
      const value = ((bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16)) << 8) >> 8;
      samples[i] = value / 8388608;
    }
  } else {
    for (let i = 0; i < count; i++) samples[i] = view.getInt32(i * 4, true) / 2147483648;
  }
  return samples;
}

/**
 * Encodes floats as signed little-endian PCM, rounding to the nearest integer and clipping
 * to the width's range (1.0 becomes the largest positive sample). NaN encodes as 0.
 */
export function encodePcm(samples: ArrayLike<number>, width: number): Uint8Array {
  assertPcmWidth(width);
  const count = samples.length;
  const bytes = new Uint8Array(count * width);
  const view = new DataView(bytes.buffer);
  const scale = 2 ** (8 * width - 1);
  if (width === 1) {
    for (let i = 0; i < count; i++) view.setInt8(i, quantize(samples[i]!, scale));
  } else if (width === 2) {
    for (let i = 0; i < count; i++) view.setInt16(i * 2, quantize(samples[i]!, scale), true);
  } else if (width === 3) {
    for (let i = 0, p = 0; i < count; i++, p += 3) {
      const value = quantize(samples[i]!, scale);
      bytes[p] = value & 0xff;
      bytes[p + 1] = (value >> 8) & 0xff;
      bytes[p + 2] = (value >> 16) & 0xff;
    }
  } else {
    for (let i = 0; i < count; i++) view.setInt32(i * 4, quantize(samples[i]!, scale), true);
  }
  return bytes;
}

/** Rounds `sample * scale` to an integer in [-scale, scale - 1]; NaN becomes 0. */
function quantize(sample: number, scale: number): number {
  const value = Math.round(sample * scale);
  if (value >= scale) return scale - 1;
  if (value < -scale) return -scale;
  return Number.isNaN(value) ? 0 : value;
}

/** Re-encodes PCM from one sample width to another (exact when widening). */
export function convertPcmWidth(bytes: Uint8Array, fromWidth: number, toWidth: number): Uint8Array {
  assertPcmWidth(toWidth);
  if (fromWidth === toWidth) {
    assertPcmWidth(fromWidth);
    return bytes;
  }
  const count = pcmSampleCount(bytes.byteLength, fromWidth);
  return encodePcm(decodePcm(bytes, fromWidth, new Float64Array(count)), toWidth);
}
