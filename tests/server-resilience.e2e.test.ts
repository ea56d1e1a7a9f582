// Peers that go away or misbehave: a satellite killed mid-turn (while it streams its command,
// while its answer plays, while arbitration is still open), and peers on 10600 that send
// garbage or stop mid-frame. The server stays up and the other satellites' turns go on.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEvents, Describe, type Event, encodeEvent, Info } from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';
import {
  type ApiSatellite,
  type Cleanups,
  counter,
  type JarvisServer,
  jarvisServer,
  kitchenHome,
  type LiveSatellite,
  listening,
  liveSatellite,
  runCleanups,
  stateOf,
  until,
  wakeAndCommand,
} from './helpers/server-e2e.js';
import { samplesOf } from './helpers/speech.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Cleanups = [];
afterEach(() => runCleanups(cleanups));

/** SIGKILL, and wait until the process is gone. */
async function kill(satellite: LiveSatellite): Promise<void> {
  const { child } = satellite.process;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/**
 * Waits until the server no longer drives `name` (still listed, as adopted: it may come back),
 * and checks the server is still running.
 */
async function dropped(server: JarvisServer, name: string): Promise<void> {
  await until(`${name} no longer connected`, async () => !(await stateOf(server, name)));
  expect(server.process.child.exitCode).toBeNull();
}

/** `/api/satellites` after the doomed satellite died: it stays adopted, the survivor idles. */
async function afterTheDeath(server: JarvisServer) {
  const list = await server.api<ApiSatellite[]>('/api/satellites');
  expect(list.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
    expect.objectContaining({ name: 'doomed', status: 'adopted', state: null }),
    expect.objectContaining({ name: 'survivor', status: 'connected', state: 'idle' }),
  ]);
}

/** A whole turn on `satellite`: the light switched, the answer played, idle again. */
async function turn(
  server: JarvisServer,
  satellite: LiveSatellite,
  command: string,
  done: () => boolean,
): Promise<void> {
  const before = satellite.playedSeconds();
  await satellite.mic.say(await wakeAndCommand(command));
  await until(`"${command}" done`, done);
  await until(`${satellite.name} idle after answering`, async () => {
    const idle = (await stateOf(server, satellite.name)) === 'idle';
    return idle && satellite.playedSeconds() - before > 0.8;
  });
}

/** `pcm` at `gain` times its level. */
function scaled(pcm: Uint8Array, gain: number): Uint8Array {
  const samples = samplesOf(pcm).map((sample) => Math.round(sample * gain));
  return new Uint8Array(samples.buffer);
}

describe('a satellite that dies mid-turn', () => {
  it('killed while it streams its command: dropped, nothing done, the other satellite goes on', async () => {
    const ha = await kitchenHome(cleanups);
    const server = await jarvisServer(ha, cleanups);
    const dir = tempDir('jarvis-resilience-');
    const doomed = liveSatellite('doomed', server.wyomingUri, dir, cleanups);
    const survivor = liveSatellite('survivor', server.wyomingUri, dir, cleanups);
    await listening(server, doomed);
    await listening(server, survivor);

    void doomed.mic.say(await wakeAndCommand('turn on the kitchen light'));
    // `transcribe`: the turn is the doomed satellite's, and it streams the command now.
    await until('the doomed satellite streaming', () => /<- transcribe/.test(doomed.process.log()));
    await kill(doomed);
    await dropped(server, 'doomed');
    // The command was cut off: its turn is dropped, not answered half-heard.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ha.calls).toEqual([]);

    await turn(server, survivor, 'turn on the kitchen light', () => {
      return ha.home.state('light.kitchen')?.state === 'on';
    });
    expect(ha.calls).toHaveLength(1);
    await afterTheDeath(server);
  }, 180_000);

  it('killed while its answer plays: dropped, and the other satellite goes on', async () => {
    const ha = await kitchenHome(cleanups);
    const server = await jarvisServer(ha, cleanups);
    const dir = tempDir('jarvis-resilience-');
    // A slow speaker: the answer is still playing five seconds after it arrived.
    const doomed = liveSatellite('doomed', server.wyomingUri, dir, cleanups, {
      sndCommand: "sh -c 'sleep 5; cat > /dev/null'",
    });
    const survivor = liveSatellite('survivor', server.wyomingUri, dir, cleanups);
    await listening(server, doomed);
    await listening(server, survivor);

    void doomed.mic.say(await wakeAndCommand('turn on the kitchen light'));
    await until('the doomed satellite playing its answer', async () => {
      const responding = (await stateOf(server, 'doomed')) === 'responding';
      return responding && /<- audio-stop/.test(doomed.process.log());
    });
    expect(ha.home.state('light.kitchen')?.state).toBe('on');
    await kill(doomed);
    await dropped(server, 'doomed');

    await turn(server, survivor, 'turn on the living room light', () => {
      return ha.home.state('light.living_room')?.state === 'on';
    });
    expect(counter(await server.metrics(), 'jarvis_turns_total')).toBe(2);
    await afterTheDeath(server);
  }, 180_000);

  it('killed after hearing the wake word best, before arbitration ends: the other one answers', async () => {
    const ha = await kitchenHome(cleanups);
    // A long window, so the best satellite can die while the round is still open.
    const server = await jarvisServer(ha, cleanups, { arbitration: { window_ms: 3000 } });
    const dir = tempDir('jarvis-resilience-');
    const near = liveSatellite('near', server.wyomingUri, dir, cleanups);
    const far = liveSatellite('far', server.wyomingUri, dir, cleanups);
    await listening(server, near);
    await listening(server, far);

    const request = await wakeAndCommand('turn on the kitchen light');
    void near.mic.say(request);
    void far.mic.say(scaled(request, 0.25));
    const streaming = (s: LiveSatellite) => /turn: idle -> streaming/.test(s.process.log());
    await until('both satellites claiming the turn', () => streaming(near) && streaming(far));
    await kill(near);
    await dropped(server, 'near');

    await until('the light on', () => ha.home.state('light.kitchen')?.state === 'on');
    await until('the far satellite answering', async () => {
      const idle = (await stateOf(server, 'far')) === 'idle';
      return idle && far.playedSeconds() > 0.8;
    });
    expect(far.process.log()).toMatch(/<- transcribe/);
    expect(far.process.log()).not.toMatch(/<- error/);
  }, 180_000);
});

