// What a thing is for, from WordNet's definitions of things made for a use (purposes.ts): real
// WordNet files and a real LanceDB store.
import { describe, expect, it } from 'vitest';
import { openFrenchEnglish } from './french-english.js';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import { purposesOf } from './purposes.js';
import { analyse } from './terms.js';
import { recalled } from './test-lexicon-store.js';
import { normaliseText } from './text-analysis.js';
import { openWordNet } from './wordnet.js';
import { DEFAULT_EXPANSION, withWordNet } from './wordnet-lexicon.js';

const { wordnet } = openWordNet();
const { translator } = openFrenchEnglish();
const lexicon = (purposes: boolean) =>
  withWordNet(HOUSEHOLD_LEXICON, wordnet!, { ...DEFAULT_EXPANSION, purposes }, translator);

describe('purposes of things', () => {
  const purposes = purposesOf(wordnet!, normaliseText);

  it('reads a name of three words as one thing, with what its definition says it holds', () => {
    const kit = purposes.at(['first', 'aid', 'kit', 'bathroom'], 0);
    expect(kit.length).toBe(3);
    expect(kit.terms).toEqual(expect.arrayContaining(['g_bandag', 'g_medicin']));
    // Its own words are not its purpose.
    expect(kit.terms).not.toContain('g_kit');
    // A later sense when the commonest is no thing: a pacemaker sets the pace, or is implanted.
    expect(purposes.at(['pacemaker'], 0).terms).toContain('g_implant');
  });

  it('gives nothing for what is not a thing made for a use', () => {
    for (const word of ['cat', 'happy', 'monday', 'sister', 'bathroom', 'qwzx'])
      expect(purposes.at([word], 0)).toEqual({ terms: [], length: 1 });
  });
});

describe('a memory naming a thing', () => {
  it("stores the thing's definition, which a query's own words meet as broader terms", () => {
    const memory = 'The first aid kit is in the bathroom cabinet';
    expect(analyse(memory, lexicon(true), 'memory').senses).toContain('g_bandag');
    expect(analyse(memory, lexicon(false), 'memory').senses).not.toContain('g_bandag');
    // A French memory's things are found through their English names ("pelle": shovel).
    expect(analyse('La pelle est au garage', lexicon(true), 'memory').senses).toContain('g_lift');
    const query = analyse('where are the bandages?', lexicon(true));
    expect(query.broader.flat()).toContain('g_bandag');
    expect(analyse('where are the bandages?', lexicon(false)).broader.flat()).not.toContain(
      'g_bandag',
    );
  });

  it('is recalled when asked about what the thing is for', async () => {
    const kit = 'The first aid kit is in the bathroom cabinet';
    const memories = [
      'The spare keys are in the kitchen drawer',
      kit,
      'The bandsaw is in the garage',
      'The medicine for the dog is in the fridge',
      'Felix sleeps on the sofa',
    ];
    const question = ['where are the bandages?'];
    expect((await recalled(lexicon(true), memories, question, 2))[0]).toContain(kit);
    expect((await recalled(lexicon(false), memories, question, 3))[0]).not.toContain(kit);
  });
});
