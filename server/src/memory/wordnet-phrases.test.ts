// Names WordNet has of three or four words (`phrases`), names of times (`timeNames`: holidays
// are no one's name) and definitions of a query's rare words only (`glossesBelow`). Real WordNet
// files, the real French-English dictionary and a real LanceDB store.
import { describe, expect, it } from 'vitest';
import { withCognatesOf } from './cognates.js';
import { openFrenchEnglish } from './french-english.js';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import { analyse } from './terms.js';
import { openWordNet } from './wordnet.js';
import { DEFAULT_EXPANSION, type WordNetExpansion, withWordNet } from './wordnet-lexicon.js';

const { wordnet } = openWordNet();
const translator = withCognatesOf(openFrenchEnglish().translator, wordnet);
const lexiconWith = (options: Partial<WordNetExpansion>) =>
  withWordNet(HOUSEHOLD_LEXICON, wordnet!, { ...DEFAULT_EXPANSION, ...options }, translator);
const synsetOf = (word: string) => `c_${wordnet!.senses(word, 1)[0]!}`;
const tags = (text: string, options: Partial<WordNetExpansion>, role: 'query' | 'memory') =>
  analyse(text, lexiconWith(options), role).forms.flat();

describe('names of three or four words', () => {
  it('tags "bicycle built for two" as the tandem, hyphens or not', () => {
    const tandem = synsetOf('tandem_bicycle');
    expect(tags('Where is the bicycle built for two?', { phrases: 4 }, 'query')).toContain(tandem);
    expect(tags('Where is the bicycle built for two?', { phrases: 2 }, 'query')).not.toContain(
      tandem,
    );
    expect(tags('The first aid kit is in the bathroom', { phrases: 3 }, 'memory')).toContain(
      synsetOf('first-aid_kit'),
    );
  });
});

describe('names of times', () => {
  it('tags Christmas as a time, in English and in French, and leaves people names alone', () => {
    const christmas = synsetOf('christmas');
    const memory = 'The Christmas decorations are in the attic';
    expect(tags(memory, { timeNames: true }, 'memory')).toContain(christmas);
    expect(tags(memory, { timeNames: false }, 'memory')).not.toContain(christmas);
    expect(tags('où sont les décos de Noël ?', { timeNames: true }, 'query')).toContain(christmas);
    expect(tags('où sont les décos de Noël ?', { timeNames: false }, 'query')).not.toContain(
      christmas,
    );
    const aunt = analyse('My aunt Florence is a nurse', lexiconWith({ timeNames: true }), 'memory');
    expect(aunt.forms[aunt.contentWords.indexOf('florence')]).toEqual(['florenc']);
  });
});

describe('definitions of rare query words only', () => {
  it('searches the definition of "stethoscope", not that of "house"', () => {
    const question = 'is the stethoscope in the house?';
    const below = analyse(question, lexiconWith({ glossesBelow: 20 }));
    const always = analyse(question, lexiconWith({ glossesBelow: undefined }));
    const at = (a: typeof below, word: string) => a.broader[a.contentWords.indexOf(word)]!;
    expect(at(below, 'stethoscope')).toContain('listen');
    expect(at(always, 'house')).toContain('dwel');
    expect(at(below, 'house')).not.toContain('dwel');
  });
});
