// N satellites streaming all the time into `wake` pipelines at once, the wake word heard by the
// server: does it keep up? CPU per stream, and the delay from the end of "hey jarvis" in the
// audio to the server's `detection` (the latency the server adds), in real-time pacing. Each
// stream is 3 s of silence (or of ordinary speech, where speed variants find score peaks to
// hear again), "hey jarvis" and 3 s of silence.
import { AudioChunk, Info, RunPipeline } from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config/load.js';
import { buildSpeechEngines } from '../src/engines/index.js';
import { DemoHome } from '../src/home/demo-home.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { joinPcm, silence, speak } from '../../tests/helpers/speech.js';

const CHUNK_BYTES = 2048; // 64 ms at 16 kHz mono 16-bit
const CHUNK_MS = 64;

interface StreamResult {
  detected: boolean;
  addedLatencyMs?: number;
  lateChunks: number;
}

async function runStream(
  uri: string,
  index: number,
  audio: Uint8Array,
  wakeEndMs: number,
): Promise<StreamResult> {
  const client = await WyomingClient.connect(uri);
  await client.write(
    new Info({
      satellite: {
        name: `stream-${index}`,
        attribution: { name: 'bench', url: '' },
        installed: true,
      },
    }),
  );
  let detectedAt: number | undefined;
  let runSatellite!: () => void;
  const running = new Promise<void>((resolve) => (runSatellite = resolve));
  const reading = (async () => {
    for await (const event of client.events()) {
      if (event.type === 'run-satellite') runSatellite();
      if (event.type === 'ping') await client.write({ type: 'pong', data: event.data });
      if (event.type === 'detection' && detectedAt === undefined) detectedAt = performance.now();
    }
  })().catch(() => {});
  await running;
  await client.write(
    new RunPipeline({ start_stage: 'wake', end_stage: 'tts', restart_on_end: true }),
  );
  const started = performance.now();
  // When the end of "hey jarvis" is due in real time; openWakeWord may fire a little before it.
  const wakeDueAt = started + wakeEndMs;
  let lateChunks = 0;
  for (
    let offset = 0, n = 0;
    offset < audio.length && detectedAt === undefined;
    offset += CHUNK_BYTES, n++
  ) {
    const due = started + n * CHUNK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    else if (wait < -CHUNK_MS) lateChunks++;
    await client.write(
      new AudioChunk({
        rate: 16000,
        width: 2,
        channels: 1,
        audio: audio.subarray(offset, offset + CHUNK_BYTES),
      }),
    );
  }
  const deadline = performance.now() + 3000;
  while (detectedAt === undefined && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await client.disconnect();
  await reading;
  return {
    detected: detectedAt !== undefined,
    addedLatencyMs: detectedAt !== undefined ? detectedAt - wakeDueAt : undefined,
    lateChunks,
  };
}

export interface StreamsOptions {
  /** `wake.speed_variants` (0: off). */
  readonly speedVariants?: number;
  /** `wake.workers` (0: one per core, at most 4). */
  readonly workers?: number;
  /** Ordinary speech before "hey jarvis" instead of silence. */
  readonly speechLead?: boolean;
}

/** Said before "hey jarvis" with `speechLead`: about 3 s of ordinary speech. */
const LEAD_SENTENCE = 'the weather looks fine today, shall we go for a walk later';

export async function runStreamsBenchmark(streams = 50, options: StreamsOptions = {}) {
  const loaded = loadConfig({
    env: { JARVIS_WYOMING_URI: 'tcp://127.0.0.1:0', JARVIS_HTTP_PORT: '0' },
  });
  const config = {
    ...loaded,
    wake: {
      ...loaded.wake,
      speed_variants: options.speedVariants ?? loaded.wake.speed_variants,
      workers: options.workers ?? loaded.wake.workers,
    },
  };
  const logger = { debug() {}, info() {}, warn() {}, error: console.error };
  const home = new DemoHome();
  const recognizer = createIntentRecognizer();
  const speech = await buildSpeechEngines(config, logger);
  await speech.setSentences?.([...recognizer.sentences(home, 'en'), ...recognizer.answers('en')]);
  const app = await startApp(
    { ...config, http: { ...config.http, host: '127.0.0.1' }, discovery: { zeroconf: false } },
    { stt: speech.stt, tts: speech.tts, recognizer, home },
    logger,
  );
  const wake = (await speak('hey jarvis')).audio;
  const lead = options.speechLead
    ? joinPcm((await speak(LEAD_SENTENCE)).audio, silence(500)).audio
    : silence(3000);
  const leadMs = (lead.length / 32000) * 1000;
  const audio = joinPcm(lead, wake, silence(3000)).audio;
  const wakeEndMs = leadMs + (wake.length / 32000) * 1000;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const results = await Promise.all(
    Array.from({ length: streams }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i * 1000) / streams));
      return runStream(app.wyomingUri, i, audio, wakeEndMs);
    }),
  );
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - wall) / 1000;
  await app.stop();
  await speech.close();
  const latencies = results
    .flatMap((r) => (r.addedLatencyMs === undefined ? [] : [r.addedLatencyMs]))
    .sort((a, b) => a - b);
  const audioSeconds = streams * (wakeEndMs / 1000);
  return {
    streams,
    speedVariants: config.wake.speed_variants,
    workers: config.wake.workers,
    lead: options.speechLead ? 'speech' : 'silence',
    detected: results.filter((r) => r.detected).length,
    lateChunks: results.reduce((sum, r) => sum + r.lateChunks, 0),
    cpuSecondsPerStreamSecond: (used.user + used.system) / 1e6 / audioSeconds,
    wallSeconds: seconds,
    addedLatencyMs: {
      p50: latencies[Math.floor(latencies.length / 2)],
      p95: latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)],
      max: latencies.at(-1),
    },
  };
}
