// `npm run bench -w server -- memory transfer [variant]`: the default (or one variant) on dev 1-5
// with the house and people misses shown (what tuning may look at), then on dev 6, 7 and 8
// (held-out 4, 5 and 6, spent) as transfer checks: their aggregate and per-category recall only,
// never their questions. The held-out set reported (held-out 7) is never run here.
import {
  DEFAULT_VARIANT,
  DEVELOPMENT,
  type Split,
  splitOf,
  tell,
  VARIANTS,
  withStore,
} from './memory.js';
import { DEV5, DEV6, DEV7, DEV8 } from './memory-dev.js';
import { GLOSS_GRID } from './memory-gloss-variants.js';
import { TRANSFER_VARIANTS } from './memory-transfer-variants.js';

/** The categories whose dev 1-5 misses are printed (MEMORY_SHOW=all for every one). */
const SHOWN = (category: string) =>
  process.env.MEMORY_SHOW === 'all' || category === 'house' || category === 'people';

interface Shown {
  readonly split: string;
  readonly category: string;
  readonly question: string;
  readonly wanted: string;
  readonly rank: number;
  readonly recalled: readonly string[];
}

async function runShown(variantName: string | undefined, split: Split, show = true) {
  const variant = variantOf(variantName);
  const { facts, questions } = splitOf(split);
  const factOf = new Map(facts.map((f) => [f.key, f]));
  const misses: Shown[] = [];
  const byCat: Record<string, { questions: number; hits: number }> = {};
  const ranks = await withStore(variant, async (store) => {
    await tell(store, facts);
    const found: number[] = [];
    for (const q of questions) {
      const recalled = (await store.recall(q.text, { limit: 10 })).map((r) => r.memory.text);
      const fact = factOf.get(q.factKey)!;
      const rank = recalled.indexOf(fact.text) + 1 || 99;
      found.push(rank);
      const g = (byCat[fact.category] ??= { questions: 0, hits: 0 });
      g.questions++;
      if (rank <= 3) g.hits++;
      if (show && rank > 3 && SHOWN(fact.category))
        misses.push({
          split,
          category: fact.category,
          question: q.text,
          wanted: fact.text,
          rank,
          recalled: recalled.slice(0, 3),
        });
    }
    return found;
  });
  const share = (k: number) => ranks.filter((r) => r <= k).length / questions.length;
  return { r1: share(1), r3: share(3), n: questions.length, byCat, misses };
}

export function variantOf(name: string | undefined) {
  const all = [...VARIANTS, ...GLOSS_GRID, ...TRANSFER_VARIANTS];
  const found = all.find((v) => v.name === (name ?? DEFAULT_VARIANT));
  if (!found) throw new Error(`no memory variant named "${name}"`);
  return found;
}

const LABELS: Partial<Record<Split, string>> = {
  [DEV5]: 'dev 5',
  [DEV6]: 'dev 6',
  [DEV7]: 'dev 7',
  [DEV8]: 'dev 8',
};
const labelOf = (split: Split) => LABELS[split] ?? split;
type Categories = Record<string, { questions: number; hits: number }>;
const categories = (cats: Categories) =>
  Object.entries(cats)
    .map(([k, v]) => `${k} ${v.hits}/${v.questions}`)
    .join(', ');

export async function runTransfer(variantName?: string): Promise<string> {
  const pct = (x: number) => (100 * x).toFixed(1);
  const lines = [`\nTransfer check (${variantOf(variantName).name})`, ''];
  const misses: Shown[] = [];
  const pool = async (splits: readonly Split[], show: boolean, name: string) => {
    let pooled = { n: 0, r1: 0, r3: 0 };
    const cats: Categories = {};
    for (const split of splits) {
      const r = await runShown(variantName, split, show);
      misses.push(...r.misses);
      pooled = { n: pooled.n + r.n, r1: pooled.r1 + r.r1 * r.n, r3: pooled.r3 + r.r3 * r.n };
      for (const [k, v] of Object.entries(r.byCat)) {
        const g = (cats[k] ??= { questions: 0, hits: 0 });
        g.questions += v.questions;
        g.hits += v.hits;
      }
      lines.push(
        `${labelOf(split)}: R@1 ${pct(r.r1)} R@3 ${pct(r.r3)} (${r.n}); R@3 by category: ${categories(r.byCat)}`,
      );
    }
    lines.push(
      `pooled ${name}: R@1 ${pct(pooled.r1 / pooled.n)} R@3 ${pct(pooled.r3 / pooled.n)} (${pooled.n}); by category (R@3): ${categories(cats)}`,
      '',
    );
  };
  await pool([...DEVELOPMENT, DEV5], true, 'dev 1-5');
  await pool([DEV6, DEV7, DEV8], false, 'dev 6-8');
  lines.push(`${process.env.MEMORY_SHOW === 'all' ? 'all' : 'house and people'} misses, dev 1-5:`);
  for (const m of misses)
    lines.push(
      `- ${labelOf(m.split as Split)} ${m.category} (rank ${m.rank}): "${m.question}" wanted "${m.wanted}", got ${JSON.stringify(m.recalled)}`,
    );
  return lines.join('\n');
}
