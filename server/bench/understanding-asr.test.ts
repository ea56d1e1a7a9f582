import { describe, expect, it } from 'vitest';
import type { GeneralScored } from './understanding-general-judge.js';
import { wordErrors } from './understanding-asr.js';

const heardAs = (text: string, heard: string, kind: 'command' | 'question' = 'command') =>
  ({
    item: { split: 'calibration', kind, text, source: 'espeak-ng:en-us', lead: 'short silence' },
    moonshine: { heard, logProbs: [], ended: true, ms: 0 },
  }) as unknown as GeneralScored;

describe('wordErrors', () => {
  it('counts word edits against the sentence said, in its spoken form, commands only', () => {
    const runs = [
      heardAs('set the kitchen lights to seventy percent', 'Set the kitchen lights to 70%.'),
      heardAs('set the kitchen lights to seventy percent', 'Set vacation lights to 70%.'),
      heardAs('tell me a joke', 'Tell me a story.', 'question'),
    ];
    // "the kitchen" -> "vacation": one substitution, one deletion.
    expect(wordErrors(runs)).toEqual({ edits: 2, words: 14 });
  });

  it('counts every word of a command heard as nothing', () => {
    expect(wordErrors([heardAs('turn on the light', '')])).toEqual({ edits: 4, words: 4 });
  });
});
