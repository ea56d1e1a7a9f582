import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { colouredNoise } from '../src/audio/noise.js';
import { conditioned, TRAINING_CONDITIONS } from './wake-training-corpus.js';
import { reverberant, soxed, TRAINING_VOICES, trainingSpeech } from './wake-training-voices.js';
import { BENCH_VOICES } from './wake-voices.js';

const hash = (samples: Int16Array) =>
  createHash('sha1').update(new Uint8Array(samples.buffer)).digest('hex');

describe('training-only voices', () => {
  it('are never a held-out voice, its variant or a copy of one', () => {
    const heldOut = BENCH_VOICES.filter((v) => v.split === 'held-out');
    const variants = heldOut.map((v) => v.name.split('+')[1]).filter(Boolean);
    for (const t of TRAINING_VOICES) {
      expect(heldOut.map((v) => v.name)).not.toContain(t.voice.name);
      expect(variants).not.toContain(t.voice.name.split('+')[1]);
      if (t.from) expect(BENCH_VOICES.find((v) => v.id === t.from)?.split).toBe('calibration');
    }
  });

  it('shift the same speech to the same samples every time', async () => {
    const copies = TRAINING_VOICES.filter((t) => t.sox);
    expect(copies.length).toBeGreaterThan(0);
    for (const voice of copies.slice(0, 3)) {
      const first = await trainingSpeech('hey jarvis', voice, 1);
      const again = await trainingSpeech('hey jarvis', voice, 1);
      expect(hash(again)).toBe(hash(first));
    }
    const tone = Int16Array.from({ length: 16000 }, (_, i) => Math.round(8000 * Math.sin(i / 5)));
    const up = await soxed(tone, ['pitch', '300']);
    expect(hash(await soxed(tone, ['pitch', '300']))).toBe(hash(up));
    expect(hash(up)).not.toBe(hash(tone));
  });

  it('make every condition of a clip the same way twice, reverb at the same length', async () => {
    const clean = await trainingSpeech('hey jarvis', TRAINING_VOICES[0]!, 1);
    const talkers = [0, 1, 2, 3, 4].map((k) =>
      Int16Array.from(colouredNoise('pink', 32000, k + 1), (x) => Math.round(x * 3000)),
    );
    for (const condition of TRAINING_CONDITIONS) {
      const first = await conditioned(clean, condition, 7, 2, talkers);
      const again = await conditioned(clean, condition, 7, 2, talkers);
      expect(first.samples.length).toBe(clean.length);
      expect(hash(again.samples)).toBe(hash(first.samples));
      if (condition !== 'clean') expect(hash(first.samples)).not.toBe(hash(clean));
    }
    expect((await reverberant(clean)).length).toBe(clean.length);
  });
});
