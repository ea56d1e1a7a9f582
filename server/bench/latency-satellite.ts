// The latency benchmark's satellite: the real satellite process (its wake word, its VAD, its
// endpointing), a microphone fed in real time, and a Wyoming event service that notes when each
// event the satellite saw arrived (`audio-start`: the answer's first audio reached it).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from 'wyoming-ts';
import { WyomingServer } from 'wyoming-ts/node';
import { LiveMic } from '../../tests/helpers/live-mic.js';
import { type SatelliteProcess, startSatellite } from '../../tests/helpers/satellite-process.js';
import { silence } from '../../tests/helpers/speech.js';

/** The mic's chunk: 1,024 samples (64 ms), as the satellite reads its microphone. */
const CHUNK_BYTES = 2048;

interface Seen {
  readonly type: string;
  readonly at: number;
  readonly event: Event;
}

/** What the satellite forwards to its event service, with when it arrived (performance.now()). */
class EventLog {
  readonly seen: Seen[] = [];
  private waiters: Array<() => void> = [];

  add(event: Event): void {
    this.seen.push({ type: event.type, at: performance.now(), event });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The first `type` seen after `since`, waiting up to `timeoutMs` for it. */
  async next(type: string, since: number, timeoutMs: number): Promise<Seen | undefined> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.seen.find((s) => s.type === type && s.at >= since);
      if (found) return found;
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

export class BenchSatellite {
  private constructor(
    readonly events: EventLog,
    private readonly mic: LiveMic,
    private readonly process: SatelliteProcess,
    private readonly service: WyomingServer,
  ) {}

  /** Starts a satellite that connects in to `serverUri` and waits until the server runs it. */
  static async start(serverUri: string): Promise<BenchSatellite> {
    const dir = mkdtempSync(join(tmpdir(), 'jarvis-latency-'));
    const log = new EventLog();
    const service = new WyomingServer({
      uri: 'tcp://127.0.0.1:0',
      handler: async (connection) => {
        for await (const event of connection) log.add(event);
      },
    });
    const eventUri = await service.start();
    const mic = LiveMic.create(dir);
    const process = startSatellite([
      ...['--server', serverUri, '--name', 'bench', '--area', 'Kitchen'],
      ...['--mic-command', mic.command, '--snd-file', join(dir, 'played.wav')],
      ...['--awake-wav', '', '--done-wav', '', '--error-wav', ''],
      ...['--event-uri', eventUri],
    ]);
    const satellite = new BenchSatellite(log, mic, process, service);
    const running = await log.next('run-satellite', 0, 60_000);
    if (!running) {
      await satellite.stop();
      throw new Error(`the satellite did not start:\n${process.log()}`);
    }
    return satellite;
  }

  /**
   * Speaks `pcm` into the microphone in real time, padded in front so that its last sample
   * ends a microphone chunk; resolves when that chunk was written (performance.now()): the
   * moment the speaker stopped, as a real microphone would deliver it.
   */
  async say(pcm: Uint8Array): Promise<number> {
    const pad = (CHUNK_BYTES - (pcm.byteLength % CHUNK_BYTES)) % CHUNK_BYTES;
    const padded = new Uint8Array(pad + pcm.byteLength);
    padded.set(pcm, pad);
    await this.mic.say(padded);
    return performance.now();
  }

  /** Real-time silence. */
  async pause(ms: number): Promise<void> {
    await this.mic.say(silence(ms));
  }

  log(): string {
    return this.process.log();
  }

  async stop(): Promise<void> {
    await this.mic.close();
    await this.process.stop();
    await this.service.stop();
  }
}
