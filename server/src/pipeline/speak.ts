import {
  AudioChunk,
  AudioChunkConverter,
  AudioStart,
  AudioStop,
  type Event,
  type Eventable,
  Synthesize,
} from 'wyoming-ts';
import type { SynthesizedAudio, TextToSpeech } from '../engines/tts/tts.js';

/** Largest audio chunk sent to a peer, as Home Assistant sends them. */
const CHUNK_BYTES = 2048;

type Send = (event: Event | Eventable) => Promise<void>;

/**
 * Sends synthesized audio as it is made: `audio-start` when the first piece exists,
 * `audio-chunk`s of at most 2,048 bytes with millisecond timestamps, `audio-stop`.
 * Returns the seconds of audio sent.
 */
export async function sendAudio(
  audio: SynthesizedAudio,
  send: Send,
  onFirstAudio?: () => void,
): Promise<number> {
  const { rate, width, channels } = audio.format;
  const bytesPerMs = (rate * width * channels) / 1000;
  let sent = 0;
  let started = false;
  for await (const piece of audio.chunks) {
    if (!started) {
      await send(new AudioStart({ rate, width, channels, timestamp: 0 }));
      started = true;
    }
    for (let offset = 0; offset < piece.length; offset += CHUNK_BYTES) {
      const part = piece.subarray(offset, offset + CHUNK_BYTES);
      await send(
        new AudioChunk({
          rate,
          width,
          channels,
          audio: part,
          timestamp: Math.round(sent / bytesPerMs),
        }),
      );
      if (sent === 0) onFirstAudio?.();
      sent += part.length;
    }
  }
  if (!started) await send(new AudioStart({ rate, width, channels, timestamp: 0 }));
  await send(new AudioStop({ timestamp: Math.round(sent / bytesPerMs) }));
  return sent / bytesPerMs / 1000;
}

export interface SpeakOptions {
  tts: TextToSpeech;
  send: Send;
  text: string;
  language?: string;
  signal?: AbortSignal;
  /** Called when the first audio has been sent. */
  onFirstAudio?: () => void;
  /** Played first, in the same stream (the awake chime before a reminder). */
  before?: AudioChunk;
}

/** A quarter of a second between a sound played before speech and the speech. */
const GAP_MS = 250;

/** `before`, in the speech's format, then a short silence, then the speech. */
function after(before: AudioChunk, audio: SynthesizedAudio): SynthesizedAudio {
  const { format } = audio;
  const converter = new AudioChunkConverter(format);
  const sound = converter.convert(before).audio;
  const tail = converter.flush();
  const frame = format.width * format.channels;
  const gap = new Uint8Array(Math.round((format.rate * GAP_MS) / 1000) * frame);
  return {
    format,
    chunks: (async function* () {
      yield sound;
      if (tail && tail.audio.length > 0) yield tail.audio;
      yield gap;
      yield* audio.chunks;
    })(),
  };
}

/** Speaks `text` on a satellite: `synthesize`, then the audio as it is made. */
export async function speak(options: SpeakOptions): Promise<number> {
  const { tts, send, text, language, signal } = options;
  await send(new Synthesize({ text, voice: language ? { language } : undefined }));
  const audio = await tts.synthesize({ text, language }, signal);
  const played = options.before ? after(options.before, audio) : audio;
  return sendAudio(played, send, options.onFirstAudio);
}
