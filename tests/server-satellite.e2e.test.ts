import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWav } from 'wyoming-ts';
import { freePort } from './helpers/free-port.js';
import { HaTestServer } from './helpers/ha-test-server.js';
import { startSatellite } from './helpers/satellite-process.js';
import { micScene } from './helpers/satellite-scenes.js';
import { startServer } from './helpers/server-process.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TOKEN = 'e2e-api-token-0123456789';

/** A small house in Home Assistant: the kitchen light is exposed to Assist. */
async function homeAssistant() {
  const ha = await HaTestServer.start({
    areas: [
      { area_id: 'kitchen', name: 'Kitchen', aliases: ['Cuisine'] },
      { area_id: 'living_room', name: 'Living room', aliases: ['Salon'] },
    ],
    entities: [
      { entity_id: 'light.kitchen', original_name: 'Kitchen light', area_id: 'kitchen' },
      {
        entity_id: 'light.living_room',
        original_name: 'Living room light',
        area_id: 'living_room',
      },
    ],
    states: [
      {
        entity_id: 'light.kitchen',
        state: 'off',
        attributes: { friendly_name: 'Kitchen light', supported_color_modes: ['brightness'] },
      },
      {
        entity_id: 'light.living_room',
        state: 'off',
        attributes: { friendly_name: 'Living room light', supported_color_modes: ['brightness'] },
      },
    ],
    exposed: { 'light.kitchen': true, 'light.living_room': true },
  });
  cleanups.push(() => ha.stop());
  return ha;
}

async function api(port: number, path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return response.json() as Promise<Record<string, unknown>>;
}

async function until<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const direction of ['server connects out', 'satellite connects in'] as const) {
  describe(`a voice turn end to end (${direction})`, () => {
    it('"hey jarvis, turn on the kitchen light" turns it on in Home Assistant and answers', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jarvis-e2e-'));
      const scene = await micScene(dir);
      const ha = await homeAssistant();
      const satellitePort = await freePort();
      const wyomingPort = await freePort();
      const httpPort = await freePort();
      const sndFile = join(dir, 'played.wav');
      const satelliteArgs = [
        '--name',
        'kitchen',
        '--area',
        'Kitchen',
        '--mic-file',
        scene.path,
        '--snd-file',
        sndFile,
        '--awake-wav',
        '',
        '--done-wav',
        '',
      ];
      const server = await startServer({
        log_level: 'debug',
        wyoming: { uri: `tcp://127.0.0.1:${wyomingPort}`, zeroconf: false },
        http: { host: '127.0.0.1', port: httpPort, token: TOKEN },
        discovery: { zeroconf: false },
        home_assistant: { url: ha.url, token: ha.token },
        satellites:
          direction === 'server connects out' ? [{ uri: `tcp://127.0.0.1:${satellitePort}` }] : [],
      });
      cleanups.push(() => server.stop());
      cleanups.push(async () => {
        if (process.env.DEBUG_SERVER) console.error(server.log());
      });
      const satellite = startSatellite(
        direction === 'server connects out'
          ? [...satelliteArgs, '--uri', `tcp://127.0.0.1:${satellitePort}`, '--no-zeroconf']
          : [...satelliteArgs, '--server', `tcp://127.0.0.1:${wyomingPort}`],
      );
      cleanups.push(() => satellite.stop());

      const call = await until('light.turn_on', () =>
        ha.calls.find((c) => c.domain === 'light' && c.service === 'turn_on'),
      );
      expect(call.target).toEqual({ entity_id: ['light.kitchen'] });
      const turn = await until('an idle satellite after the turn', async () => {
        const satellites = (await api(httpPort, '/api/satellites')) as unknown as Array<{
          state: string;
        }>;
        const metrics = await fetch(`http://127.0.0.1:${httpPort}/metrics`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        }).then((r) => r.text());
        return satellites[0]?.state === 'idle' && /jarvis_turns_total 1/.test(metrics)
          ? metrics
          : undefined;
      });
      expect(turn).toMatch(/jarvis_intent_turns_total\{intent="HassTurnOn"\} 1/);
      expect(turn).toMatch(
        /jarvis_stage_latency_ms_count\{stage="speech_end_to_first_audio_ms"\} 1/,
      );
      // Back to idle after a spoken answer: the satellite's `played` came back to the server.

      const played = readWav(new Uint8Array(readFileSync(sndFile)));
      const seconds = played.audio.length / 2 / played.rate;
      expect(seconds).toBeGreaterThan(0.8); // "Turned on the kitchen light."
      const ha2 = ha.home.state('light.kitchen');
      expect(ha2?.state).toBe('on');
    });
  });
}
