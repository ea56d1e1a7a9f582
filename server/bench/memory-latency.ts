// The memory benchmark's latency part: recall latency and ingest rate at 1,000 / 10,000 / 100,000
// memories (the development facts among generated fillers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Embedder } from '../src/memory/embedder.js';
import { HashedEmbedder } from '../src/memory/hashed-embedder.js';
import type { ScoreWeights } from '../src/memory/hybrid-score.js';
import { type LanceMemory, openLanceMemory } from '../src/memory/lance-memory.js';
import type { Lexicon } from '../src/memory/lexicon.js';
import {
  type BenchFact,
  type BenchQuestion,
  generateFillers,
  generateQualitySet,
} from './memory-corpus.js';

export interface LatencyResult {
  readonly embedder: string;
  readonly memories: number;
  /** Memories per second through `rememberMany` (embedding + LanceDB writes, batches of 1,024). */
  readonly ingestPerSecond: number;
  /** Index refresh after the import (full-text merge; vector index build when large enough). */
  readonly indexSeconds: number;
  readonly recallP50Ms: number;
  readonly recallP95Ms: number;
  /** recall@3 of the development questions with their facts among the filler memories. */
  readonly recallAt3: number;
  /** `remember` one at a time into the full store (embedding, same-thing lookup, commit). */
  readonly rememberP50Ms: number;
  readonly rememberP95Ms: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'jarvis-memory-bench-'));
}

async function timeRecalls(
  store: LanceMemory,
  questions: readonly BenchQuestion[],
  facts: readonly BenchFact[],
) {
  const textOf = new Map(facts.map((f) => [f.key, f.text]));
  for (const q of questions.slice(0, 10)) await store.recall(q.text); // warm-up
  const times: number[] = [];
  let hits = 0;
  for (const q of questions) {
    const started = performance.now();
    const recalled = await store.recall(q.text, { limit: 3 });
    times.push(performance.now() - started);
    if (recalled.some((r) => r.memory.text === textOf.get(q.factKey))) hits++;
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    recallAt3: hits / questions.length,
  };
}

/**
 * At `size` memories, analysed with `lexicon` (the benchmark passes the server's default),
 * embedded by `embedder` (default: the hashed one) and scored with `weights`.
 */
export async function runLatency(
  size: number,
  lexicon?: Lexicon,
  embedder: Embedder = new HashedEmbedder({ lexicon }),
  weights?: ScoreWeights,
): Promise<LatencyResult> {
  const { facts, questions } = generateQualitySet();
  const dir = tempDir();
  const store = await openLanceMemory({ dir, embedder, lexicon, weights });
  try {
    const inputs = [
      ...generateFillers(Math.max(0, size - facts.length)),
      ...facts.map((f) => ({ text: f.text, kind: f.kind })),
    ];
    let started = performance.now();
    await store.rememberMany(inputs, { refreshIndexes: false });
    const ingestSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await store.optimize();
    const indexSeconds = (performance.now() - started) / 1000;
    const recall = await timeRecalls(store, questions, facts);
    const remembers: number[] = [];
    for (const filler of generateFillers(30, size)) {
      started = performance.now();
      await store.remember({ ...filler, text: `${filler.text} (new ${remembers.length})` });
      remembers.push(performance.now() - started);
    }
    remembers.sort((a, b) => a - b);
    return {
      embedder: embedder.id,
      memories: inputs.length,
      ingestPerSecond: inputs.length / ingestSeconds,
      indexSeconds,
      recallP50Ms: recall.p50,
      recallP95Ms: recall.p95,
      recallAt3: recall.recallAt3,
      rememberP50Ms: percentile(remembers, 0.5),
      rememberP95Ms: percentile(remembers, 0.95),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
