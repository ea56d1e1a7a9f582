// The limits of the server's Wyoming endpoint, in one place: what one event may carry, how much
// audio one request may send, and the validator the transport runs on every incoming event.
import {
  type AudioChunk,
  assertEventWithinLimits,
  type DecoderLimits,
  type Event,
  type EventLimits,
  ProtocolError,
} from 'wyoming-ts';

/** A text to speak may be a long announcement; names, ids and languages are short. */
export const EVENT_LIMITS: Readonly<EventLimits> = Object.freeze({
  maxTextChars: 10_000,
  maxStringChars: 1024,
});

/** A spoken request: a minute of fast speech is about 1,000 characters. */
export const MAX_REQUEST_CHARS = 1000;

/** One event's JSON and payload: audio chunks are a few KiB, an `info` a few tens. */
export const DECODER_LIMITS: Readonly<Partial<DecoderLimits>> = Object.freeze({
  maxDataBytes: 256 * 1024,
  maxPayloadBytes: 1024 * 1024,
});

/** Raw audio bytes one `transcribe` request may send (30 s of 48 kHz stereo 32-bit is 11.5 MB). */
export const MAX_REQUEST_AUDIO_BYTES = 16 * 1024 * 1024;

/**
 * Checks every event a peer sends before anything reads it: the audio bounds and text limits of
 * the protocol, and a request's text no longer than a person says in one go.
 */
export function validatePeerEvent(event: Event): void {
  assertEventWithinLimits(event, EVENT_LIMITS);
  const text = event.data?.['text'];
  if (event.type === 'transcript' && typeof text === 'string' && text.length > MAX_REQUEST_CHARS) {
    throw new ProtocolError(
      `transcript.text: ${text.length} characters, at most ${MAX_REQUEST_CHARS}`,
      'too-long',
    );
  }
}

/** How much audio one request has sent, against its caps in seconds and bytes. */
export class AudioBudget {
  private seconds = 0;
  private bytes = 0;

  constructor(
    private readonly maxSeconds: number,
    private readonly maxBytes = MAX_REQUEST_AUDIO_BYTES,
  ) {}

  /** Counts `chunk`; returns why the request is over budget, or undefined while it is not. */
  spend(chunk: AudioChunk): string | undefined {
    this.bytes += chunk.audio.byteLength;
    this.seconds += chunk.audio.byteLength / (chunk.rate * chunk.width * chunk.channels);
    if (this.seconds > this.maxSeconds) return `more than ${this.maxSeconds} s of audio`;
    if (this.bytes > this.maxBytes) return `more than ${this.maxBytes} bytes of audio`;
    return undefined;
  }
}
