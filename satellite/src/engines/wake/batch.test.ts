import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  joinPcm,
  samplesOf,
  silence,
  speak,
  TEST_VOICES,
  withNoise,
} from '../../../../tests/helpers/speech.js';
import { builtinModelDir, resolveWakeWordModels } from './builtin-models.js';
import { OpenWakeWord } from './openwakeword.js';

let detector: OpenWakeWord;
beforeAll(async () => {
  const names = ['hey_jarvis', 'alexa', 'hey_mycroft', 'hey_rhasspy'];
  detector = await OpenWakeWord.load({ models: resolveWakeWordModels({ names }) });
});
afterAll(() => detector.close());

/** Deterministic chunk sizes from 1 to 4,000 samples. */
function* chunkSizes(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield 1 + (state % 4000);
  }
}

/** Streams `samples` after a reset in random chunks; one score array per model. */
async function streamScores(samples: Int16Array, seed: number): Promise<Float32Array[]> {
  const steps: Float32Array[] = [];
  detector.reset();
  const unsubscribe = detector.onScores(({ scores }) => steps.push(scores));
  const sizes = chunkSizes(seed);
  for (let start = 0; start < samples.length;) {
    const size = sizes.next().value as number;
    await detector.process(samples.subarray(start, start + size));
    start += size;
  }
  unsubscribe();
  return detector.models.map((_, m) => Float32Array.from(steps, (scores) => scores[m]!));
}

async function clip(noisy: boolean): Promise<Int16Array> {
  const voice = TEST_VOICES[2]!;
  const wake = await speak('hey jarvis', voice);
  const alexa = await speak('alexa', voice);
  const command = await speak('turn on the kitchen light', voice);
  // Not a whole number of steps: the tail waits in the stream and is left out of the batch.
  const audio = joinPcm(
    silence(700),
    wake.audio,
    command.audio,
    silence(900),
    alexa.audio,
    silence(1234),
  ).audio;
  return samplesOf(noisy ? withNoise(audio, 10, 3) : audio);
}

describe('batchScores', () => {
  // Digital silence next to speech is where the melspectrogram's 80 dB floor differs between a
  // step and the whole clip (see batch.ts): many steps of the clean clip, only the first step
  // of the noisy one (its context is the silence a stream starts with).
  it.each([
    ['clean speech with digital silence', false, 11],
    ['speech in noise at 10 dB SNR', true, 12],
  ])('equals the streamed scores for %s, in random chunk sizes', async (_, noisy, seed) => {
    const samples = await clip(noisy);
    const batch = await detector.batchScores(samples);
    const streamed = await streamScores(samples, seed);
    const steps = Math.floor(samples.length / 1280);
    expect(batch.map((scores) => scores.length)).toEqual([steps, steps, steps, steps]);
    expect(streamed.map((scores) => scores.length)).toEqual([steps, steps, steps, steps]);
    let largest = 0;
    batch.forEach((scores, m) => {
      scores.forEach((score, i) => {
        largest = Math.max(largest, Math.abs(score - streamed[m]![i]!));
      });
    });
    expect(largest).toBeLessThan(1e-4);
    // Something worth comparing: both wake words are in there.
    expect(Math.max(...batch[0]!)).toBeGreaterThan(0.5);
    expect(Math.max(...batch[1]!)).toBeGreaterThan(0.5);
  });

  it('equals the streamed scores for classifiers of different window lengths', async () => {
    // The package's weather model reads 22 embeddings, the wake words 16.
    const models = resolveWakeWordModels({
      names: ['weather', 'hey_jarvis'],
      modelDir: builtinModelDir(),
    });
    const mixed = await OpenWakeWord.load({ models });
    try {
      const samples = await clip(false);
      const batch = await mixed.batchScores(samples);
      const streamed: Float32Array[] = [];
      const unsubscribe = mixed.onScores(({ scores }) => streamed.push(scores));
      await mixed.process(samples);
      unsubscribe();
      for (const [m, scores] of batch.entries()) {
        scores.forEach((score, i) => expect(Math.abs(score - streamed[i]![m]!)).toBeLessThan(1e-4));
      }
      const alone = await detector.batchScores(samples);
      expect(
        Math.max(...batch[1]!.map((score, i) => Math.abs(score - alone[0]![i]!))),
      ).toBeLessThan(1e-4);
    } finally {
      await mixed.close();
    }
  });

  it('gives no scores for less than one step, and leaves the stream alone', async () => {
    expect(await detector.batchScores(new Int16Array(1279))).toEqual(
      detector.models.map(() => new Float32Array(0)),
    );
    const samples = await clip(true);
    detector.reset();
    const first = await detector.process(samples.subarray(0, 30_000));
    await detector.batchScores(samples);
    const rest = await detector.process(samples.subarray(30_000));
    expect([...first, ...rest].map((d) => d.name)).toEqual(['hey_jarvis', 'alexa']);
  });
});
