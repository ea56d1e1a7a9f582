import { describe, expect, it } from 'vitest';
import { AudioChunk, makeEvent, ProtocolError } from 'wyoming-ts';
import { AudioBudget, MAX_REQUEST_CHARS, validatePeerEvent } from './limits.js';

const chunk = (rate: number, width: number, channels: number, bytes: number) =>
  new AudioChunk({ rate, width, channels, audio: new Uint8Array(bytes) });

describe('AudioBudget', () => {
  it('stops a request at its seconds of audio, whatever the format', () => {
    const budget = new AudioBudget(2);
    expect(budget.spend(chunk(16000, 2, 1, 32000))).toBeUndefined();
    expect(budget.spend(chunk(48000, 2, 2, 192_000))).toBeUndefined(); // 2 s now
    expect(budget.spend(chunk(8000, 1, 1, 1))).toMatch(/more than 2 s/);
  });

  it('stops a request at its bytes before its seconds when the format is heavy', () => {
    const budget = new AudioBudget(600, 1_000_000);
    const heavy = () => budget.spend(chunk(192_000, 4, 8, 400_000)); // 0.07 s, 400 KB
    expect(heavy()).toBeUndefined();
    expect(heavy()).toBeUndefined();
    expect(heavy()).toMatch(/more than 1000000 bytes/);
  });
});

describe('validatePeerEvent', () => {
  it('takes a spoken request and refuses one longer than a person says in one go', () => {
    const say = (text: string) => () => validatePeerEvent(makeEvent('transcript', { text }));
    expect(say('turn on the kitchen light')).not.toThrow();
    expect(say('x'.repeat(MAX_REQUEST_CHARS + 1))).toThrow(ProtocolError);
    // Text to speak may be longer: an announcement.
    const speak = makeEvent('synthesize', { text: 'x'.repeat(5000) });
    expect(() => validatePeerEvent(speak)).not.toThrow();
  });
});
