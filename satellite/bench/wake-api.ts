// What the server's benchmark of the spoken-word check (`npm run bench -w server -- wake-asr`)
// uses of the wake benchmark, exported as `@jarvis/satellite/bench/wake` (source only: benchmarks
// run from the sources): the corpus scored, the settings measured and chosen on its splits.
export {
  choose,
  describe,
  detections,
  heldOut,
  inSplit,
  measure,
  type Measured,
  pct,
  pick,
  type Scored,
  type Setting,
  TARGET_FA_PER_HOUR,
} from './wake-eval.js';
export type { FrontEnd, ItemScores } from './wake-score.js';
export { NEAR_MISSES } from './wake-sentences.js';
export { PRE_THRESHOLDS } from './wake-variants.js';
export { splitOf } from './wake-voices.js';
export { scoreWakeCorpus, type WakeCorpusOptions, wakeCorpusOptions } from './wake-scored.js';
