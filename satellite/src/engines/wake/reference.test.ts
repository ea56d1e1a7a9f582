// Against the Python reference: testdata/hey-jarvis-alexa.scores.json holds openWakeWord's own
// streaming scores for testdata/hey-jarvis-alexa.wav (made by testdata/make_reference_scores.py).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolveWakeWordModels } from './builtin-models.js';
import { detectFile, readWavAs16k } from './detect-file.js';
import { OpenWakeWord } from './openwakeword.js';

const wav = new URL('testdata/hey-jarvis-alexa.wav', import.meta.url).pathname;
const reference = JSON.parse(
  readFileSync(new URL('testdata/hey-jarvis-alexa.scores.json', import.meta.url), 'utf8'),
) as { padding_s: number; scores: Record<string, number[]> };

/**
 * openWakeWord starts its buffers with 76 mel frames of ones and 4 s of embeddings of random
 * noise (and zeroes its first 5 scores), where a stream here starts after silence: a score
 * depends on the last 16 embeddings, each on the last 76 mel frames (10 steps), so from step 26
 * on neither start is left in it.
 */
const FIRST_COMPARABLE_STEP = 26;

let detector: OpenWakeWord;
beforeAll(async () => {
  const models = resolveWakeWordModels({ names: ['hey_jarvis', 'alexa'] });
  detector = await OpenWakeWord.load({ models });
});
afterAll(() => detector.close());

it('scores as the Python openWakeWord does', async () => {
  // `predict_clip` pads the clip with 1 s of silence at both ends.
  const padding = new Int16Array(16000 * reference.padding_s);
  const clip = await readWavAs16k(wav);
  const samples = new Int16Array(clip.length + 2 * padding.length);
  samples.set(clip, padding.length);
  const ours = await detector.batchScores(samples);
  for (const [m, model] of detector.models.entries()) {
    const theirs = reference.scores[model.name]!;
    expect(Math.max(...theirs)).toBeGreaterThan(0.7);
    const compared = Math.min(theirs.length, ours[m]!.length);
    expect(compared).toBeGreaterThan(FIRST_COMPARABLE_STEP + 30);
    for (let step = FIRST_COMPARABLE_STEP; step < compared; step++) {
      expect(Math.abs(ours[m]![step]! - theirs[step]!), `${model.name} step ${step}`).toBeLessThan(
        1e-4,
      );
    }
  }
});

it('detects both wake words in the reference clip', async () => {
  const { detections } = await detectFile(wav, detector);
  expect(detections.map((d) => d.name)).toEqual(['hey_jarvis', 'alexa']);
});
