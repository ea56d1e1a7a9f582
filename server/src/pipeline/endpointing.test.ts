import { describe, expect, it } from 'vitest';
import { isAccepted, lengthenPause, pauseMarksMs } from './endpointing.js';

/** 16-bit samples as bytes. */
const pcm = (...samples: number[]) => new Uint8Array(new Int16Array(samples).buffer);
const samples = (audio: Uint8Array) => [...new Int16Array(audio.slice().buffer)];
/** `ms` of one repeated sample (16 per ms). */
const level = (ms: number, value: number) => Array<number>(ms * 16).fill(value);

describe('lengthenPause', () => {
  it('repeats the quietest frame of the pause until it lasts tailMs, when asked', () => {
    // 2 ms of speech, then a 64 ms pause: a louder frame (32 ms), then a quieter one.
    const audio = pcm(...level(2, 9000), ...level(32, 40), ...level(32, 7));
    const longer = lengthenPause(audio, 2, 200, 'pause');
    expect(longer.byteLength).toBe((2 + 200) * 32);
    expect(samples(longer).slice(0, audio.byteLength / 2)).toEqual(samples(audio));
    expect(new Set(samples(longer).slice(audio.byteLength / 2))).toEqual(new Set([7]));
  });

  it("fills with the turn's quietest frame, not the fading end of the last word", () => {
    // A quiet room before the command (32 ms at 3), speech, then a pause still loud (40).
    const audio = pcm(...level(32, 3), ...level(2, 9000), ...level(32, 40));
    const fromPause = lengthenPause(audio, 34, 200, 'pause');
    expect(new Set(samples(fromPause).slice(audio.byteLength / 2))).toEqual(new Set([40]));
    const fromTurn = lengthenPause(audio, 34, 200);
    expect(fromTurn.byteLength).toBe((34 + 200) * 32);
    expect(new Set(samples(fromTurn).slice(audio.byteLength / 2))).toEqual(new Set([3]));
  });

  it('leaves a pause that is long enough as it is', () => {
    const audio = pcm(...level(2, 9000), ...level(40, 5));
    expect(lengthenPause(audio, 2, 30)).toBe(audio);
  });

  it('lengthens a pause shorter than a frame with digital silence', () => {
    const audio = pcm(...level(2, 9000), ...level(10, 5));
    const longer = lengthenPause(audio, 2, 100);
    expect(longer.byteLength).toBe(102 * 32);
    expect(new Set(samples(longer).slice(audio.byteLength / 2))).toEqual(new Set([0]));
  });
});

describe('the pause marks the VAD reports', () => {
  it('speculates first, then ends an accepted command', () => {
    expect(pauseMarksMs({ early_endpoint_ms: 300, speculate_after_ms: 0 })).toEqual([0, 300]);
  });
  it('never speculates after the early endpoint', () => {
    expect(pauseMarksMs({ early_endpoint_ms: 200, speculate_after_ms: 400 })).toEqual([200, 300]);
  });
  it('reports the pause that ends a rejected command too', () => {
    const pipeline = { early_endpoint_ms: 300, speculate_after_ms: 0, rejected_endpoint_ms: 450 };
    expect(pauseMarksMs(pipeline)).toEqual([0, 300, 450]);
  });
  it('reports no pause when early endpointing is off', () => {
    expect(pauseMarksMs({ early_endpoint_ms: 0, speculate_after_ms: 0 })).toEqual([]);
  });
});

describe('what early endpointing may end a command on', () => {
  const base = { confidence: 0.9, engine: 'phrase' };
  it.each([
    [{ ...base, text: 'turn on the kitchen light' }, true],
    [{ ...base, text: '', rejected: 'not-understood' as const }, false],
    [{ ...base, text: '  ' }, false],
    [undefined, false],
  ])('%j: %s', (transcription, accepted) => {
    expect(isAccepted(transcription)).toBe(accepted);
  });
});
