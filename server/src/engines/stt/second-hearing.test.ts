// The second hearing's runs on a small home: a lock/unlock pair and two rooms have fewer than
// three names or values for a run of its own, and the whole sentence agrees well when one syllable
// differs ("lock" for "unlock"). The run most slot neighbours replace tells them apart; the name
// and value runs alone do not; the default, every run that can go wrong, the worst counting,
// does, the living room's curtains and shutters too. Real CMUdict.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DICTIONARY } from './phrase-engine.js';
import { buildPhraseGrammar, wordsOf } from './phrase-grammar.js';
import { lookupPronunciations } from './lexicon.js';
import { SecondHearing } from './second-hearing.js';
import {
  DEFAULT_SECOND_OPINION,
  NEIGHBOURS_RUN_RULE,
  VALUE_RUNS_RULE,
  WORST_RUNS_RULE,
  weigh,
} from './second-opinion.js';

const SENTENCES = [
  'lock the front door',
  'unlock the front door',
  'turn on the kitchen light',
  'turn off the kitchen light',
  'turn on the bedroom light',
  'turn off the bedroom light',
  'close the living room curtains',
  'close the living room shutters',
];
const never = { transcribe: () => Promise.reject(new Error('not used')) };

const RULES = { values: VALUE_RUNS_RULE, neighbours: NEIGHBOURS_RUN_RULE, worst: WORST_RUNS_RULE };

/** The engine's default (the neighbours' run), or the name and value runs, or the worst run. */
async function hearing(runs?: 'values' | 'neighbours' | 'worst') {
  const grammar = buildPhraseGrammar(
    SENTENCES,
    await lookupPronunciations(DEFAULT_DICTIONARY, wordsOf(SENTENCES)),
  );
  const rule = runs ? RULES[runs] : DEFAULT_SECOND_OPINION;
  const second = new SecondHearing(
    { recognizer: never, runs, rule },
    { dictionary: DEFAULT_DICTIONARY, espeak: null },
  );
  return async (transcript: string, heard: string) => {
    const { agreement } = await second.judge(transcript, heard.split(' '), grammar);
    return weigh(1, agreement, rule, 5);
  };
}

describe('SecondHearing in a small home', () => {
  it('the neighbours\' run: not "unlock" when the transcript says "lock", nor a room for another', async () => {
    const verdict = await hearing('neighbours');
    // Not done: at most asked back ("unlock the front door?"), where only a yes acts.
    expect(await verdict('lock the front door', 'unlock the front door')).not.toBe('accept');
    expect(await verdict('turn on the bathroom light', 'turn on the bedroom light')).not.toBe(
      'accept',
    );
    expect(await verdict('unlock the front door', 'unlock the front door')).toBe('accept');
    expect(await verdict('turn on the bedroom light', 'turn on the bedroom light')).toBe('accept');
  });

  it('the name and value runs find no run here, and the whole sentence lets "lock" pass', async () => {
    const verdict = await hearing('values');
    expect(await verdict('lock the front door', 'unlock the front door')).toBe('accept');
  });

  it('the worst of every run that can go wrong: neither "lock" nor the curtains pass', async () => {
    const verdict = await hearing('worst');
    expect(await verdict('lock the front door', 'unlock the front door')).not.toBe('accept');
    expect(await verdict('unlock the front door', 'lock the front door')).not.toBe('accept');
    expect(
      await verdict('close the living room curtains', 'close the living room shutters'),
    ).not.toBe('accept');
    // Not tested: "bathroom" for "bedroom", a room the home lacks, agrees 0.67 on its run, above
    // the 0.3 and 0.5 the calibration grid chose (README, "Understanding, measured").
    expect(await verdict('unlock the front door', 'unlock the front door')).toBe('accept');
    expect(await verdict('close the living room shutters', 'close the living room shutters')).toBe(
      'accept',
    );
  });
});
