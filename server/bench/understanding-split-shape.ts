// The shape tests a fresh held-out split passes, recognising none of it: its commands drawn by
// no other split, its sentences outside the grammar and the other lists (each with a word of its
// own), voices no other split uses that speak. Called from each split's test file.
import { describe, expect, it } from 'vitest';
import { speak, type Voice } from '../../tests/helpers/speech.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import {
  EXTRA_OUT_OF_GRAMMAR,
  HELDOUT_NEAR_MISSES,
  nonSpeech,
  OTHER_LANGUAGES,
  OUT_OF_GRAMMAR,
  sourceOf,
  type Split,
  VOICES,
} from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';
import { drawnByEarlierSplits, spokenLevel } from './understanding-split-checks.js';

type Draw = (englishOnly: readonly string[], commands: number) => string[];

export interface HeldOutShape {
  readonly split: Split;
  /** The splits written before it: none of their sentences, voices or languages is its own. */
  readonly earlier: readonly Split[];
  readonly nearMisses: readonly string[];
  /** The near misses of the held-out splits before it (`heldout`'s are always counted). */
  readonly earlierNearMisses: readonly string[];
  readonly draw: Draw;
  /** The draws of the held-out splits after `heldout` and before it. */
  readonly earlierDraws: readonly Draw[];
}

export function describeHeldOutShape(shape: HeldOutShape): void {
  const { split, earlier } = shape;

  describe(split, () => {
    const grammar = createIntentRecognizer({}).sentences(englishHome(), 'en');
    const inGrammar = new Set(grammar.map((sentence) => sentence.toLowerCase()));
    const earlierLists = [
      ...earlier.flatMap((other) => Object.values(OUT_OF_GRAMMAR[other]).flat()),
      ...Object.values(EXTRA_OUT_OF_GRAMMAR).flat(),
      ...HELDOUT_NEAR_MISSES,
      ...shape.earlierNearMisses,
    ];
    const earlierWords = new Set(earlierLists.flatMap((sentence) => sentence.split(' ')));
    const mine = [...Object.values(OUT_OF_GRAMMAR[split]).flat(), ...shape.nearMisses];

    it('has 60 commands, none drawn by another split (calibration at any scale up to 8)', () => {
      const englishOnly = grammar.filter((sentence) => /^[a-z0-9 %'-]+$/i.test(sentence));
      const drawn = shape.draw(englishOnly, 60);
      expect(new Set(drawn).size).toBe(60);
      expect(drawn.every((sentence) => inGrammar.has(sentence.toLowerCase()))).toBe(true);
      const others = new Set(shape.earlierDraws.flatMap((draw) => draw(englishOnly, 60)));
      expect(drawn.filter((sentence) => others.has(sentence))).toEqual([]);
      expect(drawnByEarlierSplits(drawn, englishOnly, 60)).toEqual([]);
    });

    it('says at least 100 out-of-grammar utterances and 30 near misses, none in the grammar', () => {
      const voices = VOICES[split].length;
      const speech = Object.values(OUT_OF_GRAMMAR[split]).flat().length * voices;
      expect(speech).toBeGreaterThanOrEqual(100);
      expect(shape.nearMisses.length).toBeGreaterThanOrEqual(30);
      expect(new Set(mine).size).toBe(mine.length);
      expect(mine.filter((sentence) => inGrammar.has(sentence))).toEqual([]);
      expect(nonSpeech(split)).toHaveLength(5);
    });

    it('shares no sentence with the other lists, and each has a word none of them uses', () => {
      expect(mine.filter((sentence) => earlierLists.includes(sentence))).toEqual([]);
      const noNewWord = mine.filter((s) => s.split(' ').every((word) => earlierWords.has(word)));
      expect(noNewWord).toEqual([]);
    });

    it('speaks in voices and languages no other split uses', () => {
      const others = earlier.flatMap((other) => VOICES[other]);
      const sources = new Set(others.map(sourceOf));
      expect(VOICES[split].filter((voice) => sources.has(sourceOf(voice)))).toEqual([]);
      expect(new Set(VOICES[split].map(sourceOf)).size).toBe(VOICES[split].length);
      const variant = (voice: { name: string }) => voice.name.split('+')[1];
      const usedVariants = new Set(others.map(variant));
      const espeak = VOICES[split].filter((voice) => voice.engine === 'espeak-ng');
      expect(espeak.filter((voice) => usedVariants.has(variant(voice)))).toEqual([]);
      // At most two voices of another held-out split, each at another pitch or speed; none of
      // calibration.
      const plain = (voice: Voice) => `${voice.engine}:${voice.name}`;
      const calibration = new Set(VOICES.calibration.map(plain));
      expect(VOICES[split].filter((voice) => calibration.has(plain(voice)))).toEqual([]);
      const reused = VOICES[split].filter((voice) => others.some((o) => plain(o) === plain(voice)));
      expect(reused.length).toBeLessThanOrEqual(2);
      expect(reused.every((voice) => voice.pitch !== undefined || voice.speed !== undefined)).toBe(
        true,
      );
      const languages = earlier.flatMap((other) => OTHER_LANGUAGES[other].map(([code]) => code));
      const used = new Set([...languages, 'en', 'fr']);
      expect(OTHER_LANGUAGES[split].filter(([code]) => used.has(code))).toEqual([]);
    });
  });

  describe(`${split} voices`, () => {
    const said = 'turn on the kitchen light';

    it.each(VOICES[split].map((v) => [sourceOf(v), v] as const))(
      '%s speaks 16 kHz PCM',
      async (_name, voice) => {
        const level = await spokenLevel(said, voice);
        expect(level.seconds).toBeGreaterThan(0.8);
        expect(level.seconds).toBeLessThan(3);
        expect(level.rms).toBeGreaterThan(1000);
      },
    );

    it('changes the sound of each espeak-ng accent with its variant, and of a voice with its pitch or speed', async () => {
      for (const voice of VOICES[split]) {
        const varied = voice.pitch !== undefined || voice.speed !== undefined;
        if (voice.engine !== 'espeak-ng' && !varied) continue;
        const plain: Voice =
          voice.engine === 'espeak-ng'
            ? { engine: 'espeak-ng', name: voice.name.split('+')[0]! }
            : { engine: voice.engine, name: voice.name };
        const before = await speak(said, plain);
        const after = await speak(said, voice);
        expect(Buffer.from(after.audio).equals(Buffer.from(before.audio))).toBe(false);
      }
    });
  });
}
