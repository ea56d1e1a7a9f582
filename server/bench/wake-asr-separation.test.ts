import { describe, expect, it } from 'vitest';
import { auc, keeping } from './wake-asr-separation.js';

describe("how the check's score separates wake words from other wakes", () => {
  it('is 1 when every wake word scores above every other wake, 0 when below', () => {
    expect(auc([-2, -1], [-9, -8, -7])).toBe(1);
    expect(auc([-9, -8], [-2, -1])).toBe(0);
  });

  it('counts ties half, and is the share of pairs ordered right', () => {
    expect(auc([-5], [-5])).toBe(0.5);
    // Pairs (wake word, other): (-1 > -3), (-1 > -6), (-4 < -3), (-4 > -6): 3 of 4.
    expect(auc([-1, -4], [-3, -6])).toBe(0.75);
    expect(auc([], [-1])).toBeNaN();
  });

  it('finds the score that keeps a share of the wake words', () => {
    const scores = [-1, -2, -3, -4, -5, -6, -7, -8, -9, -10];
    expect(keeping(scores, 0.9)).toBe(-9);
    expect(keeping(scores, 0.95)).toBe(-10);
    expect(keeping(scores, 0.5)).toBe(-5);
  });
});
