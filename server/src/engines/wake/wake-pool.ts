// Server-side wake words for every satellite that streams all the time, on worker threads:
// onnxruntime-node runs a model on the thread that calls it, and fifty streams need more than
// one core, so the inference runs on a few workers (one per core by default) and the main
// thread only moves audio. Each worker batches the steps due in its streams.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Logger, silentLogger } from 'wyoming-ts';
import {
  checkSpeedVariants,
  type SpeedVariantSettings,
  turnOffOnnxTelemetry,
  type WakeDetection,
  type WakeWordDetector,
  type WakeWordModel,
} from '@jarvis/satellite/engines';
import { EngineError } from '../../errors.js';
import type { FromWakeWorker, ToWakeWorker } from './wake-messages.js';

const ENGINE = 'openwakeword';
/** A worker that dies this soon after starting, this many times in a row, is not restarted. */
const QUICK_EXIT_MS = 2000;
const MAX_QUICK_EXITS = 3;
/** A worker that has not stopped its models this long after being asked is ended anyway. */
const SHUTDOWN_MS = 10_000;

export interface WakeWordPoolOptions {
  /** Worker threads; default: one per core, at most 4. */
  readonly workers?: number;
  readonly logger?: Logger;
  /** Hear score peaks above a pre-threshold again slowed down (for fast speech); off if unset. */
  readonly speedVariants?: SpeedVariantSettings;
}

interface Pending {
  readonly seq: number;
  readonly resolve: (detections: WakeDetection[]) => void;
  readonly reject: (error: Error) => void;
}

/** One worker thread and the streams placed on it; replaced when it dies. */
class WorkerSlot {
  worker: Worker;
  readonly streams = new Map<number, PooledWakeDetector>();
  /** Set when the worker keeps dying at start: its streams fail instead of looping. */
  broken: EngineError | undefined;
  private startedAt = 0;
  private quickExits = 0;
  private lastError = '';

  constructor(
    private readonly index: number,
    private readonly logger: Logger,
  ) {
    this.worker = this.spawn();
  }

  post(message: ToWakeWorker, transfer?: ArrayBuffer[]): void {
    this.worker.postMessage(message, transfer);
  }

  /** Asks the worker to stop its models first: ending it during a model run aborts the process. */
  async terminate(): Promise<void> {
    const { worker } = this;
    worker.removeAllListeners('exit');
    if (!this.broken) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        worker.on('message', (message: FromWakeWorker) => {
          if (message.type === 'closed') resolve();
        });
        worker.once('exit', () => resolve());
        timer = setTimeout(resolve, SHUTDOWN_MS);
        timer.unref();
        worker.postMessage({ type: 'shutdown' } satisfies ToWakeWorker);
      });
      clearTimeout(timer);
    }
    await worker.terminate();
  }

  private spawn(): Worker {
    const worker = startWorker();
    this.startedAt = performance.now();
    worker.unref();
    worker.on('message', (message: FromWakeWorker) => {
      if (message.type !== 'closed') this.streams.get(message.stream)?.receive(message);
    });
    worker.on('error', (error) => {
      this.lastError = error.message;
      this.logger.error(`wake word worker ${this.index} failed: ${error.message}`);
    });
    worker.on('exit', (code) => this.exited(code));
    return worker;
  }

  private exited(code: number): void {
    this.quickExits = performance.now() - this.startedAt < QUICK_EXIT_MS ? this.quickExits + 1 : 0;
    if (this.quickExits >= MAX_QUICK_EXITS) {
      this.broken = new EngineError(
        ENGINE,
        `the wake word worker keeps failing: ${this.lastError || `exit code ${code}`}`,
      );
      this.logger.error(this.broken.message);
      for (const stream of [...this.streams.values()]) stream.fail(this.broken.message);
      return;
    }
    this.logger.warn(`wake word worker ${this.index} exited (${code}); starting another`);
    this.worker = this.spawn();
    for (const stream of this.streams.values()) stream.workerLost();
  }
}

