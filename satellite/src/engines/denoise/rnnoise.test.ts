import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplesOf, speak, withNoise } from '../../../../tests/helpers/speech.js';
import { EngineError } from '../../errors.js';
import { RnnoiseDenoiser } from './rnnoise.js';

const power = (samples: Int16Array, from = 0, to = samples.length) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!;
  return sum / Math.max(1, to - from);
};
const db = (ratio: number) => 10 * Math.log10(ratio);

let denoiser: RnnoiseDenoiser;
beforeAll(async () => {
  denoiser = await RnnoiseDenoiser.load();
});
afterAll(() => denoiser.close());

describe('RNNoise denoiser', () => {
  it('gives as many samples as it gets, in any chunk sizes, the same as in one go', async () => {
    const speech = samplesOf((await speak('hey jarvis, turn on the light')).audio);
    denoiser.reset();
    const whole = denoiser.process(speech);
    expect(whole.length).toBe(speech.length);
    denoiser.reset();
    const pieces: Int16Array[] = [];
    for (let i = 0; i < speech.length; i += 1000)
      pieces.push(denoiser.process(speech.subarray(i, i + 1000)));
    const joined = new Int16Array(speech.length);
    let at = 0;
    for (const piece of pieces) {
      joined.set(piece, at);
      at += piece.length;
    }
    expect(joined).toEqual(whole);
  });

  it('keeps speech, 10 ms late, and takes most of the white noise out of the pauses', async () => {
    const speech = (await speak('hey jarvis, what time is it')).audio;
    const pause = new Uint8Array(16000 * 2 * 5);
    const clip = new Uint8Array(pause.length + speech.length);
    clip.set(pause);
    clip.set(speech, pause.length);
    const noisy = samplesOf(withNoise(clip, 10, 3));
    denoiser.reset();
    const clean = denoiser.process(noisy);
    // The first 10 ms is the delay (silence); once RNNoise has learnt the noise (a few
    // seconds), the pause's noise drops by more than 6 dB.
    expect(Array.from(clean.subarray(0, 160)).every((s) => s === 0)).toBe(true);
    const noiseBefore = power(noisy, 48000, 80000);
    const noiseAfter = power(clean, 48160, 80160);
    expect(db(noiseBefore / noiseAfter)).toBeGreaterThan(6);
    // The speech keeps most of its energy.
    const speechBefore = power(samplesOf(clip), 80000);
    const speechAfter = power(clean, 80160);
    expect(db(speechBefore / speechAfter)).toBeLessThan(6);
  });

  it('refuses audio once closed', async () => {
    const other = await RnnoiseDenoiser.load();
    other.close();
    expect(() => other.process(new Int16Array(480))).toThrow(EngineError);
  });
});
