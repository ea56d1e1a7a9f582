// Loading and checking the ONNX models of the openWakeWord pipeline.
import { existsSync } from 'node:fs';
import * as ort from '../onnx-runtime.js';
import { EngineError } from '../../errors.js';
import { SharedSessions } from '../shared-sessions.js';

export const ENGINE = 'openwakeword';

/** Audio rate every model expects. */
export const SAMPLE_RATE = 16000;
/** One streaming step: 80 ms of audio. */
export const STEP_SAMPLES = 1280;
/** Mel frames start every 160 samples (10 ms)... */
export const MEL_HOP = 160;
/** ...and each covers 512 samples (32 ms), so a step needs 480 samples of the one before. */
export const MEL_CONTEXT = 480;
export const MEL_BINS = 32;
/** (480 + 1280 - 512) / 160 + 1 = 8.8: eight whole frames per step. */
export const FRAMES_PER_STEP = STEP_SAMPLES / MEL_HOP;
/** Mel frames in one embedding window (775 ms). */
export const EMBEDDING_FRAMES = 76;
export const EMBEDDING_SIZE = 96;

// One thread each: a wake word engine on a Pi shares its cores with everything else, and
// ORT's thread pool only adds spinning for models this small.
const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  logSeverityLevel: 4,
};

// Sessions are shared between detectors that load the same file, and released when the last
// one closes: a server with fifty streaming satellites needs three sessions, not 150.
const shared = new SharedSessions(createSession);

/** Opens one model file; a missing, unreadable or corrupt file gives an `EngineError` naming it. */
export function openModel(path: string): Promise<ort.InferenceSession> {
  return shared.open(path);
}

async function createSession(path: string): Promise<ort.InferenceSession> {
  if (!existsSync(path)) throw new EngineError(ENGINE, `model file not found: ${path}`);
  try {
    return await ort.InferenceSession.create(path, SESSION_OPTIONS);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new EngineError(ENGINE, `cannot load model ${path}: ${reason}`, { cause });
  }
}

/** Gives back a session from `openModel`; the last user's release frees it. */
export function releaseModel(session: ort.InferenceSession): Promise<void> {
  return shared.release(session);
}

/** The shape ONNX declares for a session's only input, with symbolic sizes as `undefined`. */
function inputShape(session: ort.InferenceSession): (number | undefined)[] {
  const meta = session.inputMetadata[0];
  if (meta === undefined || !meta.isTensor) return [];
  return meta.shape.map((dim) => (typeof dim === 'number' ? dim : undefined));
}

function expect(ok: boolean, path: string, what: string): void {
  if (!ok) throw new EngineError(ENGINE, `${path} is not ${what}`);
}

export function checkMelspectrogram(session: ort.InferenceSession, path: string): void {
  const shape = inputShape(session);
  expect(
    session.inputNames.length === 1 && shape.length === 2,
    path,
    'a melspectrogram model (input [batch, samples])',
  );
}

export function checkEmbedding(session: ort.InferenceSession, path: string): void {
  const shape = inputShape(session);
  expect(
    shape.length === 4 && shape[1] === EMBEDDING_FRAMES && shape[2] === MEL_BINS,
    path,
    `an embedding model (input [N, ${EMBEDDING_FRAMES}, ${MEL_BINS}, 1])`,
  );
}

/** Checks a wake word classifier and returns how many embeddings it reads (16 for the built-ins). */
export function classifierWindow(session: ort.InferenceSession, path: string): number {
  const input = inputShape(session);
  const [, window, size] = input;
  const output = session.outputMetadata[0];
  const outputShape = output?.isTensor ? output.shape : [];
  expect(
    input.length === 3 &&
      size === EMBEDDING_SIZE &&
      window !== undefined &&
      window > 0 &&
      session.outputNames.length === 1 &&
      outputShape.length === 2 &&
      outputShape[1] === 1,
    path,
    `a wake word classifier (input [1, N, ${EMBEDDING_SIZE}], output [1, 1])`,
  );
  return window!;
}

/** Frees sessions, ignoring ones that are already released. */
export async function releaseAll(sessions: readonly ort.InferenceSession[]): Promise<void> {
  await Promise.allSettled(sessions.map((session) => releaseModel(session)));
}
