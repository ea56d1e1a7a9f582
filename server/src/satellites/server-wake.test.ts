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

/** 64 ms of 16 kHz audio: chunk n ends at (n + 1) × 64 ms of audio fed. */
const chunkOf = (value: number) =>
  new AudioChunk({ rate: 16000, width: 2, channels: 1, audio: new Uint8Array(2048).fill(value) });

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

  it('hands over what followed the wake word when a late answer for several chunks carries it', async () => {
    const { events, answers, feed, answered } = await openWake();
    const chunks = [0, 1, 2, 3, 4].map(chunkOf);
    for (const chunk of chunks) await feed(chunk);
    // One answer for chunks 0-3 at once (a busy worker batches them): the wake word ended with
    // chunk 0, so chunks 1-3 were the command's beginning, and chunk 4 follows.
    answers[0]!([]);
    answers[1]!([]);
    answers[2]!([]);
    answers[3]!([{ name: 'hey_jarvis', score: 0.9, timestampMs: 64 }]);
    await answered();
    const heard = events.filter((event) => event.type === 'wake-heard');
    expect(heard[0]!.type === 'wake-heard' && heard[0]!.after).toEqual(chunks.slice(1));
  });

  it('keeps no more than ten seconds behind the detector', async () => {
    const { events, answers, feed, answered } = await openWake();
    const chunks = Array.from({ length: 200 }, (_, i) => chunkOf(i % 256));
    for (const chunk of chunks) await feed(chunk);
    for (const answer of answers.slice(0, 199)) answer([]);
    await answered();
    // 200 chunks are 12.8 s. After chunk 198's answer (12.736 s) only chunks ending after
    // 2.736 s are kept (42 to 199), so a wake word reported late at 1 s gets those 158.
    answers[199]!([{ name: 'hey_jarvis', score: 0.9, timestampMs: 1000 }]);
    await answered();
    const heard = events.find((event) => event.type === 'wake-heard');
    expect(heard?.type === 'wake-heard' && heard.after?.length).toBe(158);
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
