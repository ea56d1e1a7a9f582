import { describe, expect, it } from 'vitest';
import {
  generalVerdict,
  type GeneralScored,
  verdictOfText,
} from './understanding-general-judge.js';
import type { Outcome } from './understanding.js';

const light: Outcome = {
  intent: 'HassTurnOn',
  calls: ['light.turn_on light.kitchen {}'],
  speech: 'Turned on the kitchen light.',
  sensitive: false,
};
const garage: Outcome = {
  intent: 'HassTurnOn',
  calls: [],
  speech: 'Do you want me to open the garage door?',
  sensitive: true,
};
const unknown: Outcome = {
  intent: 'HassTurnOn',
  calls: [],
  speech: "Sorry, I don't know any garage heater.",
  sensitive: false,
};
const sure = Math.log(0.9);

function scored(phrase: GeneralScored['phrase'], heard: string, outcome?: Outcome): GeneralScored {
  return {
    item: { split: 'calibration', kind: 'command', text: 'x', source: 'v', lead: 'short silence', speechEndMs: 0 },
    expected: light,
    phrase,
    moonshine: { heard, logProbs: [sure, sure], ended: true, ms: 1, outcome },
  }; // prettier-ignore
}

describe('the general benchmark judges text as the turn does', () => {
  it('a sensitive action is asked (or refused when unsure), never done', () => {
    expect(verdictOfText(garage, undefined, 0.9)).toBe('asked');
    expect(verdictOfText(garage, undefined, 0.3)).toBe('rejected');
  });

  it('a reply that does nothing is not an action; no intent goes to the agent', () => {
    expect(verdictOfText(unknown, light, 0.9)).toBe('answered');
    expect(verdictOfText(undefined, light, 0.9)).toBe('agent');
    expect(verdictOfText(light, light, 0.9)).toBe('correct');
    expect(verdictOfText(light, undefined, 0.9)).toBe('wrong');
  });

  it('the chain: the phrase engine when it accepts, else Moonshine above its threshold, else ask back', () => {
    const rejected = { text: '', confidence: 0.2, ms: 1, unsure: 'turn on the kitchen light' };
    const phrase = { ...rejected, unsureOutcome: light };
    const heard = scored(phrase, 'Turn on the kitchen light.', light);
    const chain = (minConfidence: number) =>
      generalVerdict(heard, { path: 'chain', rule: 'mean', minConfidence });
    expect(chain(0.8)).toBe('correct');
    expect(chain(0.95)).toBe('asked back, right');
    const accepted = { text: 'turn on the kitchen light', confidence: 0.7, ms: 1, outcome: light };
    expect(
      generalVerdict(scored(accepted, 'Turn off.', unknown), {
        path: 'chain',
        rule: 'mean',
        minConfidence: 0,
      }),
    ).toBe('correct');
  });
});
