import { describe, expect, it } from 'vitest';
import { SpeechSegmenter, type SpeechSegmenterConfig } from './speech-segmenter.js';
import type { VadEvent } from './vad.js';

/** `n` frames of probability `p`. */
const frames = (n: number, p: number): number[] => Array<number>(n).fill(p);

interface Case {
  name: string;
  options?: SpeechSegmenterConfig;
  probabilities: number[];
  /** Each event with the index of the frame that completed it. */
  expected: { frame: number; event: VadEvent }[];
}

const started = (frame: number, timestampMs: number) => ({
  frame,
  event: { type: 'speech-started', timestampMs } as const,
});
const stopped = (frame: number, timestampMs: number) => ({
  frame,
  event: { type: 'speech-stopped', timestampMs } as const,
});

const paused = (frame: number, timestampMs: number, silenceMs: number) => ({
  frame,
  event: { type: 'speech-paused', timestampMs, silenceMs } as const,
});
const resumed = (frame: number, timestampMs: number) => ({
  frame,
  event: { type: 'speech-resumed', timestampMs } as const,
});
const MARKS = { pauseMarksMs: [100, 300] };

// Frames are 32 ms: with the defaults, speech is confirmed by its 8th frame (256 ms >= 250)
// and ended by the 22nd frame of silence (704 ms >= 700).
const cases: Case[] = [
  { name: 'silence', probabilities: frames(50, 0.1), expected: [] },
  { name: 'nothing', probabilities: [], expected: [] },
  {
    name: 'speech shorter than 250 ms is dropped',
    probabilities: [...frames(7, 0.9), ...frames(40, 0.1)],
    expected: [],
  },
  {
    name: 'speech starts where its first frame starts, confirmed 250 ms later',
    probabilities: [...frames(3, 0.1), ...frames(8, 0.9)],
    expected: [started(10, 96)],
  },
  {
    name: 'the threshold itself counts as speech',
    probabilities: frames(8, 0.5),
    expected: [started(7, 0)],
  },
  {
    name: 'frames just under the threshold do not start speech',
    probabilities: frames(30, 0.49),
    expected: [],
  },
  {
    name: 'an onset continues through frames above threshold - 0.15',
    probabilities: [0.9, 0.4, 0.4, 0.36, 0.4, 0.4, 0.4, 0.4],
    expected: [started(7, 0)],
  },
  {
    name: 'an onset broken by a frame below threshold - 0.15 starts over',
    probabilities: [...frames(5, 0.9), 0.3, ...frames(8, 0.9)],
    expected: [started(13, 192)],
  },
  {
    name: 'speech stops where the silence starts, after 700 ms of it',
    probabilities: [...frames(10, 0.9), ...frames(22, 0.1)],
    expected: [started(7, 0), stopped(31, 320)],
  },
  {
    name: '21 frames of silence (672 ms) do not stop speech',
    probabilities: [...frames(10, 0.9), ...frames(21, 0.1)],
    expected: [started(7, 0)],
  },
  {
    name: 'a pause shorter than the trailing silence does not stop speech',
    probabilities: [...frames(10, 0.9), ...frames(15, 0.1), ...frames(5, 0.9), ...frames(22, 0)],
    expected: [started(7, 0), stopped(51, 960)],
  },
  {
    name: 'speech continues through frames above threshold - 0.15',
    probabilities: [...frames(10, 0.9), ...frames(40, 0.4)],
    expected: [started(7, 0)],
  },
  {
    name: 'once a pause began, only a frame at the threshold ends it',
    probabilities: [...frames(10, 0.9), 0.1, ...frames(21, 0.45)],
    expected: [started(7, 0), stopped(31, 320)],
  },
  {
    name: 'two utterances',
    probabilities: [...frames(10, 0.9), ...frames(22, 0.1), ...frames(10, 0.8), ...frames(22, 0.2)],
    expected: [started(7, 0), stopped(31, 320), started(39, 1024), stopped(63, 1344)],
  },
  {
    name: 'custom threshold, no minimum speech, no trailing silence',
    options: { threshold: 0.8, minSpeechMs: 0, trailingSilenceMs: 0 },
    probabilities: [0.7, 0.8, 0.7, 0.66, 0.64, 0.9, 0.1],
    expected: [started(1, 32), stopped(4, 128), started(5, 160), stopped(6, 192)],
  },
  {
    name: 'a low threshold keeps a continue threshold above zero',
    options: { threshold: 0.1, minSpeechMs: 0, trailingSilenceMs: 0 },
    probabilities: [0.1, 0.02, 0.005],
    expected: [started(0, 0), stopped(2, 64)],
  },
  {
    name: 'pause marks: a pause is reported at each mark, then the speech stops as before',
    options: MARKS,
    probabilities: [...frames(10, 0.9), ...frames(22, 0.1)],
    // 4 frames = 128 ms >= 100, 10 frames = 320 ms >= 300.
    expected: [started(7, 0), paused(13, 320, 128), paused(19, 320, 320), stopped(31, 320)],
  },
  {
    name: 'pause marks: speech that comes back after a reported pause is resumed',
    options: MARKS,
    probabilities: [...frames(10, 0.9), ...frames(5, 0.1), ...frames(3, 0.9), ...frames(5, 0.1)],
    expected: [started(7, 0), paused(13, 320, 128), resumed(15, 480), paused(21, 576, 128)],
  },
  {
    name: 'pause marks: a pause shorter than the first mark is not reported',
    options: MARKS,
    probabilities: [...frames(10, 0.9), ...frames(3, 0.1), ...frames(3, 0.9)],
    expected: [started(7, 0)],
  },
  {
    name: 'pause marks: no pause before speech, marks at or past the trailing silence ignored',
    options: { pauseMarksMs: [700, 900, 50] },
    probabilities: [...frames(5, 0.1), ...frames(10, 0.9), ...frames(22, 0.1)],
    expected: [started(12, 160), paused(16, 480, 64), stopped(36, 480)],
  },
  {
    name: 'pause marks: one frame past two marks reports the pause once',
    options: { frameMs: 100, minSpeechMs: 100, trailingSilenceMs: 1000, pauseMarksMs: [50, 100] },
    probabilities: [0.9, 0.1, 0.1, 0.9],
    expected: [
      { frame: 0, event: { type: 'speech-started', timestampMs: 0 } },
      { frame: 1, event: { type: 'speech-paused', timestampMs: 100, silenceMs: 100 } },
      { frame: 3, event: { type: 'speech-resumed', timestampMs: 300 } },
    ],
  },
  {
    name: 'other frame lengths',
    options: { frameMs: 10, minSpeechMs: 30, trailingSilenceMs: 20 },
    probabilities: [0, 0.9, 0.9, 0.9, 0, 0],
    expected: [started(3, 10), stopped(5, 40)],
  },
];