/** A raw TCP peer: writes `bytes` (then half-closes if `end`), and collects what comes back. */
function rawPeer(uri: string, bytes: Uint8Array, end: boolean) {
  const { hostname, port } = new URL(uri.replace(/^tcp:/, 'http:'));
  const socket = connect({ host: hostname, port: Number(port) });
  socket.on('error', () => {});
  const parts: Buffer[] = [];
  socket.on('data', (data: Buffer) => parts.push(data));
  const closed = new Promise<Event[]>((resolve) => {
    socket.once('close', () => {
      try {
        resolve(decodeEvents(new Uint8Array(Buffer.concat(parts))));
      } catch {
        resolve([]);
      }
    });
  });
  socket.write(bytes, () => {
    if (end) socket.end();
  });
  return { socket, closed };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('misbehaving peers on the Wyoming endpoint', () => {
  it('garbage, oversized headers and frames cut off mid-way do not disturb a turn', async () => {
    const ha = await kitchenHome(cleanups);
    const server = await jarvisServer(ha, cleanups);
    const satellite = liveSatellite(
      'kitchen',
      server.wyomingUri,
      tempDir('jarvis-resilience-'),
      cleanups,
    );
    await listening(server, satellite);

    void satellite.mic.say(await wakeAndCommand('turn on the kitchen light'));
    await until('the turn streaming', () => /<- transcribe/.test(satellite.process.log()));
    // A frame whose payload never comes in full.
    const header = encodeEvent({
      type: 'audio-chunk',
      data: { rate: 16000, width: 2, channels: 1 },
    });
    const cut = new Uint8Array([
      ...text('{"type":"audio-chunk","data":{"rate":16000,"width":2,"channels":1},'),
      ...text('"payload_length":64000}\n'),
      ...new Uint8Array(1000),
    ]);
    const peers = {
      garbage: rawPeer(server.wyomingUri, text('GET / HTTP/1.1\r\nHost: jarvis\r\n\r\n'), false),
      oversized: rawPeer(server.wyomingUri, new Uint8Array(100_000).fill(120), false),
      cutAndClosed: rawPeer(server.wyomingUri, cut, true),
      cutAndStalled: rawPeer(server.wyomingUri, cut, false),
      halfHeader: rawPeer(server.wyomingUri, header.subarray(0, 10), true),
    };
    cleanups.push(async () => void peers.cutAndStalled.socket.destroy());
    // Each broken peer is told why and disconnected; the stalled one just waits alone.
    for (const name of ['garbage', 'oversized', 'cutAndClosed', 'halfHeader'] as const) {
      const events = await peers[name].closed;
      expect(
        events.map((e) => e.type),
        name,
      ).toEqual(['error']);
    }

    await until('the light on', () => ha.home.state('light.kitchen')?.state === 'on');
    await until('the answer played', async () => {
      const idle = (await stateOf(server, 'kitchen')) === 'idle';
      return idle && satellite.playedSeconds() > 0.8;
    });
    expect(satellite.process.log()).not.toMatch(/<- error/);
    expect(peers.cutAndStalled.socket.destroyed).toBe(false);
    // And the endpoint still serves Home Assistant.
    const client = await WyomingClient.connect(server.wyomingUri);
    await client.write(new Describe());
    const info = await client.readEvent();
    await client.disconnect();
    expect(Info.fromEvent(info!).asr.length).toBeGreaterThan(0);
    expect(counter(await server.metrics(), 'jarvis_turns_total')).toBe(1);
  }, 180_000);
});
