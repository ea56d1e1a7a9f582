import { AudioChunk, type AudioFormat } from './audio.js';
import { assertAudioFormat } from './bounds.js';
import { ProtocolError } from './errors.js';
import { assertPcmWidth, decodePcm, encodePcm } from './pcm.js';
import { Resampler } from './resampler.js';

/** The format to convert to; a field left undefined keeps the incoming chunk's value. */
export interface AudioTarget {
  rate?: number;
  width?: number;
  channels?: number;
}

/**
 * Converts the chunks of an audio stream to one rate, width and channel count, like the
 * Python reference's `AudioChunkConverter`. Use one converter per stream: it keeps the
 * resampler's history and any partial trailing frame between chunks. Call `flush()` at the
 * end of the stream for the resampler's held-back tail.
 *
 * Channels: N -> mono averages the channels, mono -> N duplicates, N -> M goes via mono.
 * A chunk whose format differs from the previous one starts a new stream; the old stream's
 * tail is put in front of the new chunk's output.
 */
export class AudioChunkConverter {
  readonly rate?: number;
  readonly width?: number;
  readonly channels?: number;

  /** Incoming format of the current stream. */
  #source?: AudioFormat;
  #resampler?: Resampler;
  /** Bytes of an incomplete frame, completed by the next chunk. */
  #carry = new Uint8Array(0);

  constructor(target: AudioTarget = {}) {
    if (target.rate !== undefined) assertPositiveInt(target.rate, 'rate');
    if (target.channels !== undefined) assertPositiveInt(target.channels, 'channels');
    if (target.width !== undefined) assertPcmWidth(target.width);
    this.rate = target.rate;
    this.width = target.width;
    this.channels = target.channels;
  }

  /** Converts one chunk; returns `chunk` itself when it already has the target format. */
  convert(chunk: AudioChunk): AudioChunk {
    assertAudioFormat(chunk, 'audio-chunk');
    const output = this.#outputFormat(chunk);
    const tail = this.#tailBefore(chunk, output);
    let audio = chunk.audio;
    if (!sameFormat(chunk, output)) {
      assertPcmWidth(chunk.width);
      this.#source ??= { rate: chunk.rate, width: chunk.width, channels: chunk.channels };
      audio = this.#convertBytes(chunk.audio, chunk, output);
    } else if (tail === undefined) {
      return chunk;
    }
    return new AudioChunk({
      ...output,
      audio: tail === undefined ? audio : concat(tail, audio),
      timestamp: chunk.timestamp,
    });
  }

  /**
   * Ends the stream: returns the resampler's tail and any incomplete last frame (padded
   * with silence), or `undefined` when there is none. The converter is then ready for a
   * new stream.
   */
  flush(): AudioChunk | undefined {
    const source = this.#source;
    if (source === undefined) return undefined;
    const tail = this.#endStream(source);
    if (tail.length === 0) return undefined;
    return new AudioChunk({ ...this.#outputFormat(source), audio: tail });
  }

  /** Forgets the current stream without returning its tail. */
  reset(): void {
    this.#source = undefined;
    this.#resampler = undefined;
    this.#carry = new Uint8Array(0);
  }

  #outputFormat(input: AudioFormat): AudioFormat {
    return {
      rate: this.rate ?? input.rate,
      width: this.width ?? input.width,
      channels: this.channels ?? input.channels,
    };
  }

  /**
   * Ends the current stream when `chunk` has another format. Its tail is returned to go in
   * front of `chunk`'s output when both come out in the same format; otherwise it is lost.
   */
  #tailBefore(chunk: AudioFormat, output: AudioFormat): Uint8Array | undefined {
    const previous = this.#source;
    if (previous === undefined || sameFormat(chunk, previous)) return undefined;
    const tail = this.#endStream(previous);
    const fits = sameFormat(this.#outputFormat(previous), output);
    return fits && tail.length > 0 ? tail : undefined;
  }

  /** Returns the stream's remaining output: its last frame if incomplete, then the resampler's. */
  #endStream(source: AudioFormat): Uint8Array {
    const output = this.#outputFormat(source);
    const frameBytes = source.width * source.channels;
    const padding = this.#carry.length === 0 ? 0 : frameBytes - this.#carry.length;
    const last = this.#convertBytes(new Uint8Array(padding), source, output);
    const resampler = this.#resampler;
    this.reset();
    return resampler ? concat(last, encodePcm(resampler.flush(), output.width)) : last;
  }

  #convertBytes(bytes: Uint8Array, input: AudioFormat, output: AudioFormat): Uint8Array {
    const whole = this.#takeWholeFrames(bytes, input.width * input.channels);
    const decoded = decodePcm(whole, input.width, new Float64Array(whole.length / input.width));
    const mixed = mixChannels(decoded, input.channels, output.channels);
    const samples =
      input.rate === output.rate
        ? mixed
        : this.#resamplerFor(input.rate, output.rate, output.channels).process(mixed);
    return encodePcm(samples, output.width);
  }

  /** Prepends the carried bytes and keeps back the bytes of an incomplete last frame. */
  #takeWholeFrames(bytes: Uint8Array, frameBytes: number): Uint8Array {
    const all = this.#carry.length === 0 ? bytes : concat(this.#carry, bytes);
    const wholeLength = all.length - (all.length % frameBytes);
    this.#carry = all.slice(wholeLength);
    return all.subarray(0, wholeLength);
  }

  #resamplerFor(inRate: number, outRate: number, channels: number): Resampler {
    this.#resampler ??= new Resampler(inRate, outRate, channels);
    return this.#resampler;
  }
}

/** Converts interleaved samples between channel counts (see AudioChunkConverter). */
export function mixChannels(samples: Float64Array, from: number, to: number): Float64Array {
  if (from === to) return samples;
  const frames = Math.floor(samples.length / from);
  const out = new Float64Array(frames * to);
  for (let f = 0; f < frames; f++) {
    let value = samples[f]!;
    if (from > 1) {
      value = 0;
      for (let c = 0; c < from; c++) value += samples[f * from + c]!;
      value /= from;
    }
    out.fill(value, f * to, (f + 1) * to);
  }
  return out;
}

function sameFormat(a: AudioFormat, b: AudioFormat | undefined): boolean {
  return b !== undefined && a.rate === b.rate && a.width === b.width && a.channels === b.channels;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function assertPositiveInt(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ProtocolError(`audio converter ${field} must be a positive integer, got ${value}`);
  }
}

/** `chunk` at `gain` (1: as it is), for a volume lower than the audio's own. */
export function scaleAudio(chunk: AudioChunk, gain: number): AudioChunk {
  if (gain === 1) return chunk;
  let audio: Uint8Array;
  if (chunk.width === 2) {
    // The common width, sample by sample without floats.
    audio = new Uint8Array(chunk.audio);
    const samples = new Int16Array(audio.buffer, 0, Math.floor(audio.byteLength / 2));
    for (let i = 0; i < samples.length; i++) {
      samples[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i]! * gain)));
    }
  } else {
    const samples = decodePcm(chunk.audio, chunk.width);
    for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! * gain;
    audio = encodePcm(samples, chunk.width);
  }
  return new AudioChunk({ ...chunk, audio, timestamp: chunk.timestamp });
}
