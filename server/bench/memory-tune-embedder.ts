// `npm run bench -w server -- memory tune-embedder`: which embedder, and how much its similarity
// counts, on the development sets only (never the held-out one). Each embedder's candidates are
// gathered once, then re-scored with each vector weight (the other weights as the default).
import { DEFAULT_WEIGHTS } from '../src/memory/hybrid-score.js';
import type { EmbedderChoice } from './memory-embedders.js';
import { evaluate, gatherDevelopment, type TuneRow } from './memory-tune.js';

const CHOICES: readonly { name: string; embedder: EmbedderChoice }[] = [
  { name: 'hashed', embedder: { kind: 'hashed' } },
  { name: 'encoder, French as written', embedder: { kind: 'sentence', french: 'as-written' } },
  { name: 'encoder, French as English words', embedder: { kind: 'sentence' } },
  ...[0.25, 0.5, 0.75, 0.9].map((sentence) => ({
    name: `blend, encoder ${sentence}`,
    embedder: { kind: 'blend', sentence } as const,
  })),
];
const VECTOR_WEIGHTS = [0, 0.1, 0.25, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3];

export interface EmbedderTuneRow extends TuneRow {
  readonly embedder: string;
}

export async function tuneEmbedder(): Promise<EmbedderTuneRow[]> {
  const rows: EmbedderTuneRow[] = [];
  const now = Date.now();
  for (const choice of CHOICES) {
    const gathered = await gatherDevelopment({ name: choice.name, embedder: choice.embedder });
    for (const vector of VECTOR_WEIGHTS) {
      rows.push({
        embedder: choice.name,
        ...evaluate(gathered, { ...DEFAULT_WEIGHTS, vector }, now),
      });
    }
  }
  return rows;
}

export function formatEmbedderTune(rows: readonly EmbedderTuneRow[]): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  return [
    '\nEmbedders and vector weights on the development sets only (other weights the default)',
    '',
    '| embedder | vector weight | development recall@1 | development recall@3 |',
    '|---|---:|---:|---:|',
    ...rows.map(
      (r) => `| ${r.embedder} | ${r.weights.vector} | ${pct(r.recallAt1)} | ${pct(r.recallAt3)} |`,
    ),
  ].join('\n');
}
