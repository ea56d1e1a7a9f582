// The wake word benchmark corpus's items, as stored in its manifest.
import type { Colour } from '../src/audio/noise.js';

export type Noise = Colour | 'babble' | 'none';

/** One clip with "hey jarvis" in it, and where the phrase is. */
export interface Positive {
  readonly voice: string;
  readonly speed: number;
  readonly condition: string;
  readonly noise: Noise;
  readonly phraseStartMs: number;
  readonly phraseEndMs: number;
  readonly file: string;
}

/** A sentence inside a negative stream. */
export interface Segment {
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** The negative sentences of one voice and speed, with silence between, as one stream. */
export interface NegativeStream {
  readonly voice: string;
  readonly speed: number;
  readonly condition: string;
  readonly noise: Noise;
  readonly segments: readonly Segment[];
  readonly file: string;
}

/** Runs `tasks` with at most `limit` at once, keeping their order. */
export async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
