// Generated noise: white, pink and brown noise from a seeded generator, and babble (other voices
// talking), each mixed into speech at a signal-to-noise ratio measured over the whole clip. The
// wake word benchmark's noisy conditions, and the noisy copies enrolment trains the verifier on.

export type Colour = 'white' | 'pink' | 'brown';
export const COLOURS: readonly Colour[] = ['white', 'pink', 'brown'];

/** A seeded standard normal generator (LCG + Box-Muller): the same seed, the same noise. */
function gaussian(seed: number): () => number {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return (state + 1) / 2 ** 32;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * `length` samples of noise of `colour`, unscaled. Pink: Paul Kellet's filter (-3 dB per
 * octave); brown: leaky integrated white noise (-6 dB per octave), the leak keeping it centred.
 */
export function colouredNoise(colour: Colour, length: number, seed: number): Float32Array {
  const next = gaussian(seed);
  const out = new Float32Array(length);
  if (colour === 'white') {
    for (let i = 0; i < length; i++) out[i] = next();
  } else if (colour === 'pink') {
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    for (let i = 0; i < length; i++) {
      const white = next();
      b0 = 0.99765 * b0 + white * 0.099046;
      b1 = 0.963 * b1 + white * 0.2965164;
      b2 = 0.57 * b2 + white * 1.0526913;
      out[i] = b0 + b1 + b2 + white * 0.1848;
    }
  } else {
    let level = 0;
    for (let i = 0; i < length; i++) {
      level = 0.998 * level + next() * 0.1;
      out[i] = level;
    }
  }
  return out;
}

const power = (values: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  return sum / Math.max(1, values.length);
};

/** `speech` with `noise` (repeated if shorter) scaled to `snrDb` below it, clipped to int16. */
export function mixAt(speech: Int16Array, noise: ArrayLike<number>, snrDb: number): Int16Array {
  const gain = Math.sqrt(power(speech) / 10 ** (snrDb / 10) / Math.max(1e-12, power(noise)));
  const out = new Int16Array(speech.length);
  for (let i = 0; i < speech.length; i++) {
    const value = speech[i]! + gain * noise[i % noise.length]!;
    out[i] = Math.max(-32768, Math.min(32767, Math.round(value)));
  }
  return out;
}

/**
 * Babble: several talkers at once, each a long stream of other sentences started at its own
 * offset, summed. `talkers` are 16 kHz streams; the result is as long as the longest.
 */
export function babble(talkers: readonly Int16Array[], seed: number): Float32Array {
  const length = Math.max(...talkers.map((t) => t.length));
  const out = new Float32Array(length);
  talkers.forEach((talker, k) => {
    const offset = (seed * 7919 + k * 104729) % talker.length;
    for (let i = 0; i < length; i++) out[i] = out[i]! + talker[(i + offset) % talker.length]!;
  });
  return out;
}
