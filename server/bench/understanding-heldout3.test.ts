// The third held-out split's shape, checked without recognising any of it: counts, sentences
// outside the grammar and the other splits, voices of its own that speak.
import { describe, expect, it } from 'vitest';
import { speak, type Voice } from '../../tests/helpers/speech.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import {
  drawHeldout3,
  EXTRA_OUT_OF_GRAMMAR,
  HELDOUT_NEAR_MISSES,
  OTHER_LANGUAGES,
  OUT_OF_GRAMMAR,
  type Split,
  VOICES,
} from './understanding-corpus.js';
import { HELDOUT3_NEAR_MISSES } from './understanding-heldout3.js';
import { englishHome } from './understanding-home.js';
import { drawnByEarlierSplits, spokenLevel } from './understanding-split-checks.js';

describe('heldout3', () => {
  const grammar = createIntentRecognizer({}).sentences(englishHome(), 'en');
  const inGrammar = new Set(grammar.map((sentence) => sentence.toLowerCase()));
  const earlierLists = [
    ...[OUT_OF_GRAMMAR.calibration, OUT_OF_GRAMMAR.heldout].flatMap((split) =>
      Object.values(split).flat(),
    ),
    ...Object.values(EXTRA_OUT_OF_GRAMMAR).flat(),
    ...HELDOUT_NEAR_MISSES,
  ];
  const earlierWords = new Set(earlierLists.flatMap((sentence) => sentence.split(' ')));
  const mine = [...Object.values(OUT_OF_GRAMMAR.heldout3).flat(), ...HELDOUT3_NEAR_MISSES];

  it('has 60 commands, none drawn by another split at any calibration scale up to 8', () => {
    const englishOnly = grammar.filter((sentence) => /^[a-z0-9 %'-]+$/i.test(sentence));
    const drawn = drawHeldout3(englishOnly, 60);
    expect(new Set(drawn).size).toBe(60);
    expect(drawn.every((sentence) => inGrammar.has(sentence.toLowerCase()))).toBe(true);
    expect(drawnByEarlierSplits(drawn, englishOnly, 60)).toEqual([]);
  });

  it('says at least 100 out-of-grammar utterances and 30 near misses, none in the grammar', () => {
    const voices = VOICES.heldout3.length;
    const speech = Object.values(OUT_OF_GRAMMAR.heldout3).flat().length * voices;
    expect(speech).toBeGreaterThanOrEqual(100);
    expect(HELDOUT3_NEAR_MISSES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(mine).size).toBe(mine.length);
    expect(mine.filter((sentence) => inGrammar.has(sentence))).toEqual([]);
  });

  it('shares no sentence with the other lists, and each has a word none of them uses', () => {
    expect(mine.filter((sentence) => earlierLists.includes(sentence))).toEqual([]);
    const noNewWord = mine.filter((s) => s.split(' ').every((word) => earlierWords.has(word)));
    expect(noNewWord).toEqual([]);
  });

  it('speaks in voices and languages no other split uses', () => {
    const name = (voice: { engine: string; name: string }) => `${voice.engine}:${voice.name}`;
    const others = new Set([...VOICES.calibration, ...VOICES.heldout].map(name));
    expect(VOICES.heldout3.filter((voice) => others.has(name(voice)))).toEqual([]);
    expect(new Set(VOICES.heldout3.map(name)).size).toBe(VOICES.heldout3.length);
    const variant = (voice: { name: string }) => voice.name.split('+')[1];
    const usedVariants = new Set([...VOICES.calibration, ...VOICES.heldout].map(variant));
    const espeak = VOICES.heldout3.filter((voice) => voice.engine === 'espeak-ng');
    expect(espeak.filter((voice) => usedVariants.has(variant(voice)))).toEqual([]);
    const languages = (split: Split) => OTHER_LANGUAGES[split].map(([language]) => language);
    const earlier = new Set([...languages('calibration'), ...languages('heldout'), 'en', 'fr']);
    expect(languages('heldout3').filter((language) => earlier.has(language))).toEqual([]);
  });
});

describe('heldout3 voices', () => {
  const seconds = (audio: Uint8Array) => audio.length / 2 / 16000;

  it.each(VOICES.heldout3.map((v) => [`${v.engine} ${v.name}`, v] as const))(
    '%s speaks 16 kHz PCM',
    async (_name, voice) => {
      const level = await spokenLevel('turn on the kitchen light', voice);
      expect(level.seconds).toBeGreaterThan(0.8);
      expect(level.seconds).toBeLessThan(3);
      expect(level.rms).toBeGreaterThan(1000);
    },
  );

  it("brings flite's 8 kHz kal to 16 kHz (as long as kal16 says it)", async () => {
    const kal = await speak('turn on the kitchen light', { engine: 'flite', name: 'kal' });
    const kal16 = await speak('turn on the kitchen light', { engine: 'flite', name: 'kal16' });
    expect(seconds(kal.audio) / seconds(kal16.audio)).toBeGreaterThan(0.7);
    expect(seconds(kal.audio) / seconds(kal16.audio)).toBeLessThan(1.4);
  });

  it('changes the sound of each espeak-ng accent with its variant', async () => {
    for (const voice of VOICES.heldout3.filter((v) => v.engine === 'espeak-ng')) {
      const accent: Voice = { engine: 'espeak-ng', name: voice.name.split('+')[0]! };
      const plain = await speak('turn on the kitchen light', accent);
      const varied = await speak('turn on the kitchen light', voice);
      expect(Buffer.from(varied.audio).equals(Buffer.from(plain.audio))).toBe(false);
    }
  });
});
