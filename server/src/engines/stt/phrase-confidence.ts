// How well the grammar's sentence explains the audio, word by word: each recognized word's
// acoustic score against the best score free phones get over the same frames (the phone-loop
// decoder's segments). Pure.
import type { Hypothesis, Segment } from './sphinx-batch.js';

export interface WordFit {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** Word score minus free-phone score over its frames, per frame (0 = as good as free phones). */
  readonly margin: number;
}

/** The free decoder's score over frames [start, end), its segments prorated at the edges. */
export function scoreBetween(segments: readonly Segment[], start: number, end: number): number {
  let score = 0;
  for (const segment of segments) {
    const length = segment.end - segment.start;
    if (length <= 0) continue;
    const overlap = Math.min(end, segment.end) - Math.max(start, segment.start);
    if (overlap > 0) score += (segment.acousticScore * overlap) / length;
  }
  return score;
}

/** Per-word margins of the grammar's best path against the free phone loop. */
export function wordFits(best: Hypothesis, free: Hypothesis): WordFit[] {
  return best.segments
    .filter((segment) => !segment.filler && segment.end > segment.start)
    .map((segment) => ({
      word: segment.word,
      start: segment.start,
      end: segment.end,
      margin:
        (segment.acousticScore - scoreBetween(free.segments, segment.start, segment.end)) /
        (segment.end - segment.start),
    }));
}
