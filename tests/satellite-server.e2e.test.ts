import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Event, Info, readWav, TimerStarted } from 'wyoming-ts';
import { type WyomingConnection, WyomingServer } from 'wyoming-ts/node';
import { AssistSatelliteController } from './helpers/assist-satellite-controller.js';
import { adoptedSatellite, REPO_ROOT, startSatellite } from './helpers/satellite-process.js';
import { containsBytes, micScene, ttsAudio } from './helpers/satellite-scenes.js';
import { until } from './helpers/server-e2e.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A stand-in Jarvis server (on port 0 by default): hands each satellite that connects in. */
async function jarvisServer(port = 0) {
  const arrivals: WyomingConnection[] = [];
  let notify: (() => void) | undefined;
  const server = new WyomingServer({
    uri: `tcp://127.0.0.1:${port}`,
    handler: async (connection) => {
      arrivals.push(connection);
      notify?.();
      await connection.closed;
    },
  });
  const uri = await server.start();
  const next = async (timeoutMs = 15_000): Promise<WyomingConnection> => {
    const deadline = Date.now() + timeoutMs;
    while (arrivals.length === 0) {
      if (Date.now() > deadline) throw new Error('no satellite connected');
      await new Promise<void>((resolve) => {
        notify = resolve;
        setTimeout(resolve, 100);
      });
    }
    return arrivals.shift()!;
  };
  return { server, uri, next };
}

function satelliteArgs(dir: string, mic: string, extra: string[] = []): string[] {
  return [
    '--name',
    'salon',
    '--area',
    'Salon',
    '--mic-file',
    mic,
    '--mic-file-fast',
    '--snd-file',
    join(dir, 'played.wav'),
    ...extra,
  ];
}

describe('a satellite driven by a Jarvis server (--server)', () => {
  it('opens with info, then runs the same turn over its own connection', async () => {
    const dir = tempDir('jarvis-sat-');
    const scene = await micScene(dir);
    const tts = ttsAudio(dir);
    const { server, uri, next } = await jarvisServer();
    cleanups.push(() => server.stop());
    const satellite = startSatellite(satelliteArgs(dir, scene.path, ['--server', uri]));
    cleanups.push(() => satellite.stop());

    const connection = await next();
    const first = (await connection.readEvent()) as Event;
    expect(first.type).toBe('info');
    expect(Info.fromEvent(first).satellite).toMatchObject({ name: 'salon', area: 'Salon' });

    const controller = AssistSatelliteController.over(connection);
    cleanups.push(() => controller.close());
    await controller.start();
    expect((await controller.waitFor('detection')).data.name).toBe('hey_jarvis');
    await controller.waitFor('run-pipeline');
    await controller.answer('turn on the kitchen light', tts);
    expect(containsBytes(controller.streamedAudio(), scene.command)).toBe(true);
    const played = readWav(new Uint8Array(readFileSync(join(dir, 'played.wav'))));
    expect(containsBytes(played.audio, tts.audio)).toBe(true);
  });

  it('reconnects after the server restarts, and opens with info again', async () => {
    const dir = tempDir('jarvis-sat-');
    const scene = await micScene(dir);
    const first = await jarvisServer();
    const satellite = startSatellite(satelliteArgs(dir, scene.path, ['--server', first.uri]));
    cleanups.push(() => satellite.stop());
    const connection = await first.next();
    expect((await connection.readEvent())!.type).toBe('info');
    await first.server.stop();

    // The same address at once, in this process (no port 0 here: the satellite knows only this one).
    const second = await jarvisServer(Number(first.uri.replace(/^.*:/, '')));
    cleanups.push(() => second.server.stop());
    const again = await second.next(20_000);
    expect((await again.readEvent())!.type).toBe('info');
    expect(satellite.log()).toMatch(/reconnecting to tcp:\/\/127\.0\.0\.1:\d+ in \d+ ms/);
  });
});

describe('mute, timers and hooks', () => {
  it('a muted satellite does not listen until unmuted', async () => {
    const dir = tempDir('jarvis-sat-');
    const scene = await micScene(dir);
    const { satellite, ha } = await adoptedSatellite(
      [...satelliteArgs(dir, scene.path), '--muted', '--debug'],
      cleanups,
    );
    await expect(ha.waitFor('detection', 2500)).rejects.toThrow(/no 'detection'/);
    satellite.child.kill('SIGUSR2'); // unmute
    expect((await ha.waitFor('detection')).data.name).toBe('hey_jarvis');
    expect(satellite.log()).toContain('unmuted');
  });

  it('a timer counts down locally, rings, and runs its hook with the id', async () => {
    const dir = tempDir('jarvis-sat-');
    const scene = await micScene(dir, 60_000); // nothing said for a minute
    const hookOut = join(dir, 'finished.txt');
    const { satellite, ha } = await adoptedSatellite(
      [
        ...satelliteArgs(dir, scene.path),
        '--timer-finished-max-seconds',
        '2',
        '--done-wav',
        '',
        '--awake-wav',
        '',
        '--timer-finished-command',
        `sh -c 'cat > ${hookOut}'`,
      ],
      cleanups,
    );
    await ha.send(new TimerStarted({ id: 'pasta', total_seconds: 1, name: 'pasta' }));
    await until('the bell to stop', () => satellite.log().includes('timer pasta: ringing stopped'));
    await until('the hook', () => existsSync(hookOut) && readFileSync(hookOut, 'utf8') === 'pasta');
    const bell = readWav(
      new Uint8Array(readFileSync(join(REPO_ROOT, 'satellite', 'sounds', 'timer-finished.wav'))),
    );
    const played = readWav(new Uint8Array(readFileSync(join(dir, 'played.wav'))));
    expect(containsBytes(played.audio, bell.audio)).toBe(true);
    // A ring is the bell and a 300 ms gap, until the 2 s limit: at most 7 rings, however fast
    // the file sink takes the bell (a duration would depend on that, and on the machine's load).
    const rings = played.audio.length / bell.audio.length;
    expect(Number.isInteger(rings) && rings >= 1 && rings <= 7, `${rings} rings`).toBe(true);
    expect(satellite.log()).toContain('timer pasta finished: ringing');
    expect(readFileSync(hookOut, 'utf8')).toBe('pasta');
  });
});
