// Long-term memory benchmark: recall quality on generated facts and differently worded questions
// (recall@1/@3, per variant of embedder and fusion), then recall latency and ingest rate at
// 1,000 / 10,000 / 100,000 memories (MEMORY_SIZES=1000,10000 to shorten).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HashedEmbedder } from '../src/memory/hashed-embedder.js';
import { DEFAULT_WEIGHTS, type Fusion, type ScoreWeights } from '../src/memory/hybrid-score.js';
import { type LanceMemory, openLanceMemory } from '../src/memory/lance-memory.js';
import {
  type BenchFact,
  type BenchQuestion,
  generateFillers,
  generateQualitySet,
} from './memory-corpus.js';

interface Variant {
  readonly name: string;
  readonly dimensions?: number;
  readonly lexicon?: boolean;
  readonly fusion?: Fusion;
  readonly weights?: ScoreWeights;
}

const VARIANTS: readonly Variant[] = [
  { name: 'hybrid, weighted sum (default)' },
  { name: 'hybrid, reciprocal-rank fusion', fusion: 'rrf' },
  { name: 'without BM25 (vector + subject)', weights: { ...DEFAULT_WEIGHTS, text: 0 } },
  { name: 'without vector (BM25 + subject)', weights: { ...DEFAULT_WEIGHTS, vector: 0 } },
  { name: 'without subject match', weights: { ...DEFAULT_WEIGHTS, subject: 0 } },
  { name: 'embedder without lexicon features', lexicon: false },
  { name: '256 dimensions', dimensions: 256 },
  { name: '1024 dimensions', dimensions: 1024 },
];

export interface QualityResult {
  readonly variant: string;
  readonly embedder: string;
  readonly facts: number;
  readonly questions: number;
  /** Facts that replaced an earlier fact (same derived subject, or a near-duplicate). */
  readonly merged: number;
  readonly recallAt1: number;
  readonly recallAt3: number;
  readonly byCategory: Record<string, { questions: number; recallAt3: number }>;
  readonly byLanguage: Record<string, { questions: number; recallAt3: number }>;
}

export interface LatencyResult {
  readonly memories: number;
  /** Memories per second through `rememberMany` (embedding + LanceDB writes, batches of 1,024). */
  readonly ingestPerSecond: number;
  /** Index refresh after the import (full-text merge; vector index build when large enough). */
  readonly indexSeconds: number;
  readonly recallP50Ms: number;
  readonly recallP95Ms: number;
  /** recall@3 of the quality questions with their facts among the filler memories. */
  readonly recallAt3: number;
  /** `remember` one at a time into the full store (embedding, duplicate lookup, commit). */
  readonly rememberP50Ms: number;
  readonly rememberP95Ms: number;
}

export interface MemoryBenchmark {
  readonly quality: QualityResult[];
  readonly latency: LatencyResult[];
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'jarvis-memory-bench-'));
}

/** The 1-based rank of the fact among the recalled memories, or undefined. */
async function rankOf(store: LanceMemory, q: BenchQuestion, factText: string) {
  const recalled = await store.recall(q.text, { limit: 3 });
  const index = recalled.findIndex((r) => r.memory.text === factText);
  return index < 0 ? undefined : index + 1;
}

function tally(
  facts: readonly BenchFact[],
  questions: readonly BenchQuestion[],
  ranks: (number | undefined)[],
) {
  const byKey = new Map(facts.map((f) => [f.key, f]));
  const groups = { byCategory: {}, byLanguage: {} } as Record<
    'byCategory' | 'byLanguage',
    Record<string, { questions: number; hits: number }>
  >;
  questions.forEach((q, i) => {
    const fact = byKey.get(q.factKey)!;
    const hit = (ranks[i] ?? 99) <= 3 ? 1 : 0;
    for (const [group, key] of [
      ['byCategory', fact.category],
      ['byLanguage', `fact ${fact.lang} / question ${q.lang}`],
    ] as const) {
      const g = (groups[group][key] ??= { questions: 0, hits: 0 });
      g.questions++;
      g.hits += hit;
    }
  });
  const out = (g: Record<string, { questions: number; hits: number }>) =>
    Object.fromEntries(
      Object.entries(g).map(([k, v]) => [
        k,
        { questions: v.questions, recallAt3: v.hits / v.questions },
      ]),
    );
  return { byCategory: out(groups.byCategory), byLanguage: out(groups.byLanguage) };
}

