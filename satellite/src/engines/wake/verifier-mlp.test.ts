import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spokenAlone, type Voice } from '../../../../tests/helpers/speech.js';
import { colouredNoise, mixAt } from '../../audio/noise.js';
import { windowAt } from './batch.js';
import { resolveWakeWordModels } from './builtin-models.js';
import { hardWindows } from './hard-windows.js';
import { OpenWakeWord } from './openwakeword.js';
import { trainVerifier, Verifier } from './verifier.js';
import { trainMlpVerifier } from './verifier-mlp.js';

const TRAINING: Voice[] = [
  { engine: 'espeak-ng', name: 'en-us' },
  { engine: 'espeak-ng', name: 'en-gb-scotland+f2' },
  { engine: 'flite', name: 'kal16' },
];
const HELD_OUT: Voice = { engine: 'flite', name: 'slt' };
const NEAR_MISSES = ['hey travis', 'hey harvey', 'hey service', 'hey charles'];

const said = spokenAlone;

let detector: OpenWakeWord;
beforeAll(async () => {
  detector = await OpenWakeWord.load({ models: resolveWakeWordModels({ names: ['hey_jarvis'] }) });
});
afterAll(() => detector.close());

/** The windows the wake word model would hand a verifier (score 0.05 or more). */
async function hard(samples: Int16Array, from = 0.05) {
  return hardWindows(await detector.batchFeatures(samples), undefined, {
    model: 0,
    window: detector.windows[0]!,
    from,
  });
}

/** The verifier's probability at the clip's best-scoring step. */
async function atBest(verifier: Verifier, samples: Int16Array) {
  const features = await detector.batchFeatures(samples);
  const scores = features.scores[0]!;
  const best = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!)[0]!;
  return verifier.probability(windowAt(features, verifier.window, best));
}

describe('a verifier trained on hard windows of a corpus', () => {
  it('is the same for the same seed, and tells a new voice from its near miss', async () => {
    const positives: Float32Array[] = [];
    const negatives: Float32Array[] = [];
    for (const [v, voice] of TRAINING.entries()) {
      for (const speed of [0.9, 1, 1.2]) {
        const clip = await said('hey jarvis', voice, speed);
        const noisy = mixAt(clip, colouredNoise('pink', clip.length, v), 10);
        positives.push(...(await hard(clip)), ...(await hard(noisy)));
      }
      for (const text of NEAR_MISSES) negatives.push(...(await hard(await said(text, voice))));
      // Ordinary speech, every window of it.
      negatives.push(...(await hard(await said('the kettle is on the stove', voice), 0)));
    }
    expect(positives.length).toBeGreaterThan(20);
    expect(negatives.length).toBeGreaterThan(20);
    const options = { wakeWord: 'hey_jarvis', window: detector.windows[0]!, positives, negatives };

    const first = trainMlpVerifier({ ...options, seed: 7, epochs: 30 });
    const again = trainMlpVerifier({ ...options, seed: 7, epochs: 30 });
    expect(again.hidden).toEqual(first.hidden);
    expect(again.weights).toEqual(first.weights);
    expect(trainMlpVerifier({ ...options, seed: 8, epochs: 30 }).weights).not.toEqual(
      first.weights,
    );

    // A voice no window came from; hey_jarvis itself scores its "hey travis" 0.99.
    const wake = await said('hey jarvis', HELD_OUT, 1.1);
    const nearMiss = await said('hey travis', HELD_OUT, 1.1);
    for (const file of [first, trainVerifier(options)]) {
      const verifier = new Verifier(file);
      const kind = file.hidden ? 'mlp' : 'logistic';
      expect(await atBest(verifier, wake), kind).toBeGreaterThanOrEqual(0.5);
      expect(await atBest(verifier, nearMiss), kind).toBeLessThan(0.5);
    }
  }, 300_000);
});
