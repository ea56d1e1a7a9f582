// A wake word worker thread: runs the streams the pool gives it, batching the steps that are
// due in all of them (see `WakeWordStreams`), so inference never blocks the server's sockets.
import { parentPort } from 'node:worker_threads';
import {
  type SpeedVariantSettings,
  type WakeDetection,
  type WakeWordModel,
  WakeWordStreams,
} from '@jarvis/satellite/engines';
import type { FromWakeWorker, ToWakeWorker } from './wake-messages.js';

interface Placed {
  engine: WakeWordStreams;
  id: number;
  /** The last `audio` seq pushed and not yet reported. */
  seq?: number;
}

const engines = new Map<string, Promise<WakeWordStreams>>();
const placed = new Map<number, Placed>();
/** What a stream asks for (all but `shutdown`). */
type StreamMessage = Exclude<ToWakeWorker, { type: 'shutdown' }>;

const inbox: StreamMessage[] = [];
let flushing = false;
/** The flush under way (settled when none is). */
let running: Promise<void> = Promise.resolve();
let stopping = false;

const post = (message: FromWakeWorker) => parentPort!.postMessage(message);

function engineFor(
  models: readonly WakeWordModel[],
  speedVariants?: SpeedVariantSettings,
): Promise<WakeWordStreams> {
  const key = JSON.stringify([models, speedVariants]);
  let engine = engines.get(key);
  if (!engine) {
    engine = WakeWordStreams.load({ models, speedVariants });
    engines.set(key, engine);
    engine.catch(() => engines.delete(key));
  }
  return engine;
}

/** Runs every engine with streams due and reports each stream's pushed audio as done. */
async function runAll(): Promise<void> {
  const found = new Map<number, WakeDetection[]>();
  const ready = await Promise.all([...new Set(engines.values())]);
  for (const engine of ready) {
    const detections = await engine.run();
    for (const [stream, entry] of placed) {
      if (entry.engine === engine) found.set(stream, detections.get(entry.id) ?? []);
    }
  }
  for (const [stream, entry] of placed) {
    if (entry.seq === undefined) continue;
    post({ type: 'done', stream, seq: entry.seq, detections: found.get(stream) ?? [] });
    entry.seq = undefined;
  }
}

async function apply(message: StreamMessage): Promise<void> {
  if (message.type === 'open') {
    try {
      const engine = await engineFor(message.models, message.speedVariants);
      placed.set(message.stream, { engine, id: engine.open() });
    } catch (error) {
      post({ type: 'failed', stream: message.stream, message: (error as Error).message });
    }
    return;
  }
  const entry = placed.get(message.stream);
  if (!entry) return;
  if (message.type === 'audio') {
    entry.engine.push(entry.id, message.samples);
    entry.seq = message.seq;
    return;
  }
  if (entry.seq !== undefined) await runAll(); // audio before a reset or close is heard first
  if (message.type === 'reset') entry.engine.reset(entry.id);
  else {
    entry.engine.closeStream(entry.id);
    placed.delete(message.stream);
  }
}

async function flush(): Promise<void> {
  while (inbox.length > 0) {
    for (const message of inbox.splice(0)) await apply(message);
    await runAll();
  }
  flushing = false;
}

/**
 * Ending a worker while onnxruntime runs a model in it aborts the whole process, so the pool
 * asks first: the streams are dropped (the run under way stops after its round), then the
 * models are released.
 */
async function shutdown(): Promise<void> {
  stopping = true;
  inbox.length = 0;
  for (const entry of placed.values()) entry.engine.closeStream(entry.id);
  placed.clear();
  await running;
  for (const engine of await Promise.allSettled([...engines.values()])) {
    if (engine.status === 'fulfilled') await engine.value.close();
  }
  post({ type: 'closed' });
}

parentPort!.on('message', (message: ToWakeWorker) => {
  if (stopping) return;
  if (message.type === 'shutdown') {
    void shutdown();
    return;
  }
  inbox.push(message);
  if (flushing) return;
  flushing = true;
  running = new Promise((resolve) => setImmediate(() => void flush().finally(resolve)));
});
