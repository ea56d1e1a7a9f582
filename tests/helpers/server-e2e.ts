// Shared pieces of the server end-to-end tests: a small house in the Home Assistant test server,
// the server's config around it, its HTTP API with the token, and polling.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWav } from 'wyoming-ts';
import { HaTestServer } from './ha-test-server.js';
import { LiveMic } from './live-mic.js';
import { type ChildLaunch, type SatelliteProcess, startSatellite } from './satellite-process.js';
import { type ServerProcess, startServer } from './server-process.js';
import { COMMAND_VOICE, joinPcm, silence, speak, TEST_VOICES } from './speech.js';

export const API_TOKEN = 'e2e-api-token-0123456789';

export type Cleanups = Array<() => Promise<unknown>>;

/** Runs the cleanups last-in first-out; for `afterEach`. */
export async function runCleanups(cleanups: Cleanups): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/** Home Assistant with a kitchen and a living room, each with a light exposed to Assist. */
export async function kitchenHome(cleanups: Cleanups): Promise<HaTestServer> {
  const light = (id: string, name: string) => ({
    entity_id: id,
    state: 'off',
    attributes: { friendly_name: name, supported_color_modes: ['brightness'] },
  });
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
      light('light.kitchen', 'Kitchen light'),
      light('light.living_room', 'Living room light'),
    ],
    exposed: { 'light.kitchen': true, 'light.living_room': true },
  });
  cleanups.push(() => ha.stop());
  return ha;
}

export interface JarvisServer {
  process: ServerProcess;
  wyomingUri: string;
  httpPort: number;
  /** GET on the HTTP API with the token, as JSON. */
  api<T = unknown>(path: string): Promise<T>;
  /** The Prometheus text of /metrics. */
  metrics(): Promise<string>;
}

/**
 * The real server process on ports of its own with the token, no zeroconf, talking to `ha`;
 * `extra` is merged over that config. Its log is printed after the test when DEBUG_SERVER is set.
 */
export async function jarvisServer(
  ha: HaTestServer,
  cleanups: Cleanups,
  extra: Record<string, unknown> = {},
  launch: ChildLaunch = {},
): Promise<JarvisServer> {
  const config = {
    log_level: 'debug',
    wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false },
    http: { host: '127.0.0.1', port: 0, token: API_TOKEN },
    discovery: { zeroconf: false },
    home_assistant: { url: ha.url, token: ha.token },
    ...extra,
  };
  const process_ = await startServer(config, undefined, launch);
  const { httpPort } = process_;
  cleanups.push(() => process_.stop());
  cleanups.push(async () => {
    if (process.env.DEBUG_SERVER) console.error(process_.log());
  });
  const get = (path: string) =>
    fetch(`http://127.0.0.1:${httpPort}${path}`, {
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
  return {
    process: process_,
    wyomingUri: process_.wyomingUri,
    httpPort,
    api: async <T>(path: string) => (await (await get(path)).json()) as T,
    metrics: async () => (await get('/metrics')).text(),
  };
}

/** The HTTP API of a server on `port`, called with `token`: status and JSON body. */
export function apiClient(port: number, token: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // A 204 (a DELETE) has no body.
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    };
  };
}

/** A satellite as `/api/satellites` lists it. */
export interface ApiSatellite {
  id: string;
  name: string;
  /** `discovered`, `adopted` or `connected`. */
  status: string;
  /** The session's phase while connected, else null. */
  state: string | null;
}

/** Polls `check` every 100 ms until it returns something truthy. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Seconds of audio in a WAV's PCM. */
export function secondsOf(wav: {
  rate: number;
  width: number;
  channels: number;
  audio: Uint8Array;
}) {
  return wav.audio.byteLength / (wav.rate * wav.width * wav.channels);
}

/** "hey jarvis", a short pause, then `command`, and a second and a half of silence. */
export async function wakeAndCommand(command: string): Promise<Uint8Array> {
  const wake = await speak('hey jarvis', TEST_VOICES[0]!);
  const spoken = await speak(command, COMMAND_VOICE);
  return joinPcm(silence(300), wake.audio, silence(250), spoken.audio, silence(1500)).audio;
}

