import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinPcm, samplesOf, silence, speak } from '../../../../tests/helpers/speech.js';
import { resolveWakeWordModels } from './builtin-models.js';
import { OpenWakeWord } from './openwakeword.js';
import { WakeWordStreams } from './wake-streams.js';
import type { WakeDetection, WakeWordModel } from './wake-word.js';

// Every step "detects" at this threshold, so detections carry every step's score.
const everyStep = (models: WakeWordModel[]) =>
  models.map((model) => ({ ...model, threshold: 1e-9, refractoryMs: 0, triggerLevel: 1 }));

/** Feeds `samples` in pieces of `piece` samples and collects everything detected. */
async function streamAlone(detector: OpenWakeWord, samples: Int16Array, piece: number) {
  const found: WakeDetection[] = [];
  for (let offset = 0; offset < samples.length; offset += piece) {
    found.push(...(await detector.process(samples.subarray(offset, offset + piece))));
  }
  return found;
}

describe('WakeWordStreams: many streams, batched embeddings', () => {
  let clips: Int16Array[];
  beforeAll(async () => {
    const loud = samplesOf(
      joinPcm(silence(400), (await speak('hey jarvis')).audio, silence(600)).audio,
    );
    const quiet = loud.map((sample) => Math.round(sample / 40));
    const other = samplesOf(joinPcm((await speak('alexa')).audio, silence(300)).audio);
    clips = [loud, Int16Array.from(quiet), other];
  });
  const streams: WakeWordStreams[] = [];
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
  });

  it('gives every stream the scores it would get alone, whatever the chunking', async () => {
    const models = everyStep(resolveWakeWordModels({ names: ['hey_jarvis', 'alexa'] }));
    const batch = await WakeWordStreams.load({ models });
    streams.push(batch);
    const ids = clips.map(() => batch.open());
    const found = new Map<number, WakeDetection[]>(ids.map((id) => [id, []]));
    const pieces = [1024, 333, 2560];
    const longest = Math.max(...clips.map((clip) => clip.length));
    for (let offset = 0; offset < longest; offset += 2560) {
      clips.forEach((clip, i) => {
        for (let at = offset; at < Math.min(offset + 2560, clip.length); at += pieces[i]!) {
          batch.push(ids[i]!, clip.subarray(at, Math.min(at + pieces[i]!, offset + 2560)));
        }
      });
      for (const [id, detections] of await batch.run()) found.get(id)!.push(...detections);
    }
    for (const [i, clip] of clips.entries()) {
      const alone = await OpenWakeWord.load({ models });
      const expected = await streamAlone(alone, clip, 1280);
      await alone.close();
      const got = found.get(ids[i]!)!;
      expect(got.length).toBe(expected.length);
      // Every step scores (a score of exactly 0 stays under any threshold).
      expect(got.length).toBeGreaterThan(Math.floor(clip.length / 1280) * models.length * 0.9);
      got.forEach((detection, k) => {
        expect(detection.name).toBe(expected[k]!.name);
        expect(detection.timestampMs).toBe(expected[k]!.timestampMs);
        expect(detection.score).toBeCloseTo(expected[k]!.score, 5);
      });
    }
  });

  it('hears the wake word in the stream that has it and nowhere else', async () => {
    const batch = await WakeWordStreams.load({
      models: resolveWakeWordModels({ names: ['hey_jarvis'] }),
    });
    streams.push(batch);
    const heard = batch.open();
    const silent = batch.open();
    batch.push(heard, clips[0]!);
    batch.push(silent, new Int16Array(clips[0]!.length));
    const found = await batch.run();
    expect(found.get(heard)?.map((d) => d.name)).toEqual(['hey_jarvis']);
    expect(found.has(silent)).toBe(false);
    batch.reset(heard);
    batch.push(heard, clips[0]!.subarray(0, 8000));
    await batch.run();
    batch.closeStream(silent);
    expect(batch.size).toBe(1);
    expect(() => batch.push(silent, new Int16Array(10))).toThrow(/no wake word stream/);
  });

  it('keeps audio that does not complete a step for the next run', async () => {
    const batch = await WakeWordStreams.load({
      models: everyStep(resolveWakeWordModels({ names: ['hey_jarvis'] })),
    });
    streams.push(batch);
    const id = batch.open();
    batch.push(id, new Int16Array(1279));
    expect((await batch.run()).size).toBe(0);
    batch.push(id, new Int16Array(1));
    expect((await batch.run()).get(id)).toHaveLength(1);
  });
});

describe('WakeWordStreams with speed variants (hey_jarvis said fast)', () => {
  const models = resolveWakeWordModels({ names: ['hey_jarvis'], threshold: 0.5 });
  const speedVariants = { preThreshold: 0.1 };
  let fast: Int16Array;
  beforeAll(async () => {
    const said = await speak('hey jarvis', { engine: 'espeak-ng', name: 'en-us' }, 1.5);
    fast = samplesOf(joinPcm(silence(1000), said.audio, silence(1000)).audio);
  }, 60_000);

  it('finds it slowed down where the plain streams miss it, as OpenWakeWord does', async () => {
    const plain = await WakeWordStreams.load({ models });
    const slowed = await WakeWordStreams.load({ models, speedVariants });
    const alone = await OpenWakeWord.load({ models, speedVariants });
    try {
      const missed = plain.open();
      plain.push(missed, fast);
      expect((await plain.run()).has(missed)).toBe(false);
      const expected = await streamAlone(alone, fast, 1280);
      expect(expected).toHaveLength(1);
      const [heard, silent] = [slowed.open(), slowed.open()];
      for (let at = 0; at < fast.length; at += 700) {
        slowed.push(heard, fast.subarray(at, at + 700));
        slowed.push(silent, new Int16Array(Math.min(700, fast.length - at)));
      }
      const found = await slowed.run();
      expect(found.has(silent)).toBe(false);
      const got = found.get(heard)!;
      expect(got.map((d) => [d.name, d.timestampMs])).toEqual([
        ['hey_jarvis', expected[0]!.timestampMs],
      ]);
      expect(got[0]!.score).toBeGreaterThan(0.5);
      expect(got[0]!.score).toBeCloseTo(expected[0]!.score, 3);
    } finally {
      await Promise.all([plain.close(), slowed.close(), alone.close()]);
    }
  }, 60_000);

  it('refuses a pre-threshold outside (0, 1], naming it', async () => {
    await expect(
      WakeWordStreams.load({ models, speedVariants: { preThreshold: 1.5 } }),
    ).rejects.toThrow(/speedVariants.preThreshold/);
  });
});
