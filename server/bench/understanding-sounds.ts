// The understanding benchmark's seeded randomness and the sounds it makes itself: room noise,
// and sounds that are not speech.

/** A seeded generator, so the corpus is the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` distinct sentences of `pool` picked with `next`. */
export function pick<T>(pool: readonly T[], count: number, next: () => number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, pool.length)) chosen.add(Math.floor(next() * pool.length));
  return [...chosen].map((i) => pool[i]!);
}

export const RATE = 16000;

function pcm(samples: Float64Array): Uint8Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32767)));
  }
  return new Uint8Array(out.buffer);
}

/** Low-level room noise (brown-ish), `ms` long, at about `dbfs`. */
export function roomNoise(ms: number, dbfs: number, seed: number): Uint8Array {
  const next = random(seed);
  const samples = new Float64Array(Math.round((RATE * ms) / 1000));
  let level = 0;
  for (let i = 0; i < samples.length; i++) {
    level = 0.98 * level + 0.2 * (next() * 2 - 1);
    samples[i] = level;
  }
  const rms = Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length) || 1;
  const gain = 10 ** (dbfs / 20) / rms;
  return pcm(samples.map((s) => s * gain));
}

/** Sounds that are not speech: a cough, a door slam, music (`notes`), a hiss, a clatter. */
export function sounds(
  seed: number,
  notes: readonly number[],
): { name: string; audio: Uint8Array }[] {
  const next = random(seed);
  const make = (seconds: number, fn: (t: number, i: number) => number) => {
    const samples = new Float64Array(Math.round(RATE * seconds));
    for (let i = 0; i < samples.length; i++) samples[i] = fn(i / RATE, i);
    return pcm(samples);
  };
  const noise = () => next() * 2 - 1;
  const burst = (t: number, at: number, length: number) =>
    t >= at && t < at + length ? Math.sin((Math.PI * (t - at)) / length) : 0;
  const sounds = [
    { name: 'cough', audio: make(0.9, (t) => 0.5 * noise() * (burst(t, 0.05, 0.25) + burst(t, 0.45, 0.3))) },
    { name: 'door slam', audio: make(0.8, (t) => 0.9 * noise() * Math.exp(-t * 18) + 0.3 * Math.sin(2 * Math.PI * 60 * t) * Math.exp(-t * 6)) },
    { name: 'music', audio: make(2.5, (t) => { const f = notes[Math.floor(t * 3) % notes.length]!; return 0.25 * (Math.sin(2 * Math.PI * f * t) + 0.5 * Math.sin(4 * Math.PI * f * t)); }) },
    { name: 'hiss', audio: make(1.5, () => 0.15 * noise()) },
    { name: 'clatter', audio: make(1.2, (t) => 0.6 * noise() * [0.1, 0.35, 0.5, 0.8].reduce((sum, at) => sum + burst(t, at, 0.06), 0)) },
  ]; // prettier-ignore
  return sounds;
}
