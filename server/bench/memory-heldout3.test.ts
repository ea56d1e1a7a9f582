import { describe, expect, it } from 'vitest';
import { generateThirdHeldOutSet } from './memory-heldout3.js';
import { heldOutOverlaps } from './memory.js';

// The set's shape and its distance from the earlier sets' questions; nothing here recalls.
describe('the third held-out memory set', () => {
  const { facts, questions } = generateThirdHeldOutSet();

  it('has 50 facts, 15 or more stored in French, and 100 questions, half French', () => {
    expect(facts).toHaveLength(50);
    expect(facts.filter((f) => f.lang === 'fr').length).toBeGreaterThanOrEqual(15);
    expect(questions).toHaveLength(100);
    expect(questions.filter((q) => q.lang === 'fr')).toHaveLength(50);
  });

  it('asks each fact once in each language', () => {
    for (const fact of facts) {
      const asked = questions.filter((q) => q.factKey === fact.key).map((q) => q.lang);
      expect(asked.sort()).toEqual(['en', 'fr']);
    }
  });

  it('uses almost no word of a development or earlier held-out question', () => {
    const overlap = heldOutOverlaps();
    expect(overlap.share).toBeLessThan(0.02);
    expect(overlap.seenHeldOut.share).toBeLessThan(0.02);
  });
});