/** The worker entry runs as built JavaScript, or from the TypeScript source through tsx. */
function startWorker(): Worker {
  // The worker's onnxruntime reads the process's environment, which only this thread can set.
  turnOffOnnxTelemetry();
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) return new Worker(new URL('./wake-worker.js', import.meta.url));
  // tsx's ESM API (its `require` entry cannot register ESM hooks).
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(tsxPackage), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./wake-worker.ts', import.meta.url).href;
  const boot = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new Worker(boot, { eval: true, execArgv: ['--conditions=source'] });
}

export class WakeWordPool {
  private readonly slots: WorkerSlot[];
  private readonly speedVariants: SpeedVariantSettings | undefined;
  private nextStream = 1;
  private closed = false;

  /** Bad speed variant settings throw a `ConfigError` here, before any worker starts. */
  constructor(options: WakeWordPoolOptions = {}) {
    if (options.speedVariants) checkSpeedVariants(options.speedVariants);
    this.speedVariants = options.speedVariants;
    const count = options.workers ?? Math.min(4, availableParallelism());
    const logger = options.logger ?? silentLogger;
    this.slots = Array.from({ length: Math.max(1, count) }, (_, i) => new WorkerSlot(i, logger));
  }

  get workers(): number {
    return this.slots.length;
  }

  /**
   * A detector for one stream, placed on the least busy worker. Models load in the worker on
   * first use; a model that fails to load rejects the stream's `process` calls.
   */
  open(models: readonly WakeWordModel[]): WakeWordDetector {
    if (this.closed) throw new EngineError(ENGINE, 'the wake word pool is closed');
    const load = (slot: WorkerSlot) => (slot.broken ? Infinity : slot.streams.size);
    const slot = this.slots.reduce((a, b) => (load(b) < load(a) ? b : a));
    return new PooledWakeDetector(slot, this.nextStream++, models, this.speedVariants);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const slot of this.slots) {
      for (const stream of [...slot.streams.values()]) stream.fail('the wake word pool closed');
    }
    await Promise.all(this.slots.map((slot) => slot.terminate()));
  }
}

class PooledWakeDetector implements WakeWordDetector {
  private seq = 0;
  private readonly pending: Pending[] = [];
  private failure: Error | undefined;

  constructor(
    private readonly slot: WorkerSlot,
    private readonly stream: number,
    readonly models: readonly WakeWordModel[],
    private readonly speedVariants: SpeedVariantSettings | undefined,
  ) {
    if (slot.broken) {
      this.failure = slot.broken;
      return;
    }
    slot.streams.set(stream, this);
    this.open();
  }

  private open(): void {
    const { stream, models, speedVariants } = this;
    this.slot.post({ type: 'open', stream, models, speedVariants });
  }

  process(samples: Int16Array): Promise<WakeDetection[]> {
    if (this.failure) return Promise.reject(this.failure);
    const copy = samples.slice();
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.push({ seq, resolve, reject });
      this.slot.post({ type: 'audio', stream: this.stream, seq, samples: copy }, [
        copy.buffer as ArrayBuffer,
      ]);
    });
  }

  reset(): void {
    if (!this.failure) this.slot.post({ type: 'reset', stream: this.stream });
  }

  async close(): Promise<void> {
    if (this.slot.streams.get(this.stream) !== this) return;
    this.slot.streams.delete(this.stream);
    this.slot.post({ type: 'close', stream: this.stream });
    this.failure ??= new EngineError(ENGINE, 'the detector is closed');
    for (const waiting of this.pending.splice(0)) waiting.resolve([]);
  }

  receive(message: Exclude<FromWakeWorker, { type: 'closed' }>): void {
    if (message.type === 'failed') {
      this.slot.streams.delete(this.stream);
      this.fail(message.message);
      return;
    }
    while (this.pending.length > 0 && this.pending[0]!.seq <= message.seq) {
      const next = this.pending.shift()!;
      next.resolve(next.seq === message.seq ? message.detections : []);
    }
  }

  /** The worker died: what was in flight is lost; the stream starts again on the new one. */
  workerLost(): void {
    for (const waiting of this.pending.splice(0)) waiting.resolve([]);
    this.open();
  }

  fail(reason: string): void {
    this.failure ??= new EngineError(ENGINE, reason);
    for (const waiting of this.pending.splice(0)) waiting.reject(this.failure);
  }
}
