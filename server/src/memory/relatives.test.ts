// A relative named in a question ("my brother") stands for the names the memories give him.
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import { namesFor, relationsIn, withNames } from './relatives.js';
import { recalled } from './test-lexicon-store.js';

describe('relatives in questions', () => {
  it('finds relations named after a possessive, in English and French', () => {
    expect(relationsIn('which town is my brother in?', HOUSEHOLD_LEXICON)).toEqual(['brother']);
    expect(relationsIn('où habite ma sœur ?', HOUSEHOLD_LEXICON)).toEqual(['sister']);
    expect(relationsIn('what does a brother do?', HOUSEHOLD_LEXICON)).toEqual([]);
    expect(relationsIn('where is my car?', HOUSEHOLD_LEXICON)).toEqual([]);
  });

  it('reads the names memories give a relation, and only names', () => {
    const names = (text: string, relation: string) => namesFor(text, relation, HOUSEHOLD_LEXICON);
    expect(names('My brother Hugo is a plumber', 'brother')).toEqual(['Hugo']);
    expect(names('Claire, my sister, lives in Lyon', 'sister')).toEqual(['Claire']);
    expect(names('Mon frère Hugo vient dimanche', 'brother')).toEqual(['Hugo']);
    expect(names('My brother is a plumber', 'brother')).toEqual([]);
    expect(names('Martine is my mother', 'mother')).toEqual(['Martine']);
    expect(names('Ma mère est Martine', 'mother')).toEqual(['Martine']);
    expect(names('Martine is a mother', 'mother')).toEqual([]);
    expect(names('Paris is near my mother', 'mother')).toEqual([]);
    expect(names("Today is my mother's birthday", 'mother')).toEqual([]);
    expect(names("It is my sister's car", 'sister')).toEqual([]);
    expect(names('This is my brother', 'brother')).toEqual([]);
    expect(
      withNames(
        'which town is my brother in?',
        ['brother'],
        ['My brother Hugo is a plumber'],
        HOUSEHOLD_LEXICON,
      ),
    ).toBe('which town is my brother in? Hugo');
  });

  it('lets recall find a fact about a relative that does not say the relation', async () => {
    const [found] = await recalled(
      HOUSEHOLD_LEXICON,
      [
        'My sister Anna is a dentist',
        'Anna lives in Nantes',
        'Paul lives in Lyon',
        'The town hall is in the square',
      ],
      ['where does my sister live?'],
      2,
    );
    // Anna's home comes before Paul's, though only the memory of her job says she is my sister;
    // it comes first as it holds a place, what "where" asks for.
    expect(found).toEqual(['Anna lives in Nantes', 'My sister Anna is a dentist']);
  });
});
