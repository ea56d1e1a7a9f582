// Time stretch with the pitch kept: WSOLA (waveform-similarity overlap-add, Verhelst and
// Roelands 1993). The output is built from 20 ms Hann-windowed pieces of the input laid 10 ms
// apart; each piece is taken near where the stretch puts it, shifted by up to 7.5 ms to the
// position most like the input that followed the piece before it, so that periods line up and
// the voice keeps its pitch.

/** Piece length: 20 ms at 16 kHz. */
const PIECE = 320;
/** Output hop: half a piece, where periodic Hann windows sum to one. */
const HOP = PIECE / 2;
/** How far a piece may move from its nominal place: 7.5 ms, half a period of a 67 Hz voice. */
const TOLERANCE = 120;

const HANN = Float32Array.from(
  { length: PIECE },
  (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / PIECE),
);

/**
 * `samples` made `factor` times longer (1.3: as if said at 1/1.3 of the speed), same pitch.
 * Returns `round(samples.length * factor)` samples.
 */
export function stretch(samples: Int16Array, factor: number): Int16Array {
  if (!(factor > 0) || !Number.isFinite(factor)) {
    throw new RangeError(`stretch factor must be a positive number, got ${factor}`);
  }
  const length = Math.round(samples.length * factor);
  const out = new Float32Array(length + PIECE);
  // Input with a piece plus the tolerance of silence after its end: every read is in range.
  const input = new Float32Array(samples.length + PIECE + 2 * TOLERANCE + HOP);
  for (let i = 0; i < samples.length; i++) input[i] = samples[i]!;
  const last = samples.length + TOLERANCE;
  let previous = 0;
  for (let k = 0; k * HOP < length; k++) {
    const start =
      k === 0 ? 0 : bestStart(input, previous + HOP, Math.round((k * HOP) / factor), last);
    for (let n = 0; n < PIECE; n++) out[k * HOP + n]! += HANN[n]! * input[start + n]!;
    previous = start;
  }
  const result = new Int16Array(length);
  for (let i = 0; i < length; i++) {
    result[i] = Math.max(-32768, Math.min(32767, Math.round(out[i]!)));
  }
  return result;
}

/**
 * Where near `nominal` the piece best continues the input at `continuation`: the largest
 * cross-correlation within the tolerance, kept between 0 and `last`.
 */
function bestStart(
  input: Float32Array,
  continuation: number,
  nominal: number,
  last: number,
): number {
  const from = Math.max(0, nominal - TOLERANCE);
  const to = Math.min(last, nominal + TOLERANCE);
  let best = Math.min(Math.max(nominal, 0), last);
  let bestScore = -Infinity;
  for (let start = from; start <= to; start++) {
    let score = 0;
    // Every other sample: half the work, the same choice on speech.
    for (let n = 0; n < PIECE; n += 2) score += input[continuation + n]! * input[start + n]!;
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  return best;
}
