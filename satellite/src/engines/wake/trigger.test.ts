import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors.js';
import {
  checkTriggerSettings,
  detectionsIn,
  INITIAL_TRIGGER,
  trigger,
  type TriggerSettings,
} from './trigger.js';

const settings: TriggerSettings = { threshold: 0.5, triggerLevel: 2, refractoryMs: 1000 };

describe('trigger', () => {
  it.each([
    [
      'below the threshold restarts the count',
      { activations: 1 },
      0.49,
      80,
      { activations: 0 },
      false,
    ],
    ['at the threshold counts', { activations: 0 }, 0.5, 80, { activations: 1 }, false],
    [
      'reaching the trigger level detects',
      { activations: 1 },
      0.9,
      160,
      { activations: 0, detectedAtMs: 160 },
      true,
    ],
    [
      'inside the refractory period is ignored',
      { activations: 0, detectedAtMs: 160 },
      0.9,
      1080,
      { activations: 0, detectedAtMs: 160 },
      false,
    ],
    [
      'after the refractory period counts again',
      { activations: 0, detectedAtMs: 160 },
      0.9,
      1160,
      { activations: 1, detectedAtMs: 160 },
      false,
    ],
  ] as const)('%s', (_, state, score, stepEndMs, next, detected) => {
    expect(trigger(state, settings, score, stepEndMs)).toEqual({ state: next, detected });
  });

  it('starts with no activations and no detection', () => {
    expect(INITIAL_TRIGGER).toEqual({ activations: 0 });
  });

  it('needs activated steps in a row', () => {
    const scores = [0.9, 0.1, 0.9, 0.1, 0.9, 0.9, 0.9];
    expect(detectionsIn(scores, settings)).toEqual([{ timestampMs: 480, score: 0.9 }]);
    expect(detectionsIn(scores, { ...settings, triggerLevel: 1 })).toEqual([
      { timestampMs: 80, score: 0.9 },
    ]);
  });

  it('detects again once the refractory period is over', () => {
    const scores = Array.from({ length: 40 }, () => 0.8);
    const found = detectionsIn(scores, { threshold: 0.5, triggerLevel: 1, refractoryMs: 2000 });
    expect(found.map((detection) => detection.timestampMs)).toEqual([80, 2080]);
    const every = detectionsIn(scores.slice(0, 3), {
      ...settings,
      triggerLevel: 1,
      refractoryMs: 0,
    });
    expect(every.map((detection) => detection.timestampMs)).toEqual([80, 160, 240]);
  });

  it.each([
    [{ threshold: 0 }, /threshold/],
    [{ threshold: 1.5 }, /threshold/],
    [{ threshold: Number.NaN }, /threshold/],
    [{ triggerLevel: 0 }, /trigger level/],
    [{ triggerLevel: 1.5 }, /trigger level/],
    [{ refractoryMs: -1 }, /refractory/],
  ])('rejects %o', (bad, message) => {
    const check = () => checkTriggerSettings({ ...settings, ...bad }, 'perWord.hey_jarvis');
    expect(check).toThrow(ConfigError);
    expect(check).toThrow(message);
    expect(check).toThrow(/^perWord\.hey_jarvis: /);
  });
});
