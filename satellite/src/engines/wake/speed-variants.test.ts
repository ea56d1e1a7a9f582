import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinPcm, samplesOf, silence, speak } from '../../../../tests/helpers/speech.js';
import { resolveWakeWordModels } from './builtin-models.js';
import { loadWakeModels, OpenWakeWord } from './openwakeword.js';
import { releaseAll } from './onnx-models.js';
import {
  AudioRing,
  detectionsWithVariants,
  isPeak,
  type Rescore,
  slowedScore,
  VariantTriggers,
  variantSteps,
  VARIANT_WINDOW_SAMPLES,
  windowOfClip,
} from './speed-variants.js';

const SETTINGS = { threshold: 0.5, triggerLevel: 1, refractoryMs: 2000 };

describe('speed variants: which steps are heard again', () => {
  it.each([
    { recent: [0, 0, 0, 0.3, 0.2, 0.1, 0], pre: 0.1, peak: true },
    { recent: [0, 0, 0, 0.3, 0.3, 0.1, 0], pre: 0.1, peak: true },
    { recent: [0, 0, 0.3, 0.3, 0.2, 0.1, 0], pre: 0.1, peak: false },
    { recent: [0, 0, 0, 0.3, 0.2, 0.4, 0], pre: 0.1, peak: false },
    { recent: [0, 0, 0, 0.05, 0, 0, 0], pre: 0.1, peak: false },
    { recent: [0, 0.3, 0.2, 0.1], pre: 0.1, peak: false },
  ])('$recent from $pre: $peak', ({ recent, pre, peak }) => {
    expect(isPeak(recent, pre)).toBe(peak);
  });

  it('hears each peak once, three steps after it, counting steps before the first as 0', () => {
    const scores = [0.2, 0, 0, 0, 0, 0.05, 0.3, 0.1, 0.1, 0, 0, 0];
    expect(variantSteps(scores, 0.1)).toEqual([3, 9]);
    expect(variantSteps(scores, 0.25)).toEqual([9]);
  });

  it('detects on a slowed score at the threshold, outside the refractory period', () => {
    const scores = [0, 0.2, 0, 0, 0, 0, 0, 0, 0.3, 0, 0, 0, 0];
    const slowed = new Map([
      [4, 0.9],
      [11, 0.95],
    ]);
    const found = detectionsWithVariants(scores, SETTINGS, 0.1, (s) => slowed.get(s)!);
    // Step 11 ends 560 ms after the detection at step 4: refractory, not heard again.
    expect(found).toEqual([{ timestampMs: 400, score: 0.9, slowed: true }]);
    const plain = [0, 0.6, 0, 0, 0, 0, 0, 0];
    expect(detectionsWithVariants(plain, SETTINGS, 0.1, () => 1)).toEqual([
      { timestampMs: 160, score: expect.closeTo(0.6, 5), slowed: false },
    ]);
  });
});

describe('speed variants: the audio heard again', () => {
  it('keeps the last 2 s, silence before the first sample', () => {
    const ring = new AudioRing();
    ring.push(Int16Array.from([1, 2, 3]));
    const window = ring.window();
    expect(window).toHaveLength(VARIANT_WINDOW_SAMPLES);
    expect(Array.from(window.subarray(-4))).toEqual([0, 1, 2, 3]);
    ring.push(Int16Array.from({ length: VARIANT_WINDOW_SAMPLES + 5 }, (_, i) => i % 1000));
    expect(ring.window()[VARIANT_WINDOW_SAMPLES - 1]).toBe((VARIANT_WINDOW_SAMPLES + 4) % 1000);
    ring.reset();
    expect(ring.window().every((x) => x === 0)).toBe(true);
  });

  it("takes a clip's window ending at a step, silence before the clip", () => {
    const clip = Int16Array.from({ length: 40000 }, (_, i) => (i % 100) + 1);
    const early = windowOfClip(clip, 0);
    expect(early[VARIANT_WINDOW_SAMPLES - 1281]).toBe(0);
    expect(early[VARIANT_WINDOW_SAMPLES - 1280]).toBe(1);
    const late = windowOfClip(clip, 30);
    expect(late[VARIANT_WINDOW_SAMPLES - 1]).toBe(clip[31 * 1280 - 1]);
  });
});

