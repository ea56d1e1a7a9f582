// What a peer may ask of us, checked before any work: audio formats a resampler can be built for
// without sizing anything by attacker-chosen numbers, and text of a length a person could say or
// read. A peer outside them gets a `ProtocolError`, which the transport answers with an `error`.
import { type AudioFormat, readAudioFormat } from './audio.js';
import { ProtocolError } from './errors.js';
import type { Event, JsonObject } from './event.js';
import { FieldReader, isPlainObject } from './fields.js';

/** Inclusive bounds of an audio format: 8-192 kHz, 8-32 bit samples, mono to 8 channels. */
export const AUDIO_FORMAT_BOUNDS = Object.freeze({
  rate: Object.freeze([8000, 192_000] as const),
  width: Object.freeze([1, 4] as const),
  channels: Object.freeze([1, 8] as const),
});

/** Throws a `ProtocolError` (code `unsupported-audio-format`) for a format outside the bounds. */
export function assertAudioFormat(format: AudioFormat, where = 'audio'): void {
  for (const key of ['rate', 'width', 'channels'] as const) {
    const [min, max] = AUDIO_FORMAT_BOUNDS[key];
    const value = format[key];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new ProtocolError(
        `${where}.${key}: expected ${min} to ${max}, got ${value}`,
        'unsupported-audio-format',
      );
    }
  }
}

export interface EventLimits {
  /** Longest `text` field of any event (a transcript, a text to speak), in characters. */
  maxTextChars: number;
  /** Longest other string anywhere in an event's data (names, languages, ids). */
  maxStringChars: number;
}

export const DEFAULT_EVENT_LIMITS: Readonly<EventLimits> = Object.freeze({
  maxTextChars: 10_000,
  maxStringChars: 1024,
});

const AUDIO_EVENTS = new Set(['audio-start', 'audio-chunk']);

/**
 * Checks an incoming event against `limits` and the audio bounds; throws a `ProtocolError`
 * (code `too-long` or `unsupported-audio-format`) naming the field. Linear in the event's size.
 */
export function assertEventWithinLimits(
  event: Event,
  limits: Readonly<EventLimits> = DEFAULT_EVENT_LIMITS,
): void {
  const data = event.data ?? {};
  if (AUDIO_EVENTS.has(event.type)) {
    assertAudioFormat(readAudioFormat(FieldReader.of(event, event.type)), event.type);
  }
  const text = data['text'];
  if (typeof text === 'string' && text.length > limits.maxTextChars) {
    throw tooLong(`${event.type}.text`, text.length, limits.maxTextChars);
  }
  checkStrings(data, event.type, limits.maxStringChars, 0);
}

/** Nesting deeper than any Wyoming event has (`info` goes four levels down). */
const MAX_DEPTH = 16;

function checkStrings(value: JsonObject | unknown[], where: string, max: number, depth: number) {
  if (depth > MAX_DEPTH) throw new ProtocolError(`${where}: nested too deep`, 'too-deep');
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, item] of entries) {
    if (depth === 0 && key === 'text') continue;
    if (typeof item === 'string') {
      if (item.length > max) throw tooLong(`${where}.${key}`, item.length, max);
    } else if (Array.isArray(item) || isPlainObject(item)) {
      checkStrings(item, `${where}.${key}`, max, depth + 1);
    }
  }
}

function tooLong(where: string, length: number, max: number): ProtocolError {
  return new ProtocolError(`${where}: ${length} characters, at most ${max}`, 'too-long');
}
