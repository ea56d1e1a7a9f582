// mulberry32: a small seeded generator of numbers in [0, 1), the same sequence for the same seed.
// Shared by the wake-word verifier's training and the server's benchmark corpora
// (`@jarvis/satellite/seeded`).

export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
