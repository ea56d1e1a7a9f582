// The balance of recall's two sides with the sentence encoder blend. The vector weight stays at
// 1.5: 2 gained on dev 1-5 in issue 13's transfer session but lost on held-out 5. What the weight
// decides: whether a memory clearly closer in meaning outranks one that shares more of the
// question's words. Real scoring (`fuse`), two candidates.
import { describe, expect, it } from 'vitest';
import { type Candidate, fuse } from './hybrid-score.js';
import { SENTENCE_WEIGHTS } from './sentence-blend.js';

const now = Date.UTC(2026, 11, 7);
const candidate = (item: string, similarity: number, bm25: number, coverage: number) =>
  ({
    item,
    similarity,
    bm25,
    coverage,
    wordCoverage: coverage,
    subjectMatch: 0,
    updatedAt: now,
    importance: 0.5,
    areaMatch: false,
  }) satisfies Candidate<string>;

describe('the blend’s vector weight', () => {
  const close = candidate('close in meaning', 0.5, 0, 0);
  const wordy = candidate('shares words', 0.3, 10, 0.5);
  const best = (vector: number) =>
    fuse([wordy, close], { now, weights: { ...SENTENCE_WEIGHTS, vector } })[0]!.candidate.item;

  it('is 1.5, where shared words still win this pair; at 2 meaning would', () => {
    expect(SENTENCE_WEIGHTS.vector).toBe(1.5);
    expect(best(SENTENCE_WEIGHTS.vector)).toBe('shares words');
    expect(best(2)).toBe('close in meaning');
  });
});
