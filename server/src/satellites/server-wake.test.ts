import { describe, expect, it } from 'vitest';
import { AudioChunk } from 'wyoming-ts';
import type { WakeDetection, WakeWordDetector } from '@jarvis/satellite/engines';
import { ServerWakeWord } from './server-wake.js';
import type { SessionEvent } from './session-types.js';

/** A detector whose answers the test gives, chunk by chunk, in the order chunks came. */
function heldDetector() {
  const answers: Array<(detections: WakeDetection[]) => void> = [];
  const detector: WakeWordDetector = {
    models: [],
    process: () => new Promise((resolve) => answers.push(resolve)),
    reset: () => {},
    close: () => Promise.resolve(),
  };
  return { detector, answers };
}

const chunkOf = (value: number) =>
  new AudioChunk({ rate: 16000, width: 2, channels: 1, audio: new Uint8Array(64).fill(value) });

async function openWake() {
  const { detector, answers } = heldDetector();
  const events: SessionEvent[] = [];
  const wake = new ServerWakeWord({
    create: () => Promise.resolve(detector),
    dispatch: (event) => events.push(event),
    now: () => 1000,
  });
  await wake.perform({ type: 'open-wake-detector' });
  const feed = (chunk: AudioChunk) => wake.perform({ type: 'feed-wake', chunk });
  const answered = () => new Promise((resolve) => setImmediate(resolve));
  return { wake, events, answers, feed, answered };
}

describe('ServerWakeWord', () => {
  it('hands the audio fed while the detector was deciding to the turn it opens', async () => {
    const { events, answers, feed, answered } = await openWake();
    const chunks = [0, 1, 2, 3].map(chunkOf);
    for (const chunk of chunks) await feed(chunk);
    answers[0]!([]);
    answers[1]!([{ name: 'hey_jarvis', score: 0.9, timestampMs: 128 }]);
    await answered();
    const heard = events.filter((event) => event.type === 'wake-heard');
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ name: 'hey_jarvis', score: 0.9, timestampMs: 128 });
    expect(heard[0]!.type === 'wake-heard' && heard[0]!.after).toEqual([chunks[2], chunks[3]]);
  });

  it('hands nothing more when the detector keeps up', async () => {
    const { events, answers, feed, answered } = await openWake();
    await feed(chunkOf(0));
    answers[0]!([{ name: 'hey_jarvis', score: 0.9, timestampMs: 64 }]);
    await answered();
    expect(events.at(-1)).toMatchObject({ type: 'wake-heard', after: [] });
  });

  it('forgets what it held once closed', async () => {
    const { wake, events, answers, feed, answered } = await openWake();
    await feed(chunkOf(0));
    await feed(chunkOf(1));
    await wake.perform({ type: 'close-wake-detector' });
    answers[0]!([{ name: 'hey_jarvis', score: 0.9, timestampMs: 64 }]);
    await answered();
    expect(events.filter((event) => event.type === 'wake-heard')).toEqual([]);
  });
});
