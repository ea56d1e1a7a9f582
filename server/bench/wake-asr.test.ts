import { describe, expect, it } from 'vitest';
import { windowEnd } from './wake-asr.js';

describe('the window the spoken-word check hears', () => {
  it('ends 160 ms after the score peaks around the detection', () => {
    const scores = [0, 0.1, 0.6, 0.8, 0.95, 0.7, 0.2, 0, 0, 0, 0, 0, 0, 0, 0];
    // Detected at step 2 (ends 240 ms); the peak is step 4 (ends 400 ms).
    expect(windowEnd(scores, 240)).toBe(400 + 160);
  });

  it('does not look past the clip, nor more than 640 ms after the detection', () => {
    expect(windowEnd([0, 0.2, 0.9], 160)).toBe(240);
    const late = [0.6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.99, 0, 0, 0, 0, 0, 0, 0];
    expect(windowEnd(late, 80)).toBe(80 + 160);
  });
});
