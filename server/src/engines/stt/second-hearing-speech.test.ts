// The worst run on real speech in a small home (pocketsphinx's grammar and Moonshine tiny, its
// real weights, hearing flite and espeak-ng): "lock" is never done as "unlock", the shutters
// never as the curtains, even when the grammar is forced to the other sentence, where the whole
// sentence alone agrees well enough to act (one syllable, one word of five).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_VOICE, speak, type Voice } from '../../../../tests/helpers/speech.js';
import { lookupPronunciations } from './lexicon.js';
import { MoonshineRecognizer } from './moonshine.js';
import { DEFAULT_DICTIONARY, PhraseEngine } from './phrase-engine.js';
import { buildPhraseGrammar, wordsOf } from './phrase-grammar.js';
import { SecondHearing } from './second-hearing.js';
import { VALUE_RUNS_RULE, WORST_RUNS_RULE, weigh } from './second-opinion.js';

const SMALL_HOME = [
  'lock the front door',
  'unlock the front door',
  'open the living room curtains',
  'close the living room curtains',
  'open the living room shutters',
  'close the living room shutters',
  'turn on the kitchen light',
  'turn off the kitchen light',
  'turn on the bedroom light',
  'turn off the bedroom light',
  'what time is it',
];
const VOICES: readonly Voice[] = [
  { engine: 'flite', name: 'slt' },
  { engine: 'flite', name: 'rms' },
  { engine: 'espeak-ng', name: 'en-us' },
];
/** What was said, and the sentence of the home it must not be done as. */
const PAIRS: readonly [string, string][] = [
  ['lock the front door', 'unlock the front door'],
  ['close the living room shutters', 'close the living room curtains'],
];

describe('the worst run on real speech, in a small home', () => {
  let moonshine: MoonshineRecognizer;
  let engine: PhraseEngine;

  beforeAll(async () => {
    moonshine = await MoonshineRecognizer.load();
    engine = new PhraseEngine({
      secondOpinion: { recognizer: moonshine, runs: 'worst', rule: WORST_RUNS_RULE },
    });
    await engine.setSentences(SMALL_HOME);
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await moonshine?.close();
  });

  it('does not act on the other sentence of a pair, in any voice', async () => {
    for (const voice of VOICES) {
      for (const [said, other] of PAIRS) {
        const { audio } = await speak(said, voice);
        expect((await engine.transcribe({ audio })).text).not.toBe(other);
      }
    }
  }, 240_000);

  it("judges Moonshine's transcript against the other sentence: not acted on, where the values' run would", async () => {
    const grammar = buildPhraseGrammar(
      SMALL_HOME,
      await lookupPronunciations(DEFAULT_DICTIONARY, wordsOf(SMALL_HOME)),
    );
    const pronouncing = { dictionary: DEFAULT_DICTIONARY, espeak: null };
    const worst = new SecondHearing({ recognizer: moonshine, runs: 'worst' }, pronouncing);
    const values = new SecondHearing({ recognizer: moonshine, runs: 'values' }, pronouncing);
    for (const [said, other] of PAIRS) {
      const { audio } = await speak(said, COMMAND_VOICE);
      const transcript = await moonshine.transcribe(audio);
      // The grammar sure of the other sentence (score 1 above its rule).
      const judged = await worst.judge(transcript, other.split(' '), grammar);
      expect(weigh(1, judged.agreement, WORST_RUNS_RULE, 5)).not.toBe('accept');
      const byValues = await values.judge(transcript, other.split(' '), grammar);
      if (said.startsWith('lock')) {
        expect(weigh(1, byValues.agreement, VALUE_RUNS_RULE, 5)).toBe('accept');
      }
      const right = await worst.judge(transcript, said.split(' '), grammar);
      expect(weigh(1, right.agreement, WORST_RUNS_RULE, 5)).toBe('accept');
    }
  }, 240_000);

  it('acts on the commands themselves', async () => {
    for (const said of ['unlock the front door', 'close the living room shutters']) {
      const { audio } = await speak(said, COMMAND_VOICE);
      expect((await engine.transcribe({ audio })).text).toBe(said);
    }
  }, 120_000);
});
