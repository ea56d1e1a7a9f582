import { describe, expect, it } from 'vitest';
import { samplesOf, speak, TEST_VOICES, withNoise } from './speech.js';

describe('test speech', () => {
  it.each(TEST_VOICES.map((v) => [`${v.engine} ${v.name}`, v] as const))(
    '%s speaks 16 kHz PCM',
    async (_name, voice) => {
      const pcm = await speak('hey jarvis', voice);
      const seconds = pcm.audio.length / 2 / 16000;
      expect(seconds).toBeGreaterThan(0.3);
      expect(seconds).toBeLessThan(3);
      const peak = samplesOf(pcm.audio).reduce((max, s) => Math.max(max, Math.abs(s)), 0);
      expect(peak).toBeGreaterThan(1000);
    },
  );

  it('speaks faster when asked', async () => {
    const normal = await speak('turn on the kitchen light', TEST_VOICES[0], 1);
    const fast = await speak('turn on the kitchen light', TEST_VOICES[0], 1.4);
    expect(fast.audio.length).toBeLessThan(normal.audio.length * 0.85);
  });

  it('mixes noise at the requested SNR', async () => {
    const clean = await speak('hello', TEST_VOICES[0]);
    const noisy = withNoise(clean.audio, 10);
    const a = samplesOf(clean.audio);
    const b = samplesOf(noisy);
    let signal = 0;
    let noise = 0;
    for (let i = 0; i < a.length; i++) {
      signal += a[i]! ** 2;
      noise += (b[i]! - a[i]!) ** 2;
    }
    expect(10 * Math.log10(signal / noise)).toBeCloseTo(10, 0);
  });
});
