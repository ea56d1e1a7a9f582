import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Event } from 'wyoming-ts';
import { WyomingServer } from 'wyoming-ts/node';
import { adoptedSatellite } from './helpers/satellite-process.js';
import { micScene, ttsAudio } from './helpers/satellite-scenes.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function eventService() {
  const received: Event[] = [];
  const server = new WyomingServer({
    uri: 'tcp://127.0.0.1:0',
    handler: async (connection) => {
      for await (const event of connection) received.push(event);
    },
  });
  await server.start();
  cleanups.push(() => server.stop());
  return { uri: server.uri, received };
}

describe('satellite modes and the event service', () => {
  it('forwards the turn to --event-uri (LEDs) without audio', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jarvis-sat-'));
    const scene = await micScene(dir);
    const events = await eventService();
    const { ha } = await adoptedSatellite(
      [
        '--event-uri',
        events.uri,
        '--mic-file',
        scene.path,
        '--mic-file-fast',
        '--snd-file',
        join(dir, 'out.wav'),
      ],
      cleanups,
    );
    await ha.waitFor('run-pipeline');
    await ha.answer('turn on the kitchen light', ttsAudio(dir));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const types = events.received.map((event) => event.type);
    expect(types).toEqual([
      'satellite-connected',
      'run-satellite',
      'detection',
      'run-pipeline',
      'streaming-started',
      'transcribe',
      'voice-started',
      'streaming-stopped',
      'voice-stopped',
      'transcript',
      'synthesize',
      'audio-start',
      'audio-stop',
      'played',
    ]);
  });

  it('--always-stream: run-satellite starts a restarting wake pipeline and streams', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jarvis-sat-'));
    const scene = await micScene(dir);
    const { ha, info } = await adoptedSatellite(
      ['--always-stream', '--mic-file', scene.path, '--snd-file', join(dir, 'out.wav')],
      cleanups,
    );
    expect(info.wake).toEqual([]);
    const run = await ha.waitFor('run-pipeline');
    expect(run.data).toEqual({ start_stage: 'wake', end_stage: 'tts', restart_on_end: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(ha.received.filter((event) => event.type === 'audio-chunk').length).toBeGreaterThan(10);
    expect(ha.received.some((event) => event.type === 'detection')).toBe(false);
  });
});
