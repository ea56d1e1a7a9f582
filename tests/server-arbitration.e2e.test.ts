// Three satellites in one room hear the same "hey jarvis, turn on the kitchen light", the
// nearest loudest: the server gives the turn to that one alone, the others stand down silently.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWav, writeWav } from 'wyoming-ts';
import { type SatelliteProcess, servedUri, startSatellite } from './helpers/satellite-process.js';
import { micScene } from './helpers/satellite-scenes.js';
import {
  type ApiSatellite,
  type Cleanups,
  jarvisServer,
  kitchenHome,
  runCleanups,
  secondsOf,
  until,
} from './helpers/server-e2e.js';
import { samplesOf } from './helpers/speech.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

/** The scene as a satellite `gain` times as loud would hear it (a farther one hears less). */
function scaled(path: string, gain: number, out: string): string {
  const wav = readWav(new Uint8Array(readFileSync(path)));
  const samples = samplesOf(wav.audio).map((sample) => Math.round(sample * gain));
  writeFileSync(out, writeWav({ ...wav, audio: new Uint8Array(samples.buffer) }));
  return out;
}

interface Placed {
  name: string;
  uri: string;
  sndFile: string;
  process: SatelliteProcess;
}

describe('wake-word arbitration between three satellites', () => {
  it('one turn, answered by the satellite that heard it loudest; the others stay silent', async () => {
    const dir = tempDir('jarvis-arbitration-');
    const scene = await micScene(dir);
    const ha = await kitchenHome(cleanups);
    // Full level, -6 dB and -12 dB: the same words, so the same wake-word score (within the
    // arbiter's tie margin); the speech level decides.
    const placements = [
      { name: 'hall', gain: 0.5 },
      { name: 'kitchen', gain: 1 },
      { name: 'dining', gain: 0.25 },
    ];
    const started: Omit<Placed, 'uri'>[] = [];
    for (const { name, gain } of placements) {
      const sndFile = join(dir, `${name}.wav`);
      const child = startSatellite([
        ...[
          '--uri',
          'tcp://127.0.0.1:0',
          '--no-zeroconf',
          '--debug',
          '--name',
          name,
          '--area',
          'Kitchen',
        ],
        ...['--mic-file', scaled(scene.path, gain, join(dir, `${name}-mic.wav`))],
        ...['--snd-file', sndFile],
      ]);
      cleanups.push(() => child.stop());
      cleanups.push(async () => {
        if (process.env.DEBUG_SATELLITE) console.error(name, child.log());
      });
      started.push({ name, sndFile, process: child });
    }
    // A satellite starts its mic file when it first listens, that is on `run-satellite`. The
    // server dials all three as it starts and sends it at once on each connection, so the three
    // files start within milliseconds of each other and the detections land well inside the
    // 300 ms window, however long each satellite took to load its models.
    const satellites: Placed[] = [];
    for (const satellite of started) {
      satellites.push({ ...satellite, uri: await servedUri(satellite.process) });
    }
    const server = await jarvisServer(ha, cleanups, {
      satellites: satellites.map((s) => ({ uri: s.uri })),
      arbitration: { window_ms: 300 },
    });

    await until('light.turn_on', () => ha.calls.some((c) => c.service === 'turn_on'));
    await until('three idle satellites after a turn', async () => {
      const list = await server.api<ApiSatellite[]>('/api/satellites');
      const metrics = await server.metrics();
      return (
        list.length === 3 &&
        list.every((s) => s.state === 'idle') &&
        /jarvis_turns_total\{way="voice"\} [1-9]/.test(metrics)
      );
    });
    // The scene is over (its tail is silence): nothing else may happen.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ha.calls.filter((c) => c.domain === 'light' && c.service === 'turn_on')).toEqual([
      expect.objectContaining({ target: { entity_id: ['light.kitchen'] } }),
    ]);
    expect(await server.metrics()).toMatch(/jarvis_turns_total\{way="voice"\} 1\b/);
    expect(ha.home.state('light.kitchen')?.state).toBe('on');

    const [hall, kitchen, dining] = satellites as [Placed, Placed, Placed];
    // All three heard the wake word and started streaming...
    for (const satellite of satellites) {
      expect(satellite.process.log(), satellite.name).toMatch(/turn: idle -> streaming/);
    }
    const standDowns = server.process.log().match(/heard the wake word better/g) ?? [];
    expect(standDowns).toHaveLength(2);
    expect(server.process.log()).toContain(`${kitchen.uri} heard the wake word better`);
    // ...the loudest got it: the chime (`transcribe`), then the spoken answer...
    expect(kitchen.process.log()).toMatch(/<- transcribe/);
    expect(kitchen.process.log()).not.toMatch(/<- error/);
    const answer = readWav(new Uint8Array(readFileSync(kitchen.sndFile)));
    expect(secondsOf(answer)).toBeGreaterThan(1.2); // chimes and "Turned on the kitchen light."
    // ...and the others were told to stand down, and played nothing: no chime, no error
    // sound, no speech.
    for (const loser of [hall, dining]) {
      const log = loser.process.log();
      expect(log, loser.name).toMatch(/<- error/);
      expect(log, loser.name).not.toMatch(/<- transcribe|<- audio-start|<- synthesize/);
      const played = readWav(new Uint8Array(readFileSync(loser.sndFile)));
      expect(played.audio.byteLength, `${loser.name} played something`).toBe(0);
    }
  }, 180_000);
});