function run(options: SpeechSegmenterConfig | undefined, probabilities: number[]) {
  const segmenter = new SpeechSegmenter(options);
  const events: Case['expected'] = [];
  probabilities.forEach((p, frame) => {
    const event = segmenter.process(p, frame * segmenter.frameMs);
    if (event) events.push({ frame, event });
  });
  return events;
}

describe('SpeechSegmenter', () => {
  it.each(cases)('$name', ({ options, probabilities, expected }) => {
    expect(run(options, probabilities)).toEqual(expected);
  });

  it('says whether speech is going on', () => {
    const segmenter = new SpeechSegmenter({ minSpeechMs: 0, trailingSilenceMs: 0 });
    expect(segmenter.inSpeech).toBe(false);
    segmenter.process(0.9, 0);
    expect(segmenter.inSpeech).toBe(true);
    segmenter.process(0.1, 32);
    expect(segmenter.inSpeech).toBe(false);
  });

  it('forgets a running onset or speech on reset', () => {
    const segmenter = new SpeechSegmenter();
    for (let i = 0; i < 5; i++) segmenter.process(0.9, i * 32);
    segmenter.reset();
    const events = [0.9, 0.9, 0.9].map((p, i) => segmenter.process(p, i * 32));
    expect(events).toEqual([undefined, undefined, undefined]);
    for (let i = 3; i < 10; i++) segmenter.process(0.9, i * 32);
    segmenter.reset();
    expect(segmenter.inSpeech).toBe(false);
    expect(segmenter.process(0.1, 0)).toBeUndefined();
  });
});
