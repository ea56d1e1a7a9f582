// The development set answers what it asks: a question naming a relative ("which town is my
// mother in?") has a memory saying who that relative is.
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_LEXICON } from '../src/memory/lexicon.js';
import { namesFor, relationsIn } from '../src/memory/relatives.js';
import { generateQualitySet } from './memory-corpus.js';

describe('the first development set', () => {
  it('says who each relative a question names is', () => {
    const { facts, questions } = generateQualitySet();
    const asked = questions.filter(
      (q) => q.factKey.endsWith(':city') && relationsIn(q.text, HOUSEHOLD_LEXICON).length > 0,
    );
    expect(asked.length).toBeGreaterThan(0);
    for (const q of asked) {
      const name = q.factKey.split(':')[0]!;
      const [relation] = relationsIn(q.text, HOUSEHOLD_LEXICON);
      const named = facts.some((f) =>
        namesFor(f.text, relation!, HOUSEHOLD_LEXICON).includes(name),
      );
      expect(named, q.text).toBe(true);
    }
  });
});
