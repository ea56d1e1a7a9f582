import { describe, expect, it } from 'vitest';
import { createIntentRecognizer } from '../src/intents/index.js';
import {
  drawCommands,
  EXTRA_OUT_OF_GRAMMAR,
  HELDOUT_NEAR_MISSES,
  OUT_OF_GRAMMAR,
} from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';

const GRAMMAR = Array.from({ length: 500 }, (_, i) => `turn on light ${i}`);

describe('drawCommands', () => {
  it('draws the same held-out and first calibration sentences at every scale', () => {
    const one = drawCommands(GRAMMAR, 60);
    const three = drawCommands(GRAMMAR, 60, 3);
    expect(three.heldout).toEqual(one.heldout);
    expect(three.calibration).toEqual(one.calibration);
    expect(one.extra).toEqual([]);
    expect(three.extra).toHaveLength(120);
  });

  it('never draws a held-out or calibration sentence again as an extra one', () => {
    const { calibration, heldout, extra } = drawCommands(GRAMMAR, 60, 3);
    const before = new Set([...calibration, ...heldout]);
    expect(extra.filter((sentence) => before.has(sentence))).toEqual([]);
    expect(new Set(extra).size).toBe(extra.length);
  });

  it('draws no more extra sentences than the grammar has left', () => {
    const { extra } = drawCommands(GRAMMAR.slice(0, 150), 60, 3);
    expect(extra).toHaveLength(30);
  });
});

describe('EXTRA_OUT_OF_GRAMMAR', () => {
  it('says no sentence either split already has', () => {
    const before = new Set(
      [OUT_OF_GRAMMAR.calibration, OUT_OF_GRAMMAR.heldout].flatMap((split) =>
        Object.values(split).flat(),
      ),
    );
    const extra = Object.values(EXTRA_OUT_OF_GRAMMAR).flat();
    expect(extra.filter((sentence) => before.has(sentence))).toEqual([]);
    expect(new Set(extra).size).toBe(extra.length);
  });
});

describe('HELDOUT_NEAR_MISSES', () => {
  it('are sentences of no other list and not of the bench home', () => {
    const others = [
      ...[OUT_OF_GRAMMAR.calibration, OUT_OF_GRAMMAR.heldout].flatMap((split) =>
        Object.values(split).flat(),
      ),
      ...Object.values(EXTRA_OUT_OF_GRAMMAR).flat(),
    ];
    const grammar = new Set(createIntentRecognizer({}).sentences(englishHome(), 'en'));
    expect(HELDOUT_NEAR_MISSES.length).toBeGreaterThanOrEqual(20);
    expect(HELDOUT_NEAR_MISSES.filter((s) => others.includes(s) || grammar.has(s))).toEqual([]);
  });
});
