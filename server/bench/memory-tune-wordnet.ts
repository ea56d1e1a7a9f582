// `npm run bench -w server -- memory tune-wordnet`: how many of a word's WordNet senses to tag it
// with and how many levels of hypernyms, chosen on the two development sets only (never the
// held-out one): recall@3 of each setting on each set.
import { runQuality, type Split } from './memory.js';

const SENSES = [1, 2, 3, 5, 8];
const DEPTHS = [0, 1, 2];

export interface ExpansionRow {
  readonly senses: number;
  readonly depth: number;
  readonly recallAt3: Record<string, number>;
  /** Both development sets' questions together. */
  readonly pooled: number;
}

export async function tuneExpansion(): Promise<ExpansionRow[]> {
  const rows: ExpansionRow[] = [];
  for (const senses of SENSES) {
    for (const depth of DEPTHS) {
      const recallAt3: Record<string, number> = {};
      let hits = 0;
      let questions = 0;
      for (const split of ['development', 'development 2'] as Split[]) {
        const r = await runQuality({ name: 'tuning', expansion: { senses, depth } }, split);
        recallAt3[split] = r.recallAt3;
        hits += r.recallAt3 * r.questions;
        questions += r.questions;
      }
      rows.push({ senses, depth, recallAt3, pooled: hits / questions });
      console.error(`senses ${senses} depth ${depth}: ${((100 * hits) / questions).toFixed(1)} %`);
    }
  }
  return rows.sort((a, b) => b.pooled - a.pooled);
}

export function formatExpansion(rows: readonly ExpansionRow[]): string {
  const pct = (x: number | undefined) => (x === undefined ? '-' : `${(100 * x).toFixed(1)} %`);
  return [
    '\nWordNet expansion searched on the two development sets only',
    '',
    '| senses | hypernym levels | dev R@3 | dev 2 R@3 | both R@3 |',
    '|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.senses} | ${r.depth} | ${pct(r.recallAt3.development)} | ` +
        `${pct(r.recallAt3['development 2'])} | ${pct(r.pooled)} |`,
    ),
  ].join('\n');
}
