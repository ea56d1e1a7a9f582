// What WordNet knows of the world: a rare query word's other senses (`rareWords`), widened always
// or only when it met nothing in the memories found, and names of places (`places`). Real WordNet
// files and a real LanceDB store.
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import { analyse } from './terms.js';
import { recalled } from './test-lexicon-store.js';
import { openWordNet } from './wordnet.js';
import { DEFAULT_EXPANSION, withWordNet } from './wordnet-lexicon.js';

const { wordnet } = openWordNet();
const rare = { below: 20, senses: 5, depth: 1 };
const plain = withWordNet(HOUSEHOLD_LEXICON, wordnet!, {
  ...DEFAULT_EXPANSION,
  rareWords: undefined,
});
const lexiconWith = (unmatched: boolean) =>
  withWordNet(HOUSEHOLD_LEXICON, wordnet!, {
    ...DEFAULT_EXPANSION,
    rareWords: { ...rare, unmatched },
  });

describe('rare query words widened', () => {
  it('takes "upright" as a piano too, not only as a post', () => {
    expect(analyse('where is the upright?', plain).broader.flat()).not.toContain('piano');
    // The default widens it when it meets nothing.
    expect(DEFAULT_EXPANSION.rareWords?.unmatched).toBe(true);
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
    expect((await recalled(plain, memories, question, 1))[0]).toEqual([memories[0]]);
    expect((await recalled(lexiconWith(true), memories, question, 1))[0]).toEqual([memories[1]]);
    // With a post among the memories, "upright" met it: not widened.
    const withPost = [...memories, 'The fence post by the gate is rotten'];
    const [best] = await recalled(lexiconWith(true), withPost, question, 1);
    expect(best).toEqual([withPost[3]]);
  });
});

describe('names of places', () => {
  const places = withWordNet(HOUSEHOLD_LEXICON, wordnet!, { ...DEFAULT_EXPANSION, places: true });
  const lemmas = (tags: readonly string[]) =>
    tags
      .filter((t) => t.startsWith('c_'))
      .flatMap((t) => wordnet!.synset(t.slice(2))?.lemmas ?? []);

  it('tags a city and a country with what they are, and no person', () => {
    expect(lemmas(analyse('Martine vit à Lille', places, 'memory').senses)).toContain('city');
    expect(lemmas(analyse('We went to Portugal', places, 'memory').senses)).toContain('country');
    // Victor Hugo is in WordNet, but a person is not a place.
    const hugo = analyse('My brother Hugo is a baker', places, 'memory').senses;
    expect(lemmas(hugo)).not.toContain('writer');
    const without = withWordNet(HOUSEHOLD_LEXICON, wordnet!, {
      ...DEFAULT_EXPANSION,
      places: false,
    });
    expect(lemmas(analyse('Martine vit à Lille', without, 'memory').senses)).not.toContain('city');
  });

  it('takes a name for a place only where a place stands: Florence said of a person is no city', () => {
    expect(lemmas(analyse('We spent a week in Florence', places, 'memory').senses)).toContain(
      'city',
    );
    expect(
      lemmas(analyse('Nous avons passé une semaine à Florence', places, 'memory').senses),
    ).toContain('city');
    for (const person of [
      'My aunt Florence is a nurse',
      'Florence is a nurse',
      'Florence travaille à la poste',
    ]) {
      expect(lemmas(analyse(person, places, 'memory').senses)).not.toContain('city');
    }
    // First in a sentence, a word WordNet knows only as a name is a name, not a word looked up.
    expect(lemmas(analyse('Hugo is a baker', places, 'memory').senses)).not.toContain('writer');
    expect(lemmas(analyse('Apples are in the bowl', places, 'memory').senses)).toContain('apple');
    // What a "who" question counts as someone's name (answer-type.ts).
    expect(['hugo', 'florence', 'apolline', 'order'].map((w) => places.tagger!.isWord!(w))).toEqual(
      [false, false, false, true],
    );
  });

  it('finds a memory asked for by the kind of place it names', async () => {
    const memories = ['Martine lives in Lille', 'Martine works in a bakery', 'Anna likes tea'];
    const question = ['which city is Martine in?'];
    expect((await recalled(places, memories, question, 1))[0]).toEqual([memories[0]]);
    const without = withWordNet(HOUSEHOLD_LEXICON, wordnet!, {
      ...DEFAULT_EXPANSION,
      places: false,
    });
    expect((await recalled(without, memories, question, 1))[0]).toEqual([memories[1]]);
  });
});

describe("the lexicon's id", () => {
  const id = (options: Partial<typeof DEFAULT_EXPANSION>) =>
    withWordNet(HOUSEHOLD_LEXICON, wordnet!, { ...DEFAULT_EXPANSION, ...options }).id;

  it('names what stored terms and vectors are analysed with, not what only queries use', () => {
    const base = id({});
    const queryOnly = { queryBroader: 0, commonWords: 0, glosses: false, rareWords: undefined };
    expect(id(queryOnly)).toBe(base);
    for (const stored of [
      { senses: 3 },
      { places: false },
      { glosses: true },
      { querySenses: 2 },
      { related: false },
      { purposes: false },
    ]) {
      expect(id(stored)).not.toBe(base);
    }
  });
});
