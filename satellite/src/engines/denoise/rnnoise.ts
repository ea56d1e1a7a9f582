// Noise suppression before the wake word: RNNoise (xiph, BSD-3-Clause) compiled to WebAssembly
// by @jitsi/rnnoise-wasm (Apache-2.0), its model inside the .wasm. RNNoise works on 10 ms
// frames of 480 samples at 48 kHz, so 16 kHz audio is resampled up (linear interpolation) and
// back down (the mean of each three samples) around it; the output is the input delayed by one
// frame (10 ms), as many samples out as in.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import createRNNWasmModule, { type RnnoiseModule } from '@jitsi/rnnoise-wasm/dist/rnnoise.js';
import { EngineError } from '../../errors.js';

const ENGINE = 'rnnoise';
const FRAME_48K = 480;
const FRAME_16K = FRAME_48K / 3;

let shared: Promise<RnnoiseModule> | undefined;

/** The WebAssembly module, loaded once per process. */
function rnnoiseModule(): Promise<RnnoiseModule> {
  shared ??= (async () => {
    try {
      const require = createRequire(import.meta.url);
      const wasm = readFileSync(require.resolve('@jitsi/rnnoise-wasm/dist/rnnoise.wasm'));
      return await createRNNWasmModule({ wasmBinary: new Uint8Array(wasm) });
    } catch (error) {
      shared = undefined;
      throw new EngineError(ENGINE, `cannot load RNNoise: ${(error as Error).message}`, {
        cause: error,
      });
    }
  })();
  return shared;
}

/** A streaming denoiser of 16 kHz mono 16-bit audio; one per stream. */
export class RnnoiseDenoiser {
  readonly #module: RnnoiseModule;
  #state: number;
  readonly #buffer: number;
  /** Input waiting for a whole frame, and the last sample of the previous frame. */
  readonly #pending = new Float32Array(FRAME_16K);
  #filled = 0;
  #previous = 0;
  /** Denoised samples waiting to go out: starts with one frame of silence (the delay). */
  #output = new Int16Array(FRAME_16K);
  #outputFilled = FRAME_16K;
  #closed = false;
  /** RNNoise's own speech probability for the last frame. */
  lastSpeechProbability = 0;

  private constructor(module: RnnoiseModule) {
    this.#module = module;
    this.#state = module._rnnoise_create();
    this.#buffer = module._malloc(FRAME_48K * 4);
  }

  static async load(): Promise<RnnoiseDenoiser> {
    return new RnnoiseDenoiser(await rnnoiseModule());
  }

  /** Denoises `samples`; returns as many samples, 10 ms late. */
  process(samples: Int16Array): Int16Array {
    if (this.#closed) throw new EngineError(ENGINE, 'the denoiser is closed');
    const out = new Int16Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      // One sample out, one in: the queue empties exactly when a new frame refills it.
      out[i] = this.#output[FRAME_16K - this.#outputFilled]!;
      this.#outputFilled--;
      this.#pending[this.#filled++] = samples[i]!;
      if (this.#filled === FRAME_16K) {
        this.#frame();
        this.#filled = 0;
      }
    }
    return out;
  }

  /** Back to the start of a new stream. */
  reset(): void {
    if (this.#closed) return;
    this.#module._rnnoise_destroy(this.#state);
    this.#state = this.#module._rnnoise_create();
    this.#filled = 0;
    this.#previous = 0;
    this.#output = new Int16Array(FRAME_16K);
    this.#outputFilled = FRAME_16K;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#module._rnnoise_destroy(this.#state);
    this.#module._free(this.#buffer);
  }

  #frame(): void {
    const heap = this.#module.HEAPF32;
    const base = this.#buffer >> 2;
    let previous = this.#previous;
    for (let i = 0; i < FRAME_16K; i++) {
      const current = this.#pending[i]!;
      heap[base + 3 * i] = previous + (current - previous) / 3;
      heap[base + 3 * i + 1] = previous + ((current - previous) * 2) / 3;
      heap[base + 3 * i + 2] = current;
      previous = current;
    }
    this.#previous = previous;
    this.lastSpeechProbability = this.#module._rnnoise_process_frame(
      this.#state,
      this.#buffer,
      this.#buffer,
    );
    const denoised = this.#module.HEAPF32;
    const next = new Int16Array(FRAME_16K);
    for (let i = 0; i < FRAME_16K; i++) {
      const mean =
        (denoised[base + 3 * i]! + denoised[base + 3 * i + 1]! + denoised[base + 3 * i + 2]!) / 3;
      next[i] = Math.max(-32768, Math.min(32767, Math.round(mean)));
    }
    this.#output = next;
    this.#outputFilled = FRAME_16K;
  }
}
