// The fourth held-out split's shape, checked without recognising any of it: counts, sentences
// outside the grammar and the other splits, voices of its own that speak.
import { drawHeldout3, drawHeldout4 } from './understanding-corpus.js';
import { HELDOUT3_NEAR_MISSES } from './understanding-heldout3.js';
import { HELDOUT4_NEAR_MISSES } from './understanding-heldout4.js';
import { describeHeldOutShape } from './understanding-split-shape.js';

describeHeldOutShape({
  split: 'heldout4',
  earlier: ['calibration', 'heldout', 'heldout3'],
  nearMisses: HELDOUT4_NEAR_MISSES,
  earlierNearMisses: HELDOUT3_NEAR_MISSES,
  draw: drawHeldout4,
  earlierDraws: [drawHeldout3],
});
