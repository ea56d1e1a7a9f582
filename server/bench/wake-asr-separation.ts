// How well the spoken-word check's likelihood tells the wake word from what else woke the model
// (wake-asr.ts), per wake threshold on the calibration voices: its score on every detection that
// would accept a positive clip against every detection in ordinary speech and near misses.
import {
  detections,
  type FrontEnd,
  type ItemScores,
  NEAR_MISSES,
  type Scored,
  type Setting,
  splitOf,
} from '@jarvis/satellite/bench/wake';

/** The share of detected wake words a check keeps at the threshold the table reports. */
const KEEP = 0.95;

export interface Separation {
  readonly wakeWords: number;
  readonly ordinary: number;
  readonly nearMisses: number;
  /** The chance a detected wake word scores above an ordinary (near-miss) detection. */
  readonly aucOrdinary: number;
  readonly aucNearMiss: number;
  /** The score keeping `KEEP` of the detected wake words, and what else passes it. */
  readonly threshold: number;
  readonly ordinaryPassing: number;
  readonly nearMissPassing: number;
}

/** The area under the ROC curve: P(a positive scores above a negative), ties counted half. */
export function auc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return NaN;
  const all = [
    ...positives.map((v) => ({ v, positive: true })),
    ...negatives.map((v) => ({ v, positive: false })),
  ].sort((a, b) => a.v - b.v);
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j]!.v === all[i]!.v) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.positive) rankSum += rank;
    i = j;
  }
  const n = positives.length;
  return (rankSum - (n * (n + 1)) / 2) / (n * negatives.length);
}

/** The score at or above which `share` of `values` lie. */
export function keeping(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? NaN;
}

/**
 * At wake threshold `wake` (speed variants from `slowed`) on `frontEnd`, the check's score
 * (`scoreAt`) of each calibration positive's best accepting detection and of every negative one.
 */
export function separation(
  s: Scored,
  frontEnd: FrontEnd,
  wake: number,
  slowed: number,
  scoreAt: (item: ItemScores, timestampMs: number) => number,
): Separation {
  const setting: Setting = { frontEnd, wake, gate: 0, verifier: 0, slowed };
  const pass = s.passes[frontEnd];
  const wakeWords: number[] = [];
  s.corpus.positives.forEach((clip, i) => {
    if (splitOf(clip.voice) !== 'calibration') return;
    const item = pass.positives[i]!;
    const scores = detections(s, setting, item)
      .filter(
        (d) =>
          d.timestampMs >= clip.phraseStartMs &&
          d.timestampMs <= clip.phraseEndMs + s.acceptAfterMs,
      )
      .map((d) => scoreAt(item, d.timestampMs));
    if (scores.length > 0) wakeWords.push(Math.max(...scores));
  });
  const ordinary: number[] = [];
  const near: number[] = [];
  s.corpus.negatives.forEach((stream, i) => {
    if (splitOf(stream.voice) !== 'calibration') return;
    const item = pass.negatives[i]!;
    for (const d of detections(s, setting, item)) {
      const said = stream.segments.filter((x) => x.startMs <= d.timestampMs).at(-1)?.text ?? '';
      (NEAR_MISSES.includes(said) ? near : ordinary).push(scoreAt(item, d.timestampMs));
    }
  });
  const threshold = keeping(wakeWords, KEEP);
  const passing = (values: number[]) => values.filter((v) => v >= threshold).length;
  return {
    wakeWords: wakeWords.length,
    ordinary: ordinary.length,
    nearMisses: near.length,
    aucOrdinary: auc(wakeWords, ordinary),
    aucNearMiss: auc(wakeWords, near),
    threshold,
    ordinaryPassing: passing(ordinary),
    nearMissPassing: passing(near),
  };
}

/** The table of `separation` per wake threshold, as markdown lines. */
export function separationTable(rows: readonly { wake: number; on: Separation }[]): string[] {
  const lines = [
    `| wake | wake words detected | AUC vs ordinary | AUC vs near miss | keeps ${KEEP * 100} % from | ordinary passing | near misses passing |`,
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { wake, on } of rows) {
    lines.push(
      `| ${wake} | ${on.wakeWords} | ${on.aucOrdinary.toFixed(3)} | ${on.aucNearMiss.toFixed(3)} | ` +
        `${on.threshold.toFixed(1)} | ${on.ordinaryPassing} of ${on.ordinary} | ` +
        `${on.nearMissPassing} of ${on.nearMisses} |`,
    );
  }
  return lines;
}
