import { describe, expect, it } from 'vitest';
import type { Pronunciations } from './lexicon.js';
import {
  buildDictionary,
  buildFsg,
  buildPhoneLoop,
  buildPhraseGrammar,
  buildWordLoop,
  wordsOf,
} from './phrase-grammar.js';

const pronunciations: Pronunciations = new Map([
  ['turn', ['T ER N']],
  ['on', ['AA N', 'AO N']],
  ['off', ['AO F']],
  ['the', ['DH AH']],
  ['light', ['L AY T']],
  ['stop', ['S T AA P']],
  ['five', ['F AY V']],
]);

describe('buildFsg', () => {
  it('shares prefixes and endings, and gives every sentence the same prior', () => {
    const fsg = buildFsg([['turn', 'on'], ['turn', 'off'], ['stop']]);
    expect(fsg.split('\n')).toEqual([
      'FSG_BEGIN jarvis',
      'NUM_STATES 4',
      'START_STATE 0',
      'FINAL_STATE 1',
      'TRANSITION 2 1 1.00000',
      'TRANSITION 3 2 0.500000 off',
      'TRANSITION 3 2 0.500000 on',
      'TRANSITION 0 2 0.333333 stop',
      'TRANSITION 0 3 0.666667 turn',
      'FSG_END',
      '',
    ]);
  });

  it('merges the endings many sentences share', () => {
    const fsg = buildFsg([
      ['turn', 'on', 'the', 'kitchen', 'light'],
      ['turn', 'off', 'the', 'kitchen', 'light'],
      ['switch', 'on', 'the', 'kitchen', 'light'],
    ]);
    // light, kitchen, the, on|off (shared by both verbs), turn, switch: 6 states besides start
    // and final, where a trie needs 14.
    expect(fsg).toContain('NUM_STATES 8');
  });

  it('lets a sentence end where a longer one goes on', () => {
    const fsg = buildFsg([['stop'], ['stop', 'stop']]);
    expect(fsg).toContain('TRANSITION 3 2 0.500000 stop\n');
    expect(fsg).toContain('TRANSITION 3 1 0.500000\n');
  });
});

describe('buildPhraseGrammar', () => {
  it('keeps sentences it can pronounce, as written, and drops the others with their words', () => {
    const grammar = buildPhraseGrammar(
      ['Turn on the light.', 'turn on the light', 'Turn on the lava lamp', 'stop!', ''],
      pronunciations,
    );
    expect([...grammar.sentences]).toEqual([
      ['turn on the light', 'Turn on the light.'],
      ['stop', 'stop!'],
    ]);
    expect(grammar.dropped).toEqual([
      { sentence: 'Turn on the lava lamp', unknownWords: ['lava', 'lamp'] },
    ]);
    expect(grammar.dictionary).toBe(
      'light L AY T\non AA N\non(2) AO N\nstop S T AA P\nthe DH AH\nturn T ER N\n',
    );
  });

  it('is empty without sentences', () => {
    expect(buildPhraseGrammar([], pronunciations)).toMatchObject({ fsg: '', dictionary: '' });
  });

  it('collects the spoken words of sentences', () => {
    expect([...wordsOf(['Set 5 timers', 'stop'])]).toEqual(['set', 'five', 'timers', 'stop']);
  });

  it('writes alternatives as word(2)', () => {
    expect(buildDictionary(['on'], pronunciations)).toBe('on AA N\non(2) AO N\n');
  });
});

describe('buildPhoneLoop', () => {
  it('loops over the 39 phones of the model', () => {
    const { fsg, dictionary } = buildPhoneLoop();
    expect(fsg.match(/^TRANSITION 0 0 /gm)).toHaveLength(39);
    expect(dictionary.split('\n')).toContain('+zh+ ZH');
  });
});

describe('buildWordLoop', () => {
  it('accepts any sequence of the words, each equally likely', () => {
    const fsg = buildWordLoop(['light', 'off', 'turn']);
    expect(fsg).toContain('NUM_STATES 2');
    expect(fsg).toContain('TRANSITION 0 0 0.333333 light');
    expect(fsg).toContain('TRANSITION 0 0 0.333333 turn');
    expect(fsg).toContain('TRANSITION 0 1 0.1');
    expect(fsg.trim().split('\n').at(-1)).toBe('FSG_END');
  });
});
