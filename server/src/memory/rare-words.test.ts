// A rare query word's other senses (WordNet's `rareWords`): what it is widened to, always or only
// when it met nothing in the memories found. Real WordNet files and a real LanceDB store.
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import { analyse } from './terms.js';
import { recalled } from './test-lexicon-store.js';
import { openWordNet } from './wordnet.js';
import { DEFAULT_EXPANSION, withWordNet } from './wordnet-lexicon.js';

const { wordnet } = openWordNet();
const rare = { below: 20, senses: 5, depth: 1 };
const lexiconWith = (unmatched: boolean) =>
  withWordNet(HOUSEHOLD_LEXICON, wordnet!, {
    ...DEFAULT_EXPANSION,
    rareWords: { ...rare, unmatched },
  });

describe('rare query words widened', () => {
  it('takes "upright" as a piano too, not only as a post', () => {
    const plain = analyse('where is the upright?', withWordNet(HOUSEHOLD_LEXICON, wordnet!));
    expect(plain.broader.flat()).not.toContain('piano');
    const always = analyse('where is the upright?', lexiconWith(false));
    expect(always.broader.flat()).toContain('piano');
    expect(always.wide.flat()).toEqual([]);
    const unmatched = analyse('where is the upright?', lexiconWith(true));
    expect(unmatched.broader.flat()).not.toContain('piano');
    expect(unmatched.wide.flat()).toContain('piano');
  });

  it('leaves common words and memories alone', () => {
    expect(analyse('where is the house?', lexiconWith(false)).wide.flat()).toEqual([]);
    const memory = analyse('The upright is in the hall', lexiconWith(true), 'memory');
    expect(memory.wide.flat()).toEqual([]);
  });

  it('finds the piano asked for as the upright when nothing else matched', async () => {
    const memories = [
      'The bikes are in the garage',
      'The piano is in the living room',
      'Anna likes green tea',
    ];
    const question = ['where is the upright?'];
    const plain = withWordNet(HOUSEHOLD_LEXICON, wordnet!);
    expect((await recalled(plain, memories, question, 1))[0]).toEqual([memories[0]]);
    expect((await recalled(lexiconWith(true), memories, question, 1))[0]).toEqual([memories[1]]);
    // With a post among the memories, "upright" met it: not widened.
    const withPost = [...memories, 'The fence post by the gate is rotten'];
    const [best] = await recalled(lexiconWith(true), withPost, question, 1);
    expect(best).toEqual([withPost[3]]);
  });
});
