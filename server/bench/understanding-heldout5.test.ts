// The fifth held-out split's shape, checked without recognising any of it: counts, sentences
// outside the grammar and the other splits, voices of its own that speak.
import { describe, expect, it } from 'vitest';
import {
  drawHeldout3,
  drawHeldout4,
  drawHeldout5,
  nonSpeech,
  OTHER_LANGUAGES,
  VOICES,
} from './understanding-corpus.js';
import { HELDOUT3_NEAR_MISSES } from './understanding-heldout3.js';
import { HELDOUT4_NEAR_MISSES } from './understanding-heldout4.js';
import { HELDOUT5_NEAR_MISSES } from './understanding-heldout5.js';
import { spokenLevel } from './understanding-split-checks.js';
import { describeHeldOutShape } from './understanding-split-shape.js';

const EARLIER = ['calibration', 'heldout', 'heldout3', 'heldout4'] as const;

describeHeldOutShape({
  split: 'heldout5',
  earlier: EARLIER,
  nearMisses: HELDOUT5_NEAR_MISSES,
  earlierNearMisses: [...HELDOUT3_NEAR_MISSES, ...HELDOUT4_NEAR_MISSES],
  draw: drawHeldout5,
  earlierDraws: [drawHeldout3, drawHeldout4],
});

describe('heldout5, besides', () => {
  it('has at least two voices that are not espeak-ng formant voices', () => {
    const others = VOICES.heldout5.filter((voice) => voice.engine !== 'espeak-ng');
    expect(others.length).toBeGreaterThanOrEqual(2);
  });

  it('makes sounds of its own', () => {
    const mine = nonSpeech('heldout5').map((sound) => Buffer.from(sound.audio));
    const theirs = EARLIER.flatMap((split) => nonSpeech(split).map((s) => Buffer.from(s.audio)));
    expect(mine.filter((audio) => theirs.some((other) => other.equals(audio)))).toEqual([]);
  });

  it('says the other languages in voices that speak', async () => {
    for (const [language, text] of OTHER_LANGUAGES.heldout5) {
      const level = await spokenLevel(text, { engine: 'espeak-ng', name: language });
      expect(level.seconds).toBeGreaterThan(0.5);
      expect(level.rms).toBeGreaterThan(1000);
    }
  });
});