async function runQuality(variant: Variant): Promise<QualityResult> {
  const { facts, questions } = generateQualitySet();
  const dir = tempDir();
  const embedder = new HashedEmbedder({ dimensions: variant.dimensions, lexicon: variant.lexicon });
  const store = await openLanceMemory({
    dir,
    embedder,
    fusion: variant.fusion,
    weights: variant.weights,
  });
  try {
    let merged = 0;
    for (const fact of facts) {
      const result = await store.remember({ text: fact.text, kind: fact.kind });
      if (result.action === 'updated') merged++;
    }
    const textOf = new Map(facts.map((f) => [f.key, f.text]));
    const ranks: (number | undefined)[] = [];
    for (const q of questions) ranks.push(await rankOf(store, q, textOf.get(q.factKey)!));
    const at = (k: number) =>
      ranks.filter((r) => r !== undefined && r <= k).length / questions.length;
    return {
      variant: variant.name,
      embedder: embedder.id,
      facts: facts.length,
      questions: questions.length,
      merged,
      recallAt1: at(1),
      recallAt3: at(3),
      ...tally(facts, questions, ranks),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
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

async function runLatency(size: number): Promise<LatencyResult> {
  const { facts, questions } = generateQualitySet();
  const dir = tempDir();
  const store = await openLanceMemory({ dir, embedder: new HashedEmbedder() });
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

export async function runMemoryBenchmark(
  sizes: readonly number[] = (process.env.MEMORY_SIZES ?? '1000,10000,100000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0),
): Promise<MemoryBenchmark> {
  const quality: QualityResult[] = [];
  for (const variant of VARIANTS) quality.push(await runQuality(variant));
  const latency: LatencyResult[] = [];
  for (const size of sizes) latency.push(await runLatency(size));
  return { quality, latency };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const ms = (x: number) => x.toFixed(1);

/** Markdown tables of a run. */
export function formatMemoryBenchmark(result: MemoryBenchmark): string {
  const lines: string[] = [];
  const first = result.quality[0];
  if (first) {
    lines.push(
      `\nRecall quality: ${first.facts} generated facts (EN/FR), ${first.questions} differently worded questions, top 3 recalled`,
      '',
      '| variant | embedder | facts merged | recall@1 | recall@3 |',
      '|---|---|---:|---:|---:|',
      ...result.quality.map(
        (q) =>
          `| ${q.variant} | ${q.embedder} | ${q.merged} | ${pct(q.recallAt1)} | ${pct(q.recallAt3)} |`,
      ),
      '',
      `Default variant, recall@3 by category and by language:`,
      '',
      '| group | questions | recall@3 |',
      '|---|---:|---:|',
      ...Object.entries({ ...first.byCategory, ...first.byLanguage }).map(
        ([k, v]) => `| ${k} | ${v.questions} | ${pct(v.recallAt3)} |`,
      ),
    );
  }
  if (result.latency.length > 0) {
    lines.push(
      '',
      'Recall latency and ingest (hashed-ngram-v1:512, weighted hybrid; import through rememberMany, batches of 1,024)',
      '',
      '| memories | ingest memories/s | index refresh s | recall p50 ms | recall p95 ms | recall@3 among fillers | remember p50 ms | remember p95 ms |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...result.latency.map(
        (l) =>
          `| ${l.memories} | ${l.ingestPerSecond.toFixed(0)} | ${l.indexSeconds.toFixed(1)} | ${ms(l.recallP50Ms)} | ` +
          `${ms(l.recallP95Ms)} | ${pct(l.recallAt3)} | ${ms(l.rememberP50Ms)} | ${ms(l.rememberP95Ms)} |`,
      ),
    );
  }
  return lines.join('\n');
}
