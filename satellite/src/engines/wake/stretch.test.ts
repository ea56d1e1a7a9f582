import { describe, expect, it } from 'vitest';
import { stretch } from './stretch.js';

/** `seconds` of a tone at 16 kHz. */
const tone = (hz: number, seconds = 1, amplitude = 8000) =>
  Int16Array.from({ length: Math.round(16000 * seconds) }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / 16000)),
  );

/** The lag (in samples, between `min` and `max`) where the autocorrelation peaks. */
function period(samples: Int16Array, min: number, max: number): number {
  let best = min;
  let bestScore = -Infinity;
  for (let lag = min; lag <= max; lag++) {
    let score = 0;
    for (let i = 0; i + lag < samples.length; i++) score += samples[i]! * samples[i + lag]!;
    score /= samples.length - lag;
    if (score > bestScore) {
      bestScore = score;
      best = lag;
    }
  }
  return best;
}

/** Upward zero crossings per second. */
function crossingsPerSecond(samples: Int16Array): number {
  let count = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1]! < 0 && samples[i]! >= 0) count++;
  return (count * 16000) / samples.length;
}

describe('stretch (WSOLA)', () => {
  it.each([1.15, 1.3, 0.8])('makes a tone %s times as long and keeps its pitch', (factor) => {
    const input = tone(200);
    const out = stretch(input, factor);
    expect(out.length).toBe(Math.round(16000 * factor));
    // 200 Hz: a period of 80 samples, in the middle, away from the edges.
    const middle = out.subarray(1600, out.length - 1600);
    expect(period(middle, 40, 160)).toBe(80);
    expect(crossingsPerSecond(middle)).toBeGreaterThan(198);
    expect(crossingsPerSecond(middle)).toBeLessThan(202);
  });

  it('keeps the loudness of a steady tone', () => {
    const out = stretch(tone(150), 1.3);
    const rms = (x: Int16Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
    const middle = out.subarray(1600, out.length - 1600);
    expect(rms(middle) / (8000 / Math.SQRT2)).toBeGreaterThan(0.95);
    expect(rms(middle) / (8000 / Math.SQRT2)).toBeLessThan(1.05);
  });

  it('stretches silence and empty input', () => {
    expect(stretch(new Int16Array(1000), 1.3)).toEqual(new Int16Array(1300));
    expect(stretch(new Int16Array(0), 1.3)).toHaveLength(0);
  });

  it('refuses a factor that is not a positive number', () => {
    expect(() => stretch(tone(200), 0)).toThrow(/positive/);
    expect(() => stretch(tone(200), Number.NaN)).toThrow(/positive/);
  });
});
