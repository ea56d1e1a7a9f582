// `npm run bench -w server -- memory dev [variant]`: the default recall (or one named variant) on
// the development sets only (dev 1-4, and held-out 3, 4 and 5, spent, as "dev 5" to "dev 7"), with
// each question the memory missed (its rank among ten and what came first). What a person tuning
// looks at; the current held-out set is never run or printed here.
import {
  DEFAULT_VARIANT,
  DEVELOPMENT,
  type QualityResult,
  type Split,
  splitOf,
  tell,
  VARIANTS,
  withStore,
} from './memory.js';
import { GLOSS_GRID } from './memory-gloss-variants.js';

/** Held-out 3, run and classified once held-out 4 was written: development data since. */
export const DEV5: Split = 'held-out 3, seen';
/** Held-out 4, run twice and spent once held-out 5 was written: development data since. */
export const DEV6: Split = 'held-out 4, seen';
/** Held-out 5, run once before and once after the transfer session, spent once held-out 6 was written. */
export const DEV7: Split = 'held-out 5, seen';
/** Held-out 6, run by the lead before and after the house session: seen, a transfer check since. */
export const DEV8: Split = 'held-out 6';
const SPENT: Partial<Record<Split, string>> = {
  [DEV5]: 'development 5',
  [DEV6]: 'development 6',
  [DEV7]: 'development 7',
};
const DEV_SETS: readonly Split[] = [...DEVELOPMENT, DEV5, DEV6, DEV7];
const labelOf = (split: Split) => SPENT[split] ?? split;

export interface DevMiss {
  readonly split: string;
  readonly question: string;
  readonly wanted: string;
  /** 1-based among ten recalled, 99 when not among them. */
  readonly rank: number;
  readonly recalled: readonly string[];
}

export async function runDevelopment(
  variantName?: string,
): Promise<{ results: QualityResult[]; misses: DevMiss[] }> {
  const all = [...VARIANTS, ...GLOSS_GRID];
  const variant =
    all.find((v) => v.name === variantName) ?? all.find((v) => v.name === DEFAULT_VARIANT)!;
  const results: QualityResult[] = [];
  const misses: DevMiss[] = [];
  for (const split of DEV_SETS) {
    const { facts, questions } = splitOf(split);
    const textOf = new Map(facts.map((f) => [f.key, f.text]));
    const ranks = await withStore(variant, async (store) => {
      await tell(store, facts);
      const found: number[] = [];
      for (const q of questions) {
        const recalled = (await store.recall(q.text, { limit: 10 })).map((r) => r.memory.text);
        const wanted = textOf.get(q.factKey)!;
        const rank = recalled.indexOf(wanted) + 1 || 99;
        found.push(rank);
        if (rank > 3)
          misses.push({ split, question: q.text, wanted, rank, recalled: recalled.slice(0, 3) });
      }
      return found;
    });
    const share = (k: number) => ranks.filter((r) => r <= k).length / questions.length;
    results.push({
      split,
      variant: variant.name,
      embedder: '',
      facts: facts.length,
      questions: questions.length,
      recallAt1: share(1),
      recallAt3: share(3),
      byCategory: {},
    });
  }
  return { results, misses };
}

export function formatDevelopment(run: { results: QualityResult[]; misses: DevMiss[] }): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const pooled = run.results.filter((r) => !SPENT[r.split]);
  const total = pooled.reduce((n, r) => n + r.questions, 0);
  const sum = (k: 'recallAt1' | 'recallAt3') =>
    pooled.reduce((n, r) => n + r[k] * r.questions, 0) / total;
  return [
    `\nDevelopment sets only (${run.results[0]?.variant})`,
    '',
    '| split | questions | R@1 | R@3 |',
    '|---|---:|---:|---:|',
    ...run.results.map(
      (r) => `| ${labelOf(r.split)} | ${r.questions} | ${pct(r.recallAt1)} | ${pct(r.recallAt3)} |`,
    ),
    `| pooled 1-4 | ${total} | ${pct(sum('recallAt1'))} | ${pct(sum('recallAt3'))} |`,
    '',
    ...run.misses.map(
      (m) =>
        `- ${labelOf(m.split as Split)} (rank ${m.rank}): "${m.question}" wanted "${m.wanted}", got ${JSON.stringify(m.recalled)}`,
    ),
  ].join('\n');
}
