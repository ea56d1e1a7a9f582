// `npm run bench -w server -- memory dev [variant]`: the default recall (or one named variant) on
// the development sets only, with each question the memory missed (its rank and what came
// first). What a person tuning looks at; the held-out set is never run or printed here.
import {
  DEFAULT_VARIANT,
  DEVELOPMENT,
  type QualityResult,
  runQuality,
  splitOf,
  tell,
  VARIANTS,
  withStore,
} from './memory.js';
import { GLOSS_GRID } from './memory-gloss-variants.js';

export interface DevMiss {
  readonly split: string;
  readonly question: string;
  readonly wanted: string;
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
  for (const split of DEVELOPMENT) {
    results.push(await runQuality(variant, split));
    const { facts, questions } = splitOf(split);
    const textOf = new Map(facts.map((f) => [f.key, f.text]));
    await withStore(variant, async (store) => {
      await tell(store, facts);
      for (const q of questions) {
        const recalled = (await store.recall(q.text, { limit: 3 })).map((r) => r.memory.text);
        const wanted = textOf.get(q.factKey)!;
        if (!recalled.includes(wanted)) misses.push({ split, question: q.text, wanted, recalled });
      }
    });
  }
  return { results, misses };
}

export function formatDevelopment(run: { results: QualityResult[]; misses: DevMiss[] }): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const total = run.results.reduce((n, r) => n + r.questions, 0);
  const hits = run.results.reduce((n, r) => n + r.recallAt3 * r.questions, 0);
  return [
    `\nDevelopment sets only (${run.results[0]?.variant})`,
    '',
    '| split | questions | R@1 | R@3 | preferences R@3 | episodes R@3 |',
    '|---|---:|---:|---:|---:|---:|',
    ...run.results.map(
      (r) =>
        `| ${r.split} | ${r.questions} | ${pct(r.recallAt1)} | ${pct(r.recallAt3)} | ` +
        `${pct(r.byCategory.preferences?.recallAt3 ?? 0)} | ${pct(r.byCategory.episodes?.recallAt3 ?? 0)} |`,
    ),
    `| all | ${total} | | ${pct(hits / total)} | | |`,
    '',
    ...run.misses.map(
      (m) =>
        `- ${m.split}: "${m.question}" wanted "${m.wanted}", got ${JSON.stringify(m.recalled)}`,
    ),
  ].join('\n');
}
