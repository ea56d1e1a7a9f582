import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spokenAlone, type Voice } from '../../../../tests/helpers/speech.js';
import { babble, colouredNoise, mixAt } from '../../audio/noise.js';
import { windowAt } from './batch.js';
import { resolveWakeWordModels } from './builtin-models.js';
import { enrol } from './enrol.js';
import { ENROLL_SENTENCES } from './enroll-prompts.js';
import { OpenWakeWord } from './openwakeword.js';
import { Verifier } from './verifier.js';

const HOUSEHOLD: Voice = { engine: 'espeak-ng', name: 'en-us+f3' };
const NEIGHBOURS: Voice[] = [
  { engine: 'espeak-ng', name: 'en-gb+m3' },
  { engine: 'flite', name: 'kal16' },
  { engine: 'espeak-ng', name: 'en-029+m2' },
];

const said = spokenAlone;

let detector: OpenWakeWord;
beforeAll(async () => {
  detector = await OpenWakeWord.load({ models: resolveWakeWordModels({ names: ['hey_jarvis'] }) });
});
afterAll(() => detector.close());

describe('enrolment', () => {
  it('trains a verifier that keeps confirming the household in noise and babble', async () => {
    const source = {
      features: (samples: Int16Array) => detector.batchFeatures(samples),
      model: 0,
      window: detector.windows[0]!,
    };
    const positives = [];
    for (const speed of [0.9, 1, 1.15]) positives.push(await said('hey jarvis', HOUSEHOLD, speed));
    const negatives = [];
    for (const sentence of ENROLL_SENTENCES.slice(0, 5)) {
      negatives.push(await said(sentence, HOUSEHOLD));
    }
    const { verifier: file, bestScores } = await enrol(source, 'hey_jarvis', {
      positives,
      negatives,
    });
    // Every clip and its 7 noisy copies, 3 windows each; each sentence and 3 copies.
    expect(file.trained.positives).toBe(3 * 8 * 3);
    expect(bestScores).toHaveLength(3);
    const verifier = new Verifier(file);

    // The wake word said at another speed, in noise no enrolment clip had: other voices talking
    // at 3 dB (trained on the clean clips alone, this verifier gave it 0.47 and refused it).
    const clip = await said('hey jarvis', HOUSEHOLD, 1.05);
    const talkers = await Promise.all(NEIGHBOURS.map((v) => said(ENROLL_SENTENCES[7]!, v)));
    const probabilityAtBest = async (samples: Int16Array) => {
      const features = await detector.batchFeatures(samples);
      const scores = features.scores[0]!;
      const best = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!)[0]!;
      return verifier.probability(windowAt(features, verifier.window, best));
    };
    const heard = {
      clean: await probabilityAtBest(clip),
      brown5: await probabilityAtBest(mixAt(clip, colouredNoise('brown', clip.length, 99), 5)),
      babble3: await probabilityAtBest(mixAt(clip, babble(talkers, 42), 3)),
    };
    for (const [condition, probability] of Object.entries(heard)) {
      expect(probability, condition).toBeGreaterThanOrEqual(file.threshold);
    }
    // Other speech in the same noise is still refused.
    const other = await said(ENROLL_SENTENCES[10]!, HOUSEHOLD);
    expect(await probabilityAtBest(mixAt(other, babble(talkers, 42), 5))).toBeLessThan(
      file.threshold,
    );
  }, 300_000);
});
