import { AUDIO_FORMAT_BOUNDS } from './bounds.js';
import { ProtocolError } from './errors.js';

/** Filter design knobs; the defaults suit speech and music alike. */
export interface ResamplerOptions {
  /** Stopband attenuation in dB (default 80): how far aliases and images are pushed down. */
  attenuation?: number;
  /**
   * Transition band as a fraction of the lower Nyquist frequency (default 0.1). The passband
   * ends at (1 - transition) * Nyquist and the stopband begins at Nyquist, so nothing above
   * the lower Nyquist folds back into the output.
   */
  transition?: number;
}

/** Ratios whose reduced numerator exceeds this use an interpolated phase table instead. */
const MAX_EXACT_PHASES = 1024;
/** Phases of the interpolated table; linear interpolation between them keeps errors < -100 dB. */
const INTERPOLATED_PHASES = 512;
/**
 * Largest filter, in taps per output sample, and table, in coefficients (16 MB). 192 kHz to
 * 8 kHz needs 2,400 taps; a peer claiming 16 MHz would need 100,000 per sample, and one
 * claiming 2^31 Hz a table of 1.6 billion built synchronously: refused before any work.
 */
const MAX_TAPS = 8192;
const MAX_TABLE_SIZE = 4 * 1024 * 1024;

/**
 * A streaming band-limited resampler: a Kaiser-windowed sinc filter evaluated as a polyphase
 * table for the ratio outRate/inRate reduced by their gcd.
 *
 * Output sample n lies at input time n * inRate / outRate and is computed from the filter
 * centred exactly there, so the filter's group delay is compensated: a pulse at input time t
 * comes out at output time t, and the first output sample is input time 0 (the signal is
 * taken as zero before it). The price is latency: an output needs `latency` input frames past
 * its own time, so each `process` call holds those back until more input or `flush()`.
 * Over a whole stream the output has ceil(inputFrames * outRate / inRate) frames.
 *
 * Chunking does not change the result: any split of the input gives the same samples as one
 * call, because each output sums the same products in the same order.
 */
export class Resampler {
  readonly inRate: number;
  readonly outRate: number;
  readonly channels: number;
  /** Input frames an output waits for beyond its own time (half the filter length). */
  readonly latency: number;
  /** Filter taps per output sample. */
  readonly taps: number;

  readonly #up: number;
  readonly #down: number;
  readonly #stepWhole: number;
  readonly #stepPhase: number;
  readonly #table: Float32Array;
  readonly #interpolated: boolean;
  readonly #row: Float32Array;
  #buffer = new Float32Array(0);
  /** Valid frames in #buffer. */
  #frames = 0;
  /** Stream frame index of #buffer's first frame (negative while the leading zeros are in). */
  #bufferStart = 0;
  /** Buffer frame holding floor(time) of the next output, and that time's phase (0..up-1). */
  #position = 0;
  #phase = 0;
  #received = 0;

