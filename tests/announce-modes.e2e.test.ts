// Announcements and modes with the real speech schedule on a manual clock: the server in this
// process, two real satellite processes connected in (each recording what it plays). The bedroom
// is in do not disturb until an hour from now: an announcement for the whole house is said in the
// kitchen only, one for the bedroom waits, an urgent one is said at once; when the clock passes
// the hour the bedroom says what waited, "You have two messages." first. At night the kitchen
// plays the same announcement at half the volume.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readWav } from 'wyoming-ts';
import { EspeakTts } from '../server/src/engines/tts/espeak-tts.js';
import { ManualClock } from '../server/src/speech/clock.js';
import * as e2e from './helpers/server-e2e.js';
import type { Cleanups, JarvisServer, LiveSatellite } from './helpers/server-e2e.js';
import { inProcessServer, noting } from './helpers/in-process-server.js';
import { samplesOf } from './helpers/speech.js';
import { tempDir } from './helpers/temp-dir.js';

const HOUR = 3_600_000;
const cleanups: Cleanups = [];
afterEach(() => e2e.runCleanups(cleanups));

async function server(clock: ManualClock) {
  const said: string[] = [];
  const tts = noting(new EspeakTts(), said);
  return { ...(await inProcessServer(cleanups, { clock, tts })), said };
}

/** The PCM a satellite has played, from byte `from` on. */
function playedPcm(satellite: LiveSatellite, from = 0): Uint8Array {
  return readWav(new Uint8Array(readFileSync(satellite.sndFile))).audio.subarray(from);
}

function peak(pcm: Uint8Array): number {
  return samplesOf(pcm).reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
}

const idle = (server: JarvisServer, name: string) => async () =>
  (await e2e.stateOf(server, name)) === 'idle';

describe('announcements follow the modes', () => {
  it('held in do not disturb, urgent said at once, the held ones said when the mode ends; quieter at night', async () => {
    const clock = new ManualClock(Date.now());
    const { app, api, said, asServer } = await server(clock);
    const dir = tempDir('jarvis-announce-sat-');
    const kitchen = e2e.liveSatellite('kitchen', app.wyomingUri, dir, cleanups);
    const bedroom = e2e.liveSatellite('bedroom', app.wyomingUri, dir, cleanups, {
      extraArgs: ['--area', 'Bedroom'],
    });
    await e2e.listening(asServer, kitchen);
    await e2e.listening(asServer, bedroom);
    const until1h = new Date(clock.now() + HOUR).toISOString();
    const dnd = await api('POST', '/api/modes', {
      mode: 'dnd',
      satellite: 'bedroom',
      until: until1h,
    });
    expect(dnd.status).toBe(200);

    // Everywhere: said in the kitchen, held for the bedroom.
    const everywhere = await api('POST', '/api/announce', { text: 'Dinner is ready.' });
    expect(everywhere.status).toBe(202);
    expect((everywhere.body.announced as string[]).sort()).toEqual(['bedroom', 'kitchen']);
    expect(everywhere.body.held).toEqual(['bedroom']);
    await e2e.until(
      'the kitchen said it',
      async () => kitchen.playedSeconds() > 0.5 && (await idle(asServer, 'kitchen')()),
    );
    const kitchenBytes = playedPcm(kitchen).byteLength;

    // For the bedroom: held; urgent: said there now.
    const parcel = await api('POST', '/api/announce', {
      text: 'The parcel has arrived.',
      satellite: 'bedroom',
    });
    expect(parcel.body).toEqual({ announced: ['bedroom'], held: ['bedroom'] });
    expect(bedroom.playedSeconds()).toBe(0);
    const smoke = await api('POST', '/api/announce', {
      text: 'Smoke in the garage.',
      satellite: 'bedroom',
      urgent: true,
    });
    expect(smoke.body).toEqual({ announced: ['bedroom'], held: [] });
    await e2e.until(
      'the bedroom said the urgent one',
      async () => bedroom.playedSeconds() > 0.5 && (await idle(asServer, 'bedroom')()),
    );
    expect(said).toEqual(['Dinner is ready.', 'Smoke in the garage.']);
    const urgentBytes = playedPcm(bedroom).byteLength;

    // The hour passes on the schedule's clock: do not disturb ends, the bedroom says what waited.
    clock.advance(HOUR);
    await e2e.until(
      'the held ones said',
      async () => said.at(-1) === 'The parcel has arrived.' && (await idle(asServer, 'bedroom')()),
    );
    // In the order they came, after the count.
    expect(said.slice(2).join(' ')).toBe(
      'You have two messages. Dinner is ready. The parcel has arrived.',
    );
    expect(playedPcm(bedroom, urgentBytes).byteLength).toBeGreaterThan(0);
    expect(playedPcm(kitchen).byteLength).toBe(kitchenBytes);

    // At night the kitchen says the same words at half the volume (modes.night_volume 50).
    expect((await api('POST', '/api/modes', { mode: 'night', satellite: 'kitchen' })).status).toBe(
      200,
    );
    const night = await api('POST', '/api/announce', {
      text: 'Dinner is ready.',
      satellite: 'kitchen',
    });
    expect(night.body).toEqual({ announced: ['kitchen'], held: [] });
    await e2e.until(
      'said at night',
      async () =>
        playedPcm(kitchen).byteLength > kitchenBytes && (await idle(asServer, 'kitchen')()),
    );
    const ratio =
      peak(playedPcm(kitchen, kitchenBytes)) / peak(playedPcm(kitchen).subarray(0, kitchenBytes));
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(0.55);
  }, 180_000);
});
