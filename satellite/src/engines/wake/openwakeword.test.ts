// The real models on speech made by espeak-ng and flite. Voices are named where a model
// fails on them (see the report in the benchmark): those cases are left out, not tuned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  joinPcm,
  samplesOf,
  silence,
  speak,
  TEST_VOICES,
  type Voice,
  withNoise,
} from '../../../../tests/helpers/speech.js';
import { resolveWakeWordModels } from './builtin-models.js';
import { OpenWakeWord } from './openwakeword.js';
import type { WakeDetection } from './wake-word.js';

const COMMAND = 'turn on the kitchen light';
const LEAD_MS = 1000;

function voice(name: string): Voice {
  const found = TEST_VOICES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no test voice ${name}`);
  return found;
}

/** First and last millisecond where the speech is louder than a whisper. */
function speechExtent(samples: Int16Array): { startMs: number; endMs: number } {
  let first = -1;
  let last = -1;
  samples.forEach((sample, i) => {
    if (Math.abs(sample) > 300) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return { startMs: first / 16, endMs: last / 16 };
}

/** 1 s of silence, `phrase`, 300 ms, the command, 1 s; with where the phrase is spoken. */
async function utterance(phrase: string, by: Voice, speed = 1) {
  const said = await speak(phrase, by, speed);
  const command = await speak(COMMAND, by, speed);
  const audio = joinPcm(silence(LEAD_MS), said.audio, silence(300), command.audio, silence(1000));
  const extent = speechExtent(samplesOf(said.audio));
  return {
    samples: samplesOf(audio.audio),
    audio: audio.audio,
    phraseStartMs: LEAD_MS + extent.startMs,
    phraseEndMs: LEAD_MS + extent.endMs,
  };
}

async function detect(detector: OpenWakeWord, samples: Int16Array): Promise<WakeDetection[]> {
  detector.reset();
  return detector.process(samples);
}

let detector: OpenWakeWord;
beforeAll(async () => {
  detector = await OpenWakeWord.load({
    models: resolveWakeWordModels({ names: ['hey_jarvis', 'alexa'] }),
  });
});
afterAll(() => detector.close());

describe('OpenWakeWord on speech', () => {
  it.each(TEST_VOICES.map((by) => [by.name, by]))(
    'hears "hey jarvis" said by %s, at the end of the phrase',
    async (_, by) => {
      const { samples, phraseEndMs } = await utterance('hey jarvis', by);
      const detections = await detect(detector, samples);
      expect(detections).toHaveLength(1);
      const [detection] = detections;
      expect(detection!.name).toBe('hey_jarvis');
      expect(detection!.score).toBeGreaterThanOrEqual(0.5);
      expect(detection!.timestampMs).toBeGreaterThanOrEqual(phraseEndMs - 300);
      expect(detection!.timestampMs).toBeLessThanOrEqual(phraseEndMs + 500);
    },
  );

  // At 1.3x, en-gb+m3 (best score 0.24) and flite awb (0.05) are missed.
  it.each(['en-us', 'en-gb-scotland+f2', 'en-029+m2', 'rms', 'kal16'])(
    'hears a fast "hey jarvis" by %s, and one in noise at 10 dB SNR',
    async (name) => {
      const fast = await utterance('hey jarvis', voice(name), 1.3);
      expect((await detect(detector, fast.samples)).map((d) => d.name)).toEqual(['hey_jarvis']);
      const clean = await utterance('hey jarvis', voice(name));
      const noisy = samplesOf(withNoise(clean.audio, 10, 7));
      expect((await detect(detector, noisy)).map((d) => d.name)).toEqual(['hey_jarvis']);
    },
  );

  // en-029+m2's "alexa" scores 0.02 on the alexa model.
  it.each(['en-us', 'en-gb+m3', 'slt', 'rms', 'kal16'])(
    'hears "alexa" by %s with the alexa model only',
    async (name) => {
      const { samples, phraseEndMs } = await utterance('alexa', voice(name));
      const detections = await detect(detector, samples);
      expect(detections.map((d) => d.name)).toEqual(['alexa']);
      expect(detections[0]!.timestampMs).toBeLessThanOrEqual(phraseEndMs + 500);
    },
  );

  // "hey travis" reaches hey_jarvis's default threshold with en-gb+m3 (0.71),
  // en-gb-scotland+f2 (0.88), flite slt (0.99), awb (0.96) and kal16 (0.50).
  it.each(['en-us', 'en-029+m2', 'rms'])(
    'does not take "hey travis" by %s for hey jarvis',
    async (name) => {
      const { samples } = await utterance('hey travis', voice(name));
      expect(await detect(detector, samples)).toEqual([]);
    },
  );

  it.each(TEST_VOICES.map((by) => [by.name, by]))(
    'does not hear a wake word in unrelated speech and near misses by %s',
    async (_, by) => {
      for (const phrase of ['service', 'what time is it', 'set a timer for ten minutes']) {
        const { samples } = await utterance(phrase, by);
        expect(await detect(detector, samples), phrase).toEqual([]);
      }
    },
  );
});

describe('OpenWakeWord settings', () => {
  /** "hey jarvis", 300 ms of silence, "hey jarvis" again: about 1.5 s apart. */
  async function twice(): Promise<Int16Array> {
    const said = await speak('hey jarvis', voice('en-us'));
    return samplesOf(
      joinPcm(silence(LEAD_MS), said.audio, silence(300), said.audio, silence(1000)).audio,
    );
  }

  it('ignores a wake word inside the refractory period', async () => {
    const samples = await twice();
    expect(await detect(detector, samples)).toHaveLength(1);
    const eager = await OpenWakeWord.load({
      models: resolveWakeWordModels({ names: [], refractoryMs: 1000 }),
    });
    try {
      const detections = await detect(eager, samples);
      expect(detections).toHaveLength(2);
      const gap = detections[1]!.timestampMs - detections[0]!.timestampMs;
      const phraseMs = (await speak('hey jarvis', voice('en-us'))).audio.length / 32;
      expect(Math.abs(gap - (phraseMs + 300))).toBeLessThanOrEqual(160);
    } finally {
      await eager.close();
    }
  });

  it('needs trigger-level activated steps in a row', async () => {
    const { samples } = await utterance('hey jarvis', voice('en-us'));
    const steps: { timestampMs: number; score: number }[] = [];
    detector.reset();
    const unsubscribe = detector.onScores(({ timestampMs, scores }) => {
      steps.push({ timestampMs, score: scores[0]! });
    });
    await detector.process(samples);
    unsubscribe();
    // The longest run of activated steps, and the end of its last step.
    let run = 0;
    let longest = { length: 0, endMs: 0 };
    for (const { timestampMs, score } of steps) {
      run = score >= 0.5 ? run + 1 : 0;
      if (run > longest.length) longest = { length: run, endMs: timestampMs };
    }
    expect(longest.length).toBeGreaterThanOrEqual(3);
    for (const [triggerLevel, expected] of [
      [longest.length, [longest.endMs]],
      [longest.length + 1, []],
    ] as const) {
      const strict = await OpenWakeWord.load({
        models: resolveWakeWordModels({ names: [], triggerLevel }),
      });
      const detections = await detect(strict, samples);
      await strict.close();
      expect(
        detections.map((d) => d.timestampMs),
        `trigger level ${triggerLevel}`,
      ).toEqual(expected);
    }
  });

  it('starts over after reset, and runs overlapping calls in order', async () => {
    const { samples } = await utterance('hey jarvis', voice('rms'));
    const whole = await detect(detector, samples);
    expect(whole).toHaveLength(1);
    await detector.process(samples.subarray(0, 20_000));
    detector.reset();
    const parts = [
      samples.subarray(0, 999),
      samples.subarray(999, 30_001),
      samples.subarray(30_001),
    ];
    const results = await Promise.all(parts.map((part) => detector.process(part)));
    expect(results.flat()).toEqual(whole);
  });
});
