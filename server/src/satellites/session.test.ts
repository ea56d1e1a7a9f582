// The session runner over real sockets: a satellite that never stops streaming, and the
// server-side VAD that each connection holds and gives back.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AudioChunk, type Event, RunPipeline, silentLogger } from 'wyoming-ts';
import { WyomingClient, WyomingServer } from 'wyoming-ts/node';
import { SileroVad, VadStream } from '@jarvis/satellite/engines';
import { type FakeAsr, startFakeAsr } from '../engines/stt/fake-asr-server.js';
import { WyomingStt } from '../engines/stt/wyoming-stt.js';
import { EspeakTts } from '../engines/tts/espeak-tts.js';
import { DemoHome } from '../home/demo-home.js';
import { createIntentRecognizer } from '../intents/index.js';
import { WakeArbiter } from './arbiter.js';
import { driveConnection } from './driver.js';
import { SatelliteRegistry } from './registry.js';

const MAX_COMMAND_SECONDS = 2;
const TIMING = {
  pingIntervalMs: 60_000,
  pingTimeoutMs: 120_000,
  reconnectMinMs: 500,
  reconnectMaxMs: 1000,
};
const FORMAT = { rate: 16000, width: 2, channels: 1 } as const;

let asr: FakeAsr;
let endpoint: WyomingServer;
let uri: string;
let registry: SatelliteRegistry;
let vadsClosed = 0;
const clients: WyomingClient[] = [];

beforeAll(async () => {
  asr = await startFakeAsr({ transcribe: () => 'what time is it' });
  const arbiter = new WakeArbiter({ windowMs: 300, rivals: () => registry.size });
  registry = new SatelliteRegistry({
    engines: {
      stt: new WyomingStt({ uri: asr.uri }),
      tts: new EspeakTts(),
      recognizer: createIntentRecognizer(),
      home: new DemoHome(),
    },
    arbiter,
    language: 'en',
    createVad: async () => {
      const stream = new VadStream({ detector: await SileroVad.load() });
      const close = stream.close.bind(stream);
      stream.close = async () => {
        vadsClosed++;
        await close();
      };
      return stream;
    },
    createWakeDetector: () => Promise.reject(new Error('not used')),
    maxCommandSeconds: MAX_COMMAND_SECONDS,
  });
  let connections = 0;
  endpoint = new WyomingServer({
    uri: 'tcp://127.0.0.1:0',
    handler: async (connection) => {
      await driveConnection(registry, `sat-${++connections}`, connection, TIMING, silentLogger);
    },
  });
  uri = await endpoint.start();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.disconnect()));
});

afterAll(async () => {
  await endpoint.stop();
  await asr.stop();
});

async function connect(): Promise<WyomingClient> {
  const client = await WyomingClient.connect(uri);
  clients.push(client);
  return client;
}

/** Reads events until one of `type` arrives; the others are returned before it. */
async function readUntil(client: WyomingClient, type: string): Promise<Event[]> {
  const seen: Event[] = [];
  for (;;) {
    const event = await client.readEvent();
    if (!event) throw new Error(`closed before ${type}; saw ${seen.map((e) => e.type).join(', ')}`);
    seen.push(event);
    if (event.type === type) return seen;
  }
}

/** Streams `seconds` of low noise (no speech, so no VAD end) in 100 ms chunks. */
async function stream(client: WyomingClient, seconds: number): Promise<void> {
  const audio = new Uint8Array(3200);
  for (let i = 0; i < audio.length; i += 2) audio[i] = (i * 7) % 16;
  for (let i = 0; i < seconds * 10; i++) {
    await client.write(new AudioChunk({ ...FORMAT, audio, timestamp: i * 100 }));
  }
}

describe('a satellite session over a real connection', () => {
  it('ends a command that never stops at max_command_seconds and drops the rest', async () => {
    const satellite = await connect();
    await satellite.write(new RunPipeline({ start_stage: 'asr', end_stage: 'tts' }));
    // Five minutes of audio, never an audio-stop: 150 times the cap.
    const streaming = stream(satellite, 300);
    const events = await readUntil(satellite, 'transcript');
    expect(events.map((e) => e.type)).toContain('transcribe');
    await streaming;
    await readUntil(satellite, 'audio-stop'); // the answer, spoken
    expect(asr.requests).toHaveLength(1);
    const seconds = asr.requests[0]!.audio.byteLength / (FORMAT.rate * FORMAT.width);
    expect(seconds).toBe(MAX_COMMAND_SECONDS);
    expect(registry.list()[0]!.phase).toBe('responding');
  });

  it('shares one VAD model between connections, and gives it back when they close', async () => {
    await vi.waitFor(() => expect(SileroVad.usage()).toEqual({ models: 0, users: 0 }));
    const closedBefore = vadsClosed;
    const satellites = await Promise.all([1, 2, 3, 4].map(() => connect()));
    await vi.waitFor(() => expect(SileroVad.usage()).toEqual({ models: 1, users: 4 }));
    await Promise.all(satellites.map((satellite) => satellite.disconnect()));
    await vi.waitFor(() => expect(SileroVad.usage()).toEqual({ models: 0, users: 0 }));
    expect(vadsClosed - closedBefore).toBe(4);
    expect(registry.size).toBe(0);
  });
});
