// `npm run bench -w server -- memory tune-wordnet`: how broadly the general lexicons tag words,
// chosen on the development sets only (never the held-out one). First a memory's WordNet
// senses and hypernym levels, then, with the best of those, a query's senses and how many
// senses of a French word's English words are added. Recall@3 of each setting on each set.
import { DEFAULT_EXPANSION, type WordNetExpansion } from '../src/memory/wordnet-lexicon.js';
import { DEVELOPMENT, runQuality } from './memory.js';

export interface ExpansionRow {
  readonly expansion: WordNetExpansion;
  readonly recallAt3: Record<string, number>;
  /** The development sets' questions together. */
  readonly pooled: number;
}

async function evaluate(expansion: WordNetExpansion): Promise<ExpansionRow> {
  const recallAt3: Record<string, number> = {};
  let hits = 0;
  let questions = 0;
  for (const split of DEVELOPMENT) {
    const r = await runQuality({ name: 'tuning', expansion }, split);
    recallAt3[split] = r.recallAt3;
    hits += r.recallAt3 * r.questions;
    questions += r.questions;
  }
  console.error(`${JSON.stringify(expansion)}: ${((100 * hits) / questions).toFixed(1)} %`);
  return { expansion, recallAt3, pooled: hits / questions };
}

const best = (rows: readonly ExpansionRow[]) =>
  [...rows].sort((a, b) => b.pooled - a.pooled)[0]!.expansion;

export async function tuneExpansion(): Promise<ExpansionRow[]> {
  const rows: ExpansionRow[] = [];
  for (const senses of [1, 2, 3, 5]) {
    for (const depth of [0, 1, 2]) {
      rows.push(await evaluate({ ...DEFAULT_EXPANSION, senses, depth }));
    }
  }
  const memory = best(rows);
  for (const querySenses of [1, 2, 3]) {
    for (const translations of [1, 2, 3]) {
      rows.push(await evaluate({ ...memory, querySenses, translations }));
    }
  }
  return rows.sort((a, b) => b.pooled - a.pooled);
}

export function formatExpansion(rows: readonly ExpansionRow[]): string {
  const pct = (x: number | undefined) => (x === undefined ? '-' : `${(100 * x).toFixed(1)} %`);
  return [
    '\nGeneral lexicons: how broadly words are tagged, searched on the three development sets only',
    '',
    '| memory senses | hypernym levels | query senses | translation senses | dev R@3 | dev 2 R@3 | dev 3 R@3 | all R@3 |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.expansion.senses} | ${r.expansion.depth} | ${r.expansion.querySenses ?? 1} | ` +
        `${r.expansion.translations ?? 2} | ${pct(r.recallAt3.development)} | ` +
        `${pct(r.recallAt3['development 2'])} | ${pct(r.recallAt3['development 3'])} | ${pct(r.pooled)} |`,
    ),
  ].join('\n');
}
