import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Event } from 'wyoming-ts';
import { WyomingServer } from 'wyoming-ts/node';
import { adoptedSatellite } from './helpers/satellite-process.js';
import { micScene, ttsAudio } from './helpers/satellite-scenes.js';
import { until } from './helpers/server-e2e.js';
import { tempDir } from './helpers/temp-dir.js';

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
    const dir = tempDir('jarvis-sat-');
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
    // The event service hears of each event on its own connection: wait for the last one.
    await until('played at the event service', () =>
      events.received.some((event) => event.type === 'played'),
    );
    const types = events.received.map((event) => event.type);
    // What Home Assistant sent and what the satellite did are two actors: each in its own order,
    // and no order between them beyond cause and effect (the protocol defines no other).
    const fromHa = ['run-satellite', 'transcribe', 'voice-started', 'voice-stopped'];
    fromHa.push('transcript', 'synthesize', 'audio-start', 'audio-stop');
    const local = ['satellite-connected', 'detection', 'run-pipeline', 'streaming-started'];
    local.push('streaming-stopped', 'played');
    expect(types.filter((type) => fromHa.includes(type))).toEqual(fromHa);
    expect(types.filter((type) => local.includes(type))).toEqual(local);
    expect(types).toHaveLength(fromHa.length + local.length);
    const before = (a: string, b: string) =>
      expect(types.indexOf(a)).toBeLessThan(types.indexOf(b));
    before('run-satellite', 'detection');
    before('run-pipeline', 'transcribe');
    before('audio-stop', 'played');
  });

  it('--always-stream: run-satellite starts a restarting wake pipeline and streams', async () => {
    const dir = tempDir('jarvis-sat-');
    const scene = await micScene(dir);
    const { ha, info } = await adoptedSatellite(
      ['--always-stream', '--mic-file', scene.path, '--snd-file', join(dir, 'out.wav')],
      cleanups,
    );
    expect(info.wake).toEqual([]);
    const run = await ha.waitFor('run-pipeline');
    expect(run.data).toEqual({ start_stage: 'wake', end_stage: 'tts', restart_on_end: true });
    await until(
      'audio streaming',
      () => ha.received.filter((event) => event.type === 'audio-chunk').length > 10,
    );
    expect(ha.received.some((event) => event.type === 'detection')).toBe(false);
  });
});
