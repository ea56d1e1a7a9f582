import { describe, expect, it } from 'vitest';
import { AudioChunk } from './audio.js';
import { AudioChunkConverter } from './audio-convert.js';
import { assertAudioFormat, assertEventWithinLimits, DEFAULT_EVENT_LIMITS } from './bounds.js';
import { ProtocolError } from './errors.js';
import { makeEvent } from './event.js';
import { Resampler } from './resampler.js';

const code = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return (error as ProtocolError).code;
  }
};

describe('audio format bounds', () => {
  it.each([
    [8000, 1, 1],
    [16000, 2, 1],
    [44100, 3, 2],
    [192_000, 4, 8],
  ])('accepts %i Hz, %i bytes, %i channels', (rate, width, channels) => {
    expect(code(() => assertAudioFormat({ rate, width, channels }))).toBeUndefined();
  });

  it.each([
    [2 ** 31, 2, 64],
    [16_000_000, 2, 1],
    [7999, 2, 1],
    [192_001, 2, 1],
    [16000, 0, 1],
    [16000, 5, 1],
    [16000, 2, 0],
    [16000, 2, 9],
    [16000.5, 2, 1],
  ])('refuses %s Hz, %s bytes, %s channels', (rate, width, channels) => {
    expect(code(() => assertAudioFormat({ rate, width, channels }))).toBe(
      'unsupported-audio-format',
    );
  });

  it('keeps the converter and the resampler from building anything for an absurd rate', () => {
    const converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
    const hostile = new AudioChunk({
      rate: 2 ** 31,
      width: 2,
      channels: 64,
      audio: new Uint8Array(4096),
    });
    expect(code(() => converter.convert(hostile))).toBe('unsupported-audio-format');
    expect(code(() => new Resampler(16_000_000, 16000, 1))).toBe('unsupported-audio-format');
    expect(code(() => new Resampler(16000, 16000, 64))).toBe('unsupported-audio-format');
  });
});

describe('event limits', () => {
  const chunk = (rate: number, channels = 1) =>
    makeEvent('audio-chunk', { rate, width: 2, channels }, new Uint8Array(4));

  it('checks the format of audio-start and audio-chunk before anything reads them', () => {
    expect(code(() => assertEventWithinLimits(chunk(16000)))).toBeUndefined();
    expect(code(() => assertEventWithinLimits(chunk(2 ** 31, 64)))).toBe(
      'unsupported-audio-format',
    );
    const start = makeEvent('audio-start', { rate: 16_000_000, width: 2, channels: 1 });
    expect(code(() => assertEventWithinLimits(start))).toBe('unsupported-audio-format');
  });

  it('bounds the text of an event and every other string in it', () => {
    const limits = { maxTextChars: 10, maxStringChars: 4 };
    const ok = makeEvent('transcript', { text: 'turn it on', language: 'en' });
    expect(code(() => assertEventWithinLimits(ok, limits))).toBeUndefined();
    const long = makeEvent('transcript', { text: 'x'.repeat(11) });
    expect(code(() => assertEventWithinLimits(long, limits))).toBe('too-long');
    const nested = makeEvent('info', { satellite: { name: 'kitchen' } });
    expect(() => assertEventWithinLimits(nested, limits)).toThrow(/info\.satellite\.name: 7/);
    const listed = makeEvent('detect', { names: ['ok', 'toolong'] });
    expect(() => assertEventWithinLimits(listed, limits)).toThrow(/detect\.names\.1: 7/);
  });

  it('refuses a 400 KB transcript with the default limits', () => {
    const huge = makeEvent('transcript', { text: 'a'.repeat(400_000) });
    expect(code(() => assertEventWithinLimits(huge))).toBe('too-long');
    expect(DEFAULT_EVENT_LIMITS.maxTextChars).toBeLessThan(400_000);
  });

  it('refuses data nested deeper than any Wyoming event', () => {
    let data: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 40; i++) data = { inner: data };
    expect(code(() => assertEventWithinLimits(makeEvent('info', data)))).toBe('too-deep');
  });
});