  constructor(inRate: number, outRate: number, channels: number, options: ResamplerOptions = {}) {
    // Bounded, so no table or buffer is ever sized by a number a peer made up.
    assertBounded(inRate, 'input rate', AUDIO_FORMAT_BOUNDS.rate);
    assertBounded(outRate, 'output rate', AUDIO_FORMAT_BOUNDS.rate);
    assertBounded(channels, 'channel count', AUDIO_FORMAT_BOUNDS.channels);
    this.inRate = inRate;
    this.outRate = outRate;
    this.channels = channels;
    const divisor = gcd(inRate, outRate);
    this.#up = outRate / divisor;
    this.#down = inRate / divisor;
    this.#stepWhole = Math.floor(this.#down / this.#up);
    this.#stepPhase = this.#down % this.#up;
    this.#interpolated = this.#up > MAX_EXACT_PHASES;
    const design = designFilter(this.#up, this.#down, options);
    const phases = this.#interpolated ? INTERPOLATED_PHASES : this.#up;
    if (design.taps > MAX_TAPS || design.taps * phases > MAX_TABLE_SIZE) {
      throw new ProtocolError(
        `cannot resample ${inRate} Hz to ${outRate} Hz: the filter would need ` +
          `${design.taps} taps and ${design.taps * phases} coefficients ` +
          `(at most ${MAX_TAPS} and ${MAX_TABLE_SIZE})`,
      );
    }
    this.taps = design.taps;
    this.latency = design.taps / 2;
    this.#table = buildTable(design, phases);
    this.#row = new Float32Array(this.#interpolated ? this.taps : 0);
    this.reset();
  }

  /** Resamples interleaved frames; returns the interleaved output frames now complete. */
  process(samples: Float32Array | Float64Array): Float32Array {
    if (samples.length % this.channels !== 0) {
      throw new ProtocolError(
        `resampler input of ${samples.length} samples is not a whole number of ${this.channels}-channel frames`,
      );
    }
    if (this.#up === this.#down) return Float32Array.from(samples);
    const frames = samples.length / this.channels;
    this.#append(samples, frames);
    this.#received += frames;
    return this.#render();
  }

  /** Ends the stream: returns the held-back output frames and resets for a new stream. */
  flush(): Float32Array {
    if (this.#up === this.#down) return new Float32Array(0);
    // Zeros after the end complete the filters of the last outputs; #render stops at the
    // last output whose time is still inside the input.
    this.#append(new Float32Array(this.latency * this.channels), this.latency);
    const tail = this.#render();
    this.reset();
    return tail;
  }

  /** Forgets the stream so far. */
  reset(): void {
    const lead = this.latency - 1;
    this.#ensureCapacity(lead);
    this.#buffer.fill(0, 0, lead * this.channels);
    this.#frames = lead;
    this.#bufferStart = -lead;
    this.#position = lead;
    this.#phase = 0;
    this.#received = 0;
  }

  #append(samples: Float32Array | Float64Array, frames: number): void {
    this.#ensureCapacity(this.#frames + frames);
    this.#buffer.set(samples, this.#frames * this.channels);
    this.#frames += frames;
  }

  #ensureCapacity(frames: number): void {
    if (this.#buffer.length >= frames * this.channels) return;
    const grown = new Float32Array(Math.max(frames, 2 * this.#buffer.length) * this.channels);
    grown.set(this.#buffer.subarray(0, this.#frames * this.channels));
    this.#buffer = grown;
  }

  /** Number of outputs whose input is buffered and whose time lies before the end of input. */
  #available(): number {
    const lastComplete = this.#frames - this.latency - 1;
    const lastInStream = this.#received - this.#bufferStart - 1;
    const span = Math.min(lastComplete, lastInStream) - this.#position;
    if (span < 0) return 0;
    // Output k is ready while floor((phase + k * down) / up) <= span.
    return Math.ceil(((span + 1) * this.#up - this.#phase) / this.#down);
  }

  #render(): Float32Array {
    const count = this.#available();
    const channels = this.channels;
    const taps = this.taps;
    const buffer = this.#buffer;
    const out = new Float32Array(count * channels);
    let position = this.#position;
    let phase = this.#phase;
    for (let n = 0, o = 0; n < count; n++) {
      let coefficients = this.#table;
      let offset = phase * taps;
      if (this.#interpolated) {
        coefficients = this.#interpolateRow(phase);
        offset = 0;
      }
      const first = (position - this.latency + 1) * channels;
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let k = 0, i = first + c; k < taps; k++, i += channels) {
          sum += coefficients[offset + k]! * buffer[i]!;
        }
        out[o++] = sum;
      }
      position += this.#stepWhole;
      phase += this.#stepPhase;
      if (phase >= this.#up) {
        phase -= this.#up;
        position++;
      }
    }
    this.#phase = phase;
    this.#position = position - this.#discardBefore(position - this.latency + 1);
    return out;
  }

  /** Drops buffered frames before `frame`, which no future output needs; returns how many. */
  #discardBefore(frame: number): number {
    // When downsampling by a large factor the next output may start past the buffered
    // frames; those still to come are dropped on a later call.
    const drop = Math.min(frame, this.#frames);
    const channels = this.channels;
    this.#buffer.copyWithin(0, drop * channels, this.#frames * channels);
    this.#frames -= drop;
    this.#bufferStart += drop;
    return drop;
  }

  #interpolateRow(phase: number): Float32Array {
    const where = (phase / this.#up) * INTERPOLATED_PHASES;
    const index = Math.floor(where);
    const fraction = where - index;
    const taps = this.taps;
    const table = this.#table;
    const row = this.#row;
    for (let k = 0, a = index * taps, b = a + taps; k < taps; k++, a++, b++) {
      row[k] = table[a]! + fraction * (table[b]! - table[a]!);
    }
    return row;
  }
}

interface FilterDesign {
  taps: number;
  /** -6 dB point in cycles per input sample. */
  cutoff: number;
  beta: number;
}

/** Kaiser's formulas for a low-pass whose stopband starts at the lower Nyquist frequency. */
function designFilter(up: number, down: number, options: ResamplerOptions): FilterDesign {
  const attenuation = options.attenuation ?? 80;
  const transition = options.transition ?? 0.1;
  if (!(attenuation >= 40 && attenuation <= 200)) {
    throw new ProtocolError(`resampler attenuation ${attenuation} dB is outside 40-200`);
  }
  if (!(transition > 0 && transition <= 0.5)) {
    throw new ProtocolError(`resampler transition ${transition} is outside (0, 0.5]`);
  }
  const nyquist = 0.5 * Math.min(1, up / down);
  const width = transition * nyquist;
  const order = (attenuation - 7.95) / (2.285 * 2 * Math.PI * width);
  const half = Math.max(2, Math.ceil((order + 1) / 2));
  const beta =
    attenuation > 50
      ? 0.1102 * (attenuation - 8.7)
      : 0.5842 * (attenuation - 21) ** 0.4 + 0.07886 * (attenuation - 21);
  return { taps: 2 * half, cutoff: nyquist - width / 2, beta };
}

/**
 * Row p holds the taps for an output at fractional input time p / phases past a frame;
 * tap k weighs the frame k - taps/2 + 1 from it. Each row is scaled to unit DC gain so
 * that phases do not differ in gain. An extra row (p = phases) ends the table for
 * interpolation.
 */
function buildTable({ taps, cutoff, beta }: FilterDesign, phases: number): Float32Array {
  const half = taps / 2;
  const rows = phases + 1;
  const table = new Float32Array(rows * taps);
  const windowScale = 1 / besselI0(beta);
  for (let p = 0; p < rows; p++) {
    const fraction = p / phases;
    let sum = 0;
    for (let k = 0; k < taps; k++) {
      const t = fraction + half - 1 - k;
      const x = t / half;
      const window = besselI0(beta * Math.sqrt(Math.max(0, 1 - x * x))) * windowScale;
      const value = 2 * cutoff * sinc(2 * cutoff * t) * window;
      table[p * taps + k] = value;
      sum += value;
    }
    for (let k = p * taps; k < (p + 1) * taps; k++) table[k] = table[k]! / sum;
  }
  return table;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/** Modified Bessel function of the first kind, order 0, by its power series. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const quarter = (x * x) / 4;
  for (let k = 1; term > sum * 1e-16; k++) {
    term *= quarter / (k * k);
    sum += term;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function assertBounded(value: number, what: string, [min, max]: readonly [number, number]): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ProtocolError(
      `resampler ${what} must be a whole number from ${min} to ${max}, got ${value}`,
      'unsupported-audio-format',
    );
  }
}
