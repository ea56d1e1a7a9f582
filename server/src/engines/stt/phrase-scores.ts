// The numbers behind the phrase engine's confidence, from its decoders' hypotheses of one
// utterance: the grammar's best sentence against free phones (the phone loop) and, when there is
// one, free words (the word loop). Pure, so the engine only runs the decoders.
import {
  type AcceptanceRule,
  acceptanceScore,
  isFillerWord,
  segmentFits,
  worstOf,
} from './phrase-confidence.js';
import type { PhraseResult } from './phrase-engine-types.js';
import type { Hypothesis } from './sphinx-batch.js';

export type PhraseScores = Pick<
  PhraseResult,
  'score' | 'fit' | 'frames' | 'words' | 'segments' | 'fillerFrames' | 'free' | 'loopMargin'
>;

/** `best` (the grammar's), `free` (the phone loop's), `loop` (the word loop's, if any). */
export function scoreHypotheses(
  best: Hypothesis,
  free: Hypothesis,
  loop: Hypothesis | undefined,
  rule: AcceptanceRule,
): PhraseScores {
  // Per frame of all that was decoded: what the grammar could only explain as silence or
  // noise counts against it, and the speech span keeps long silences out.
  const frames = Math.max(best.frames, 1);
  const fit = (best.acousticScore - free.acousticScore) / frames;
  const segments = segmentFits(best, free);
  const words = segments.filter((segment) => !isFillerWord(segment.word));
  const loopMargin =
    loop && loop.frames > 0 ? (best.acousticScore - loop.acousticScore) / frames : undefined;
  return {
    score: acceptanceScore({ fit, ...worstOf(words), loopMargin }, rule),
    fit,
    frames,
    words,
    segments,
    fillerFrames: best.segments
      .filter((segment) => segment.filler)
      .reduce((sum, segment) => sum + Math.max(0, segment.end - segment.start), 0),
    free: free.acousticScore / Math.max(free.frames, 1),
    loopMargin,
  };
}
