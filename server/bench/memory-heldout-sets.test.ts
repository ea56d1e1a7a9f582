import { describe, expect, it } from 'vitest';
import { generateThirdHeldOutSet } from './memory-heldout3.js';
import { generateFourthHeldOutSet } from './memory-heldout4.js';
import { generateFifthHeldOutSet } from './memory-heldout5.js';
import { generateSixthHeldOutSet } from './memory-heldout6.js';
import { generateSeventhHeldOutSet } from './memory-heldout7.js';
import { DEVELOPMENT, HELD_OUT, heldOutOverlaps, SEEN_HELD_OUT, splitOf } from './memory-splits.js';
import { DEV_SETS } from './memory-dev.js';

// The held-out sets' shape and the reported one's distance from the earlier sets' questions;
// nothing here recalls.
describe.each([
  ['third', generateThirdHeldOutSet],
  ['fourth', generateFourthHeldOutSet],
  ['fifth', generateFifthHeldOutSet],
  ['sixth', generateSixthHeldOutSet],
  ['seventh', generateSeventhHeldOutSet],
])('the %s held-out memory set', (_name, generate) => {
  const { facts, questions } = generate();

  it('has 50 facts, 15 or more stored in French, and 100 questions, half French', () => {
    expect(facts).toHaveLength(50);
    expect(new Set(facts.map((f) => f.key)).size).toBe(50);
    expect(facts.filter((f) => f.lang === 'fr').length).toBeGreaterThanOrEqual(15);
    expect(questions).toHaveLength(100);
    expect(new Set(questions.map((q) => q.text)).size).toBe(100);
    expect(questions.filter((q) => q.lang === 'fr')).toHaveLength(50);
  });

  it('asks each fact once in each language', () => {
    const keys = new Set(facts.map((f) => f.key));
    expect(questions.every((q) => keys.has(q.factKey))).toBe(true);
    for (const fact of facts) {
      const asked = questions.filter((q) => q.factKey === fact.key).map((q) => q.lang);
      expect(asked.sort()).toEqual(['en', 'fr']);
    }
  });
});

describe('the held-out set reported (held-out 7)', () => {
  it('uses almost no word of a development or earlier held-out question', () => {
    const overlap = heldOutOverlaps();
    expect(overlap.share).toBeLessThan(0.02);
    expect(overlap.seenHeldOut.share).toBeLessThan(0.02);
  });

  it('is the seventh set, and no tuning or development command loads it', () => {
    expect(splitOf(HELD_OUT).facts[0]?.key).toMatch(/^heldout7:/);
    expect([...DEVELOPMENT, ...SEEN_HELD_OUT, ...DEV_SETS]).not.toContain(HELD_OUT);
  });

  it('has the category mix of held-out 6', () => {
    const mix = (facts: readonly { category: string }[]) =>
      Object.fromEntries(
        [...new Set(facts.map((f) => f.category))].map((c) => [
          c,
          facts.filter((f) => f.category === c).length,
        ]),
      );
    expect(mix(generateSeventhHeldOutSet().facts)).toEqual(mix(generateSixthHeldOutSet().facts));
  });
});
