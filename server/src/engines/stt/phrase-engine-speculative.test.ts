// A speculative transcription's decode reused by the whole command's, on real speech (flite),
// real pocketsphinx and the real Silero VAD: the second opinion is a counting fake, which
// counts the decodes. The pause after the command is room noise, found by the turn's VAD (Silero,
// streamed in 32 ms chunks), so the speculative audio (the pause lengthened with its quietest
// frame, as a turn does) differs from the real pause.
import { SileroVad, VadStream } from '@jarvis/satellite/engines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_VOICE, joinPcm, speak, trimmed } from '../../../../tests/helpers/speech.js';
import { lengthenPause } from '../../pipeline/endpointing.js';
import type { MoonshineDecode } from './moonshine.js';
import { PhraseEngine } from './phrase-engine.js';
import { sameSpeech } from './speculative-decodes.js';

const SENTENCES = ['turn on the kitchen light', 'turn off the kitchen light', 'what time is it'];

/** Faint room noise (about -50 dBFS), the same for the same `seed`. */
function noise(ms: number, seed: number): Uint8Array {
  const samples = new Int16Array(Math.round(ms * 16));
  let state = seed;
  for (let i = 0; i < samples.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    samples[i] = ((state >>> 16) % 201) - 100;
  }
  return new Uint8Array(samples.buffer);
}

/** A recogniser that decodes nothing but counts how often it is asked to. */
function countingRecognizer() {
  const recognizer = {
    model: 'counting',
    decodes: 0,
    async decode(): Promise<MoonshineDecode> {
      recognizer.decodes++;
      return { text: 'tell me a joke', logProbs: [-0.1, -0.2], ended: true };
    },
    async transcribe() {
      return (await recognizer.decode()).text;
    },
  };
  return recognizer;
}

/**
 * `said` after 300 ms of room noise, then `pauseMs` of it, and `more` if given; and the audio a
 * turn transcribes speculatively `afterMs` into the pause its VAD reports: what had arrived, the
 * pause lengthened to 300 ms if shorter (as a turn does).
 */
async function command(said: string, pauseMs: number, afterMs: number, more?: Uint8Array) {
  const speech = trimmed((await speak(said, COMMAND_VOICE)).audio);
  const parts = [noise(300, 1), speech, noise(pauseMs, 2), ...(more ? [more, noise(800, 3)] : [])];
  const whole = joinPcm(...parts).audio;
  const vad = new VadStream({ detector: await SileroVad.load(), pauseMarksMs: [0, 300] });
  try {
    for (let at = 0; at < whole.byteLength; at += 1024) {
      const { events } = await vad.process(whole.subarray(at, at + 1024));
      const pause = events.find((event) => event.type === 'speech-paused');
      if (!pause) continue;
      const soFar = whole.subarray(0, at + 1024 + afterMs * 32);
      return { whole, speculative: lengthenPause(soFar, pause.timestampMs, 300) };
    }
    throw new Error('the VAD heard no pause');
  } finally {
    await vad.close();
  }
}

describe('PhraseEngine: a speculative decode reused', () => {
  let engine: PhraseEngine;
  const recognizer = countingRecognizer();

  beforeAll(async () => {
    engine = new PhraseEngine({ secondOpinion: { recognizer } });
    await engine.setSentences(SENTENCES);
  }, 60_000);
  afterAll(() => engine.close());

  it('takes the speculative decode when its audio held the whole speech, pad included', async () => {
    for (const said of ['tell me a joke', 'turn on the kitchen light']) {
      const { whole, speculative } = await command(said, 1200, 400);
      const before = recognizer.decodes;
      const early = await engine.recognize({ audio: speculative, speculative: true });
      const late = await engine.recognize({ audio: whole });
      expect(recognizer.decodes - before).toBe(1);
      const { heard, ...result } = late;
      const { heard: earlyHeard, ...earlyResult } = early;
      expect(result).toEqual(earlyResult);
      expect(heard).toMatchObject({ audioBytes: whole.byteLength, trimming: 'silero' });
      expect(heard?.speech).toEqual(earlyHeard?.speech);
      expect(heard?.decoded).toMatchObject({ model: 'counting', text: 'tell me a joke' });
    }
  }, 180_000);

  it('decodes again when the speculative audio lengthened the pause (the pad is not the same)', async () => {
    const { whole, speculative } = await command('tell me a joke', 1200, 0);
    const before = recognizer.decodes;
    await engine.recognize({ audio: speculative, speculative: true });
    const late = await engine.recognize({ audio: whole });
    expect(recognizer.decodes - before).toBe(2);
    expect(late.heard?.speech?.end).toBeLessThan(speculative.byteLength);
  }, 180_000);

  it('decodes again when the speaker went on after the pause', async () => {
    const more = trimmed((await speak('please', COMMAND_VOICE)).audio);
    const { whole, speculative } = await command('turn on the kitchen light', 600, 400, more);
    const before = recognizer.decodes;
    await engine.recognize({ audio: speculative, speculative: true });
    const late = await engine.recognize({ audio: whole });
    expect(recognizer.decodes - before).toBe(2);
    expect(late.heard?.speech?.end).toBeGreaterThan(speculative.byteLength);
  }, 180_000);

  it('keeps nothing of a transcription that is not speculative', async () => {
    const { whole } = await command('what time is it', 1200, 400);
    const before = recognizer.decodes;
    await engine.recognize({ audio: whole });
    await engine.recognize({ audio: whole });
    expect(recognizer.decodes - before).toBe(2);
  }, 180_000);
});

describe('sameSpeech', () => {
  const a = new Uint8Array(1000).map((_, i) => i % 251);
  const span = { start: 100, end: 900 };
  const changedAt = (at: number) => a.map((v, i) => (i === at ? v ^ 1 : v));

  it.each([
    ['the same audio', a, span, true],
    ['another sample in the pad after the last word', changedAt(880), span, false],
    ['another sample in the speech', changedAt(600), span, false],
    ['another sample outside the span', changedAt(50), span, true],
    ['a span ending elsewhere', a, { ...span, end: 950 }, false],
    ['audio too short for the span', a.subarray(0, 850), span, false],
  ] as const)('%s', (_, b, bSpan, same) => {
    expect(sameSpeech(a, span, b, bSpan)).toBe(same);
  });
});
