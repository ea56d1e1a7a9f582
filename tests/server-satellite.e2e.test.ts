import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWav } from 'wyoming-ts';
import { servedUri, startSatellite } from './helpers/satellite-process.js';
import { micScene } from './helpers/satellite-scenes.js';
import {
  type ApiSatellite,
  type Cleanups,
  jarvisServer,
  kitchenHome,
  runCleanups,
  until,
} from './helpers/server-e2e.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

for (const direction of ['server connects out', 'satellite connects in'] as const) {
  describe(`a voice turn end to end (${direction})`, () => {
    it('"hey jarvis, turn on the kitchen light" turns it on in Home Assistant and answers', async () => {
      const dir = tempDir('jarvis-e2e-');
      const scene = await micScene(dir);
      const ha = await kitchenHome(cleanups);
      const sndFile = join(dir, 'played.wav');
      const args = ['--name', 'kitchen', '--area', 'Kitchen', '--mic-file', scene.path];
      args.push('--snd-file', sndFile, '--awake-wav', '', '--done-wav', '');
      // Each side listens on port 0: the one that is dialled starts first and says where it is.
      const dialled =
        direction === 'server connects out'
          ? startSatellite([...args, '--uri', 'tcp://127.0.0.1:0', '--no-zeroconf'])
          : undefined;
      if (dialled) cleanups.push(() => dialled.stop());
      const server = await jarvisServer(ha, cleanups, {
        satellites: dialled ? [{ uri: await servedUri(dialled) }] : [],
      });
      if (!dialled) {
        const satellite = startSatellite([...args, '--server', server.wyomingUri]);
        cleanups.push(() => satellite.stop());
      }

      const call = await until('light.turn_on', () =>
        ha.calls.find((c) => c.domain === 'light' && c.service === 'turn_on'),
      );
      expect(call.target).toEqual({ entity_id: ['light.kitchen'] });
      // Back to idle after a spoken answer: the satellite's `played` came back to the server.
      const metrics = await until('an idle satellite after the turn', async () => {
        const satellites = await server.api<ApiSatellite[]>('/api/satellites');
        const text = await server.metrics();
        return satellites[0]?.state === 'idle' && /jarvis_turns_total\{way="voice"\} 1/.test(text)
          ? text
          : undefined;
      });
      expect(metrics).toMatch(/jarvis_intent_turns_total\{intent="HassTurnOn"\} 1/);
      expect(metrics).toMatch(
        /jarvis_stage_latency_ms_count\{stage="speech_end_to_first_audio_ms"\} 1/,
      );

      const played = readWav(new Uint8Array(readFileSync(sndFile)));
      expect(played.audio.length / 2 / played.rate).toBeGreaterThan(0.8); // "Turned on the kitchen light."
      expect(ha.home.state('light.kitchen')?.state).toBe('on');
    });
  });
}

describe('a satellite that streams all the time (--always-stream)', () => {
  it('the server hears "hey jarvis" on its wake word workers and runs the turn', async () => {
    const dir = tempDir('jarvis-e2e-');
    const scene = await micScene(dir);
    const ha = await kitchenHome(cleanups);
    const server = await jarvisServer(ha, cleanups, {});
    const args = ['--name', 'kitchen', '--area', 'Kitchen', '--mic-file', scene.path];
    args.push('--snd-file', join(dir, 'played.wav'), '--awake-wav', '', '--done-wav', '');
    const satellite = startSatellite([...args, '--always-stream', '--server', server.wyomingUri]);
    cleanups.push(() => satellite.stop());

    const call = await until('light.turn_on', () =>
      ha.calls.find((c) => c.domain === 'light' && c.service === 'turn_on'),
    );
    expect(call.target).toEqual({ entity_id: ['light.kitchen'] });
    const metrics = await until('the turn counted', async () => {
      const text = await server.metrics();
      return /jarvis_turns_total\{way="voice"\} 1/.test(text) ? text : undefined;
    });
    expect(metrics).toMatch(/jarvis_intent_turns_total\{intent="HassTurnOn"\} 1/);
  });
});
