import { AudioChunk, type AudioFormat, AudioStart, AudioStop } from './audio.js';
import { ProtocolError } from './errors.js';

export interface ChunkingOptions {
  /** Frames per chunk (default 1024, as in the Python reference); the last may be shorter. */
  samplesPerChunk?: number;
  /** Timestamp of the first chunk in milliseconds (default 0). */
  startTimestamp?: number;
}

/** A whole audio stream as typed events. */
export type AudioEvents = [AudioStart, ...AudioChunk[], AudioStop];

/**
 * Splits PCM into chunks of `samplesPerChunk` frames. The chunks' audio are views into
 * `audio`, not copies. Timestamps follow the Python reference's `wav_to_chunks`: each chunk's
 * is the previous one's plus that chunk's whole milliseconds, so with chunk lengths that are
 * not whole milliseconds (1024 frames at 22050 Hz) they fall behind the audio a little.
 */
export function chunkAudio(
  audio: Uint8Array,
  format: AudioFormat,
  options: ChunkingOptions = {},
): AudioChunk[] {
  return split(audio, format, options).chunks;
}

/**
 * The events that send `audio` as one stream: `audio-start`, the chunks of `chunkAudio`, and
 * `audio-stop`. The start carries `startTimestamp` and the stop the timestamp that would
 * follow the last chunk.
 */
export function audioToEvents(
  audio: Uint8Array,
  format: AudioFormat,
  options: ChunkingOptions = {},
): AudioEvents {
  const { chunks, endTimestamp } = split(audio, format, options);
  const { rate, width, channels } = format;
  const start = new AudioStart({ rate, width, channels, timestamp: options.startTimestamp ?? 0 });
  return [start, ...chunks, new AudioStop({ timestamp: endTimestamp })];
}

function split(
  audio: Uint8Array,
  format: AudioFormat,
  options: ChunkingOptions,
): { chunks: AudioChunk[]; endTimestamp: number } {
  const { rate, width, channels } = format;
  const samplesPerChunk = options.samplesPerChunk ?? 1024;
  assertPositiveInt(rate, 'rate');
  assertPositiveInt(width, 'width');
  assertPositiveInt(channels, 'channels');
  assertPositiveInt(samplesPerChunk, 'samplesPerChunk');
  const frameBytes = width * channels;
  if (audio.byteLength % frameBytes !== 0) {
    throw new ProtocolError(
      `audio of ${audio.byteLength} bytes is not a whole number of ${frameBytes}-byte frames`,
      'partial-frame',
    );
  }
  const chunkBytes = samplesPerChunk * frameBytes;
  const chunks: AudioChunk[] = [];
  let timestamp = options.startTimestamp ?? 0;
  for (let offset = 0; offset < audio.byteLength; offset += chunkBytes) {
    const bytes = audio.subarray(offset, offset + chunkBytes);
    const chunk = new AudioChunk({ rate, width, channels, audio: bytes, timestamp });
    chunks.push(chunk);
    timestamp += chunk.milliseconds;
  }
  return { chunks, endTimestamp: timestamp };
}

function assertPositiveInt(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ProtocolError(`audio ${field} must be a positive integer, got ${value}`);
  }
}