describe('speed variants: the triggers of a stream', () => {
  const QUICK = { ...SETTINGS, refractoryMs: 500 };
  /** Drives `triggers` through `scores` (word 0), 1280 samples of value `step + 1` per step. */
  async function drive(triggers: VariantTriggers, scores: number[], slowed: (s: number) => number) {
    const heard: { step: number; last: number; before: number }[] = [];
    const found: { timestampMs: number; score: number; slowed: boolean }[] = [];
    for (const [step, score] of scores.entries()) {
      triggers.push(new Int16Array(1280).fill(step + 1));
      const rescore: Rescore = async (audio) => {
        const before = audio[audio.length - 1280 * (step + 1) - 1]!;
        heard.push({ step, last: audio[audio.length - 1]!, before });
        return { score: slowed(step), factor: 1.3, window: Float32Array.of(step) };
      };
      const out = await triggers.step(0, score, (step + 1) * 80, rescore);
      if (out.detected) {
        found.push({ timestampMs: (step + 1) * 80, score: out.score, slowed: !!out.window });
      }
    }
    return { heard, found };
  }

  it('detects as detectionsWithVariants does, hearing the audio up to the step again', async () => {
    const scores = [0, 0.2, 0, 0, 0, 0, 0, 0, 0.3, 0, 0, 0, 0, 0.6, 0.1, 0, 0, 0.15, 0, 0, 0];
    const slowed = (s: number) => (s === 4 ? 0.9 : s === 20 ? 0.7 : 0.2);
    const consulted: number[] = [];
    const expected = detectionsWithVariants(scores, QUICK, 0.1, (s) => {
      consulted.push(s);
      return slowed(s);
    });
    const triggers = new VariantTriggers([QUICK], { preThreshold: 0.1 });
    const { heard, found } = await drive(triggers, scores, slowed);
    expect(heard.map((h) => h.step)).toEqual([4, 11, 20]);
    expect(found).toEqual(expected.map((d) => ({ ...d, score: expect.closeTo(d.score, 5) })));
    expect(found.map((d) => d.slowed)).toEqual([true, false, true]);
    expect(heard.map((h) => h.step)).toEqual(consulted);
    expect(heard.every((h) => h.last === h.step + 1)).toBe(true);
  });

  it('never hears a step again without speed variants', async () => {
    const triggers = new VariantTriggers([SETTINGS]);
    const { heard, found } = await drive(triggers, [0, 0.3, 0, 0, 0, 0, 0.6, 0], () => 1);
    expect(heard).toEqual([]);
    expect(found).toEqual([{ timestampMs: 560, score: expect.closeTo(0.6, 5), slowed: false }]);
  });

  it('forgets the scores, the refractory period and the audio on reset', async () => {
    const triggers = new VariantTriggers([SETTINGS, SETTINGS], { preThreshold: 0.1 });
    await drive(triggers, [0, 0.3, 0.6], () => 0);
    triggers.reset();
    // A peak at step 0 after the reset is heard again 3 steps later, over silence before it.
    const { heard, found } = await drive(triggers, [0.3, 0, 0, 0, 0], () => 0.8);
    expect(heard).toEqual([{ step: 3, last: 4, before: 0 }]);
    expect(found).toEqual([{ timestampMs: 320, score: 0.8, slowed: true }]);
  });
});

describe('speed variants on hey_jarvis said fast (espeak-ng en-us at 1.5 times its speed)', () => {
  const models = resolveWakeWordModels({ names: ['hey_jarvis'], threshold: 0.5 });
  let plain: OpenWakeWord;
  let slowed: OpenWakeWord;
  let samples: Int16Array;

  beforeAll(async () => {
    plain = await OpenWakeWord.load({ models });
    slowed = await OpenWakeWord.load({ models, speedVariants: { preThreshold: 0.1 } });
    const said = await speak('hey jarvis', { engine: 'espeak-ng', name: 'en-us' }, 1.5);
    samples = samplesOf(joinPcm(silence(1000), said.audio, silence(1000)).audio);
  }, 60_000);

  afterAll(async () => {
    await plain.close();
    await slowed.close();
  });

  it('is missed as heard and found slowed down', async () => {
    plain.reset();
    expect(await plain.process(samples)).toEqual([]);
    slowed.reset();
    const found = await slowed.process(samples);
    expect(found).toHaveLength(1);
    expect(found[0]!.name).toBe('hey_jarvis');
    expect(found[0]!.score).toBeGreaterThan(0.5);
  }, 60_000);

  it('is found at the step and score the benchmark computes from the clip', async () => {
    const scores = (await plain.batchScores(samples))[0]!;
    const { features, classifiers } = await loadWakeModels({ models });
    try {
      const slowedAt = async (step: number) =>
        (await slowedScore(features, classifiers[0]!, windowOfClip(samples, step))).score;
      const steps = variantSteps(scores, 0.1);
      const computed = new Map<number, number>();
      for (const step of steps) computed.set(step, await slowedAt(step));
      const expected = detectionsWithVariants(scores, models[0]!, 0.1, (s) => computed.get(s)!);
      slowed.reset();
      const found = await slowed.process(samples);
      expect(found.map((d) => d.timestampMs)).toEqual(expected.map((d) => d.timestampMs));
      expect(found[0]!.score).toBeCloseTo(expected[0]!.score, 3);
    } finally {
      await releaseAll([features.melspectrogram, features.embedding, classifiers[0]!.session]);
    }
  }, 60_000);
});
