import { describe, expect, it } from 'vitest';
import { SpeechGate } from './speech-gate.js';

/** 32 ms frames from 0 to `untilMs`, speech (0.9) between `speechFrom` and `speechTo`. */
function gateWith(speechFrom: number, speechTo: number, untilMs = 3000, threshold = 0.5) {
  const gate = new SpeechGate({ threshold });
  for (let end = 32; end <= untilMs; end += 32) {
    gate.add(end, end > speechFrom && end <= speechTo ? 0.9 : 0.05);
  }
  return gate;
}

describe('the speech gate', () => {
  it.each([
    ['speech 320-560 ms before the detection', 1000, 1800, 2200, true],
    ['speech only in the last 300 ms', 1900, 2200, 2200, false],
    ['speech more than 600 ms before', 500, 1500, 2200, false],
    ['no speech at all', 0, 0, 2200, false],
  ])('%s: counts = %s', (_name, from, to, at, counts) => {
    expect(gateWith(from, to).confirms(at)).toBe(counts);
  });

  it('lets everything through at threshold 0, and knows no frame as silence', () => {
    expect(gateWith(0, 0, 3000, 0).confirms(2200)).toBe(true);
    expect(new SpeechGate({ threshold: 0.5 }).speechBefore(1000)).toBe(0);
  });

  it('forgets old frames, so a long stream keeps a bounded memory', () => {
    const gate = gateWith(0, 600_000, 600_000);
    expect(gate.speechBefore(600_000)).toBe(0.9);
    expect((gate as unknown as { frames: unknown[] }).frames.length).toBeLessThan(60);
    gate.reset();
    expect(gate.speechBefore(600_000)).toBe(0);
  });

  it('refuses an empty window', () => {
    expect(() => new SpeechGate({ threshold: 0.5, fromMs: 300, toMs: 300 })).toThrow(RangeError);
  });
});
