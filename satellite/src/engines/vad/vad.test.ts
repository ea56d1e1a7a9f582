// The contract every VoiceActivityDetector keeps, run against each implementation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinPcm, samplesOf, silence, speak } from '../../../../tests/helpers/speech.js';
import { SileroVad } from './silero-vad.js';
import { VAD_FRAME_SAMPLES, type VoiceActivityDetector } from './vad.js';

const implementations: { name: string; load: () => Promise<VoiceActivityDetector> }[] = [
  { name: 'SileroVad', load: () => SileroVad.load() },
];

/** Whole frames of 16 kHz PCM as floats in [-1, 1). */
function framesOf(audio: Uint8Array, frameSamples: number): Float32Array[] {
  const samples = samplesOf(audio);
  const frames: Float32Array[] = [];
  for (let start = 0; start + frameSamples <= samples.length; start += frameSamples) {
    frames.push(Float32Array.from(samples.subarray(start, start + frameSamples), (s) => s / 32768));
  }
  return frames;
}

async function probabilities(vad: VoiceActivityDetector, audio: Uint8Array): Promise<number[]> {
  const result: number[] = [];
  for (const frame of framesOf(audio, vad.frameSamples)) result.push(await vad.process(frame));
  return result;
}

describe.each(implementations)('VoiceActivityDetector contract: $name', ({ load }) => {
  let vad: VoiceActivityDetector;
  let speech: Uint8Array;

  beforeAll(async () => {
    vad = await load();
    speech = joinPcm(
      silence(300),
      (await speak('Turn on the kitchen lights, please.')).audio,
      silence(300),
    ).audio;
  });
  afterAll(() => vad.close());

  it('takes 512-sample frames', () => {
    expect(vad.frameSamples).toBe(VAD_FRAME_SAMPLES);
  });

  it('gives low probabilities for silence', async () => {
    vad.reset();
    const probs = await probabilities(vad, silence(3000));
    expect(probs).toHaveLength(93);
    expect(Math.max(...probs)).toBeLessThan(0.1);
  });

  it('gives high probabilities for speech, all within [0, 1]', async () => {
    vad.reset();
    const probs = await probabilities(vad, speech);
    for (const p of probs) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(Math.max(...probs)).toBeGreaterThan(0.9);
    expect(probs.filter((p) => p > 0.5).length).toBeGreaterThan(probs.length / 2);
  });

  it('gives the same probabilities for the same audio after reset()', async () => {
    vad.reset();
    const first = await probabilities(vad, speech);
    vad.reset();
    const second = await probabilities(vad, speech);
    expect(second).toEqual(first);
  });

  it('closes twice without complaint', async () => {
    const other = await load();
    await other.close();
    await expect(other.close()).resolves.toBeUndefined();
  });
});
