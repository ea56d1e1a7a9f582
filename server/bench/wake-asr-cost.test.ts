import { describe, expect, it } from 'vitest';
import { quantile, sample } from './wake-asr-cost.js';

describe('the windows each model is timed on', () => {
  it('are spread over every window, by key, whatever order they were found in', () => {
    const all = new Map(['d', 'b', 'a', 'c', 'f', 'e'].map((k) => [k, k.toUpperCase()]));
    expect(sample(all, 3)).toEqual(['A', 'C', 'E']);
    expect(sample(all, 10)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('are summed up by quantiles of what they cost', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(quantile(values, 0.5)).toBe(6);
    expect(quantile(values, 0.95)).toBe(10);
  });
});
