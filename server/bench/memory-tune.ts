// `npm run bench -w server -- memory tune`: searches recall's weights on the development sets
// only (never the held-out one): each question's candidates are gathered once, then re-scored
// with every weighting of a grid. Prints the best and the current default.
import {
  type Candidate,
  DEFAULT_WEIGHTS,
  fuse,
  type ScoreWeights,
} from '../src/memory/hybrid-score.js';
import type { Memory } from '../src/memory/memory.js';
import { DEVELOPMENT, splitOf, tell, type Variant, withStore } from './memory.js';

export interface TuneRow {
  readonly weights: ScoreWeights;
  readonly recallAt1: number;
  readonly recallAt3: number;
}

const GRID = {
  vector: [0.1, 0.25, 0.5, 0.75],
  text: [0.15, 0.3, 0.45, 0.6, 0.8],
  subject: [0.25, 0.4, 0.6, 0.8, 1],
  kind: [0, 0.1, 0.2, 0.3],
  user: [0, 0.1, 0.2, 0.3],
  answer: [0, 0.1, 0.2, 0.3, 0.45],
};

export type Gathered = { candidates: Candidate<Memory>[]; want: string | undefined }[];

/** Each development question's candidates, gathered once from a store told its split's facts. */
export async function gatherDevelopment(variant: Variant = { name: 'tuning' }): Promise<Gathered> {
  const gathered: Gathered = [];
  for (const split of DEVELOPMENT) {
    const { facts, questions } = splitOf(split);
    const textOf = new Map(facts.map((f) => [f.key, f.text]));
    await withStore(variant, async (store) => {
      await tell(store, facts);
      for (const q of questions) {
        gathered.push({ candidates: await store.candidates(q.text), want: textOf.get(q.factKey) });
      }
    });
  }
  return gathered;
}

/** Recall of the gathered questions when their candidates are scored with `weights`. */
export function evaluate(gathered: Gathered, weights: ScoreWeights, now: number): TuneRow {
  let at1 = 0;
  let at3 = 0;
  for (const { candidates, want } of gathered) {
    const rank = fuse(candidates, { now, weights }).findIndex(
      (s) => s.candidate.item.text === want,
    );
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 3) at3++;
  }
  return { weights, recallAt1: at1 / gathered.length, recallAt3: at3 / gathered.length };
}

export async function tuneWeights(): Promise<{ best: TuneRow[]; current: TuneRow }> {
  const gathered = await gatherDevelopment();
  const now = Date.now();
  const rows: TuneRow[] = [];
  for (const vector of GRID.vector) {
    for (const text of GRID.text) {
      for (const subject of GRID.subject) {
        for (const kind of GRID.kind) {
          for (const user of GRID.user) {
            for (const answer of GRID.answer) {
              rows.push(
                evaluate(
                  gathered,
                  { ...DEFAULT_WEIGHTS, vector, text, subject, kind, user, answer },
                  now,
                ),
              );
            }
          }
        }
      }
    }
  }
  rows.sort((a, b) => b.recallAt3 - a.recallAt3 || b.recallAt1 - a.recallAt1);
  return { best: rows.slice(0, 12), current: evaluate(gathered, DEFAULT_WEIGHTS, now) };
}

export function formatTune(result: { best: TuneRow[]; current: TuneRow }): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const row = (name: string, r: TuneRow) =>
    `| ${name} | ${r.weights.vector} | ${r.weights.text} | ${r.weights.subject} | ` +
    `${r.weights.kind ?? 0} | ${r.weights.user ?? 0} | ${r.weights.answer ?? 0} | ` +
    `${pct(r.recallAt1)} | ${pct(r.recallAt3)} |`;
  return [
    '\nWeights searched on the development sets only (recency 0.1, importance 0.1 fixed)',
    '',
    '| | vector | text | subject | kind | user | answer | development recall@1 | development recall@3 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    row('current default', result.current),
    ...result.best.map((r, i) => row(`#${i + 1}`, r)),
  ].join('\n');
}