export interface LiveSatellite {
  name: string;
  mic: LiveMic;
  sndFile: string;
  process: SatelliteProcess;
  /** Seconds of audio the satellite has played so far. */
  playedSeconds(): number;
}

export interface LiveSatelliteOptions {
  /** Play through this command instead of recording into `sndFile`. */
  sndCommand?: string;
  extraArgs?: string[];
  /** Run it under a wrapper (a network namespace, strace) or with more environment. */
  launch?: ChildLaunch;
}

/**
 * A satellite process that connects in to `serverUri` (`--server`), hears what the test says
 * into its `LiveMic`, logs at debug level, plays no sounds of its own and records what it plays.
 */
export function liveSatellite(
  name: string,
  serverUri: string,
  dir: string,
  cleanups: Cleanups,
  options: LiveSatelliteOptions = {},
): LiveSatellite {
  return spawnLiveSatellite(name, ['--server', serverUri], dir, cleanups, options);
}

/**
 * The same satellite serving Wyoming on a port the system picks (`--uri tcp://127.0.0.1:0`, no
 * zeroconf), for Home Assistant or a server to drive; resolves with the URI it serves.
 */
export async function servedSatellite(
  name: string,
  dir: string,
  cleanups: Cleanups,
  options: LiveSatelliteOptions = {},
): Promise<LiveSatellite & { uri: string; port: number }> {
  const link = ['--uri', 'tcp://127.0.0.1:0', '--no-zeroconf'];
  const satellite = spawnLiveSatellite(name, link, dir, cleanups, options);
  const uri = await until(
    `${name} serving`,
    () => /serving (tcp:\/\/[^\s;]+)/.exec(satellite.process.log())?.[1],
  );
  return { ...satellite, uri, port: Number(uri.split(':').at(-1)) };
}

function spawnLiveSatellite(
  name: string,
  link: string[],
  dir: string,
  cleanups: Cleanups,
  options: LiveSatelliteOptions,
): LiveSatellite {
  const mic = LiveMic.create(dir, `${name}.fifo`);
  cleanups.push(() => mic.close());
  const sndFile = join(dir, `${name}.wav`);
  const child = startSatellite(
    [
      ...link,
      ...['--name', name, '--area', 'Kitchen', '--debug'],
      ...['--mic-command', mic.command],
      ...(options.sndCommand ? ['--snd-command', options.sndCommand] : ['--snd-file', sndFile]),
      ...['--awake-wav', '', '--done-wav', '', '--error-wav', ''],
      ...(options.extraArgs ?? []),
    ],
    options.launch,
  );
  // A satellite the test killed has exited already: nothing to stop.
  cleanups.push(async () => {
    if (child.child.exitCode === null && child.child.signalCode === null) await child.stop();
  });
  cleanups.push(async () => {
    if (process.env.DEBUG_SATELLITE) console.error(name, child.log());
  });
  return {
    name,
    mic,
    sndFile,
    process: child,
    playedSeconds: () => {
      try {
        return secondsOf(readWav(new Uint8Array(readFileSync(sndFile))));
      } catch {
        return 0; // not written yet
      }
    },
  };
}

/** Waits until the server lists `name` and has sent it `run-satellite` (it listens now). */
export async function listening(server: JarvisServer, satellite: LiveSatellite): Promise<void> {
  await until(`${satellite.name} listening`, async () => {
    const list = await server.api<ApiSatellite[]>('/api/satellites');
    return (
      list.some((s) => s.name === satellite.name) &&
      /<- run-satellite/.test(satellite.process.log())
    );
  });
}

/** The state `/api/satellites` gives `name`, or undefined when it is not connected. */
export async function stateOf(server: JarvisServer, name: string): Promise<string | undefined> {
  const list = await server.api<ApiSatellite[]>('/api/satellites');
  return list.find((s) => s.name === name)?.state ?? undefined;
}

/**
 * The value of a counter in the Prometheus text, e.g. `jarvis_turns_total`, summed over its
 * labels (`jarvis_turns_total{way="voice"}`, `{way="http"}`, ...); NaN when it has no series.
 */
export function counter(metrics: string, name: string): number {
  const series = [...metrics.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)$`, 'gm'))];
  return series.length > 0 ? series.reduce((sum, m) => sum + Number(m[1]), 0) : Number.NaN;
}
