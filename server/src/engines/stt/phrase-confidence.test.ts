import { describe, expect, it } from 'vitest';
import { acceptanceScore, DEFAULT_ACCEPTANCE } from './phrase-confidence.js';

const rule = {
  ...DEFAULT_ACCEPTANCE,
  fit: -6,
  worstWord: -80,
  worstDeficit: -Infinity,
  wordLoop: -4,
};

describe('acceptanceScore', () => {
  it('is the least margin above the thresholds', () => {
    expect(
      acceptanceScore({ fit: 2, worstWord: -10, worstDeficit: -300, loopMargin: 1 }, rule),
    ).toBe(5);
    expect(
      acceptanceScore({ fit: 2, worstWord: -79, worstDeficit: -300, loopMargin: 1 }, rule),
    ).toBe(1);
  });

  it('rejects a sentence that other words of the grammar fit much better', () => {
    const heard = { fit: 3, worstWord: -20, worstDeficit: -400 };
    expect(acceptanceScore({ ...heard, loopMargin: -7 }, rule)).toBe(-3);
  });

  it('accepts a sentence heard badly when no other words fit it better (a voice the model hears badly)', () => {
    expect(
      acceptanceScore({ fit: -5, worstWord: -50, worstDeficit: -1200, loopMargin: 2 }, rule),
    ).toBe(1);
  });

  it('leaves the word loop out when it did not run', () => {
    expect(acceptanceScore({ fit: 0, worstWord: -20, worstDeficit: -400 }, rule)).toBe(6);
  });
});
