// The fourth held-out split's shape, checked without recognising any of it: counts, sentences
// outside the grammar and the other splits, voices of its own that speak.
import { describe, expect, it } from 'vitest';
import { speak, type Voice } from '../../tests/helpers/speech.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import {
  drawHeldout3,
  drawHeldout4,
  EXTRA_OUT_OF_GRAMMAR,
  HELDOUT_NEAR_MISSES,
  nonSpeech,
  OTHER_LANGUAGES,
  OUT_OF_GRAMMAR,
  sourceOf,
  VOICES,
} from './understanding-corpus.js';
import { HELDOUT3_NEAR_MISSES } from './understanding-heldout3.js';
import { HELDOUT4_NEAR_MISSES } from './understanding-heldout4.js';
import { englishHome } from './understanding-home.js';
import { drawnByEarlierSplits, spokenLevel } from './understanding-split-checks.js';

const EARLIER = ['calibration', 'heldout', 'heldout3'] as const;

describe('heldout4', () => {
  const grammar = createIntentRecognizer({}).sentences(englishHome(), 'en');
  const inGrammar = new Set(grammar.map((sentence) => sentence.toLowerCase()));
  const earlierLists = [
    ...EARLIER.flatMap((split) => Object.values(OUT_OF_GRAMMAR[split]).flat()),
    ...Object.values(EXTRA_OUT_OF_GRAMMAR).flat(),
    ...HELDOUT_NEAR_MISSES,
    ...HELDOUT3_NEAR_MISSES,
  ];
  const earlierWords = new Set(earlierLists.flatMap((sentence) => sentence.split(' ')));
  const mine = [...Object.values(OUT_OF_GRAMMAR.heldout4).flat(), ...HELDOUT4_NEAR_MISSES];

  it('has 60 commands, none drawn by another split (calibration at any scale up to 8)', () => {
    const englishOnly = grammar.filter((sentence) => /^[a-z0-9 %'-]+$/i.test(sentence));
    const drawn = drawHeldout4(englishOnly, 60);
    expect(new Set(drawn).size).toBe(60);
    expect(drawn.every((sentence) => inGrammar.has(sentence.toLowerCase()))).toBe(true);
    const third = new Set(drawHeldout3(englishOnly, 60));
    expect(drawn.filter((sentence) => third.has(sentence))).toEqual([]);
    expect(drawnByEarlierSplits(drawn, englishOnly, 60)).toEqual([]);
  });

  it('says at least 100 out-of-grammar utterances and 30 near misses, none in the grammar', () => {
    const voices = VOICES.heldout4.length;
    const speech = Object.values(OUT_OF_GRAMMAR.heldout4).flat().length * voices;
    expect(speech).toBeGreaterThanOrEqual(100);
    expect(HELDOUT4_NEAR_MISSES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(mine).size).toBe(mine.length);
    expect(mine.filter((sentence) => inGrammar.has(sentence))).toEqual([]);
    expect(nonSpeech('heldout4')).toHaveLength(5);
  });

  it('shares no sentence with the other lists, and each has a word none of them uses', () => {
    expect(mine.filter((sentence) => earlierLists.includes(sentence))).toEqual([]);
    const noNewWord = mine.filter((s) => s.split(' ').every((word) => earlierWords.has(word)));
    expect(noNewWord).toEqual([]);
  });

  it('speaks in voices and languages no other split uses', () => {
    const others = EARLIER.flatMap((split) => VOICES[split]);
    const sources = new Set(others.map(sourceOf));
    expect(VOICES.heldout4.filter((voice) => sources.has(sourceOf(voice)))).toEqual([]);
    expect(new Set(VOICES.heldout4.map(sourceOf)).size).toBe(VOICES.heldout4.length);
    const variant = (voice: { name: string }) => voice.name.split('+')[1];
    const usedVariants = new Set(others.map(variant));
    const espeak = VOICES.heldout4.filter((voice) => voice.engine === 'espeak-ng');
    expect(espeak.filter((voice) => usedVariants.has(variant(voice)))).toEqual([]);
    // At most two voices of another held-out split, each at another pitch; none of calibration.
    const plain = (voice: Voice) => `${voice.engine}:${voice.name}`;
    const calibration = new Set(VOICES.calibration.map(plain));
    expect(VOICES.heldout4.filter((voice) => calibration.has(plain(voice)))).toEqual([]);
    const reused = VOICES.heldout4.filter((voice) => others.some((o) => plain(o) === plain(voice)));
    expect(reused.length).toBeLessThanOrEqual(2);
    expect(reused.every((voice) => voice.pitch !== undefined)).toBe(true);
    const languages = EARLIER.flatMap((split) => OTHER_LANGUAGES[split].map(([code]) => code));
    const earlier = new Set([...languages, 'en', 'fr']);
    expect(OTHER_LANGUAGES.heldout4.filter(([code]) => earlier.has(code))).toEqual([]);
  });
});

describe('heldout4 voices', () => {
  const said = 'turn on the kitchen light';

  it.each(VOICES.heldout4.map((v) => [sourceOf(v), v] as const))(
    '%s speaks 16 kHz PCM',
    async (_name, voice) => {
      const level = await spokenLevel(said, voice);
      expect(level.seconds).toBeGreaterThan(0.8);
      expect(level.seconds).toBeLessThan(3);
      expect(level.rms).toBeGreaterThan(1000);
    },
  );

  it('changes the sound of each espeak-ng accent with its variant, and of a voice with its pitch', async () => {
    for (const voice of VOICES.heldout4) {
      const plain: Voice =
        voice.engine === 'espeak-ng'
          ? { engine: 'espeak-ng', name: voice.name.split('+')[0]! }
          : { engine: voice.engine, name: voice.name };
      const before = await speak(said, plain);
      const varied = await speak(said, voice);
      expect(Buffer.from(varied.audio).equals(Buffer.from(before.audio))).toBe(false);
    }
  });
});
