// The memory benchmark's tables (markdown).
import type { MemoryBenchmark } from './memory.js';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const ms = (x: number) => x.toFixed(1);

function qualityTables(result: MemoryBenchmark): string[] {
  const dev = result.quality.filter((q) => q.split === 'development');
  const held = result.quality.filter((q) => q.split === 'held-out');
  if (dev.length === 0) return [];
  const lines = [
    `\nRecall quality, top 3 recalled. Development: ${dev[0]!.facts} facts, ${dev[0]!.questions} questions ` +
      `(the lexicon, weights and thresholds may be tuned on it). Held-out: ${held[0]?.facts ?? 0} facts, ` +
      `${held[0]?.questions ?? 0} questions; ${pct(result.overlap.share)} of the held-out questions' ` +
      `content words are used by a development question${result.overlap.shared.length ? ` (${result.overlap.shared.join(', ')})` : ''}.`,
    '',
    '| variant | embedder | dev recall@1 | dev recall@3 | held-out recall@1 | held-out recall@3 |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const d of dev) {
    const h = held.find((q) => q.variant === d.variant);
    lines.push(
      `| ${d.variant} | ${d.embedder} | ${pct(d.recallAt1)} | ${pct(d.recallAt3)} | ` +
        `${h ? pct(h.recallAt1) : '-'} | ${h ? pct(h.recallAt3) : '-'} |`,
    );
  }
  lines.push('', 'Default variant, recall@3 by category:', '');
  lines.push(
    '| category | dev questions | dev recall@3 | held-out questions | held-out recall@3 |',
  );
  lines.push('|---|---:|---:|---:|---:|');
  const categories = new Set([
    ...Object.keys(dev[0]!.byCategory),
    ...Object.keys(held[0]?.byCategory ?? {}),
  ]);
  for (const c of categories) {
    const d = dev[0]!.byCategory[c];
    const h = held[0]?.byCategory[c];
    lines.push(
      `| ${c} | ${d?.questions ?? 0} | ${d ? pct(d.recallAt3) : '-'} | ${h?.questions ?? 0} | ${h ? pct(h.recallAt3) : '-'} |`,
    );
  }
  return lines;
}

function updateTable(result: MemoryBenchmark): string[] {
  const u = result.updates;
  return [
    '',
    `Updates: ${u.pairs} pairs of statements about one thing, said one after the other (half with the subject given, as the agent does)`,
    '',
    '| pairs | count | correct |',
    '|---|---:|---:|',
    `| different facts: both kept (no wrong overwrite) | ${u.keptBoth.pairs} | ${pct(u.keptBoth.share)} |`,
    `| a new value: the old one replaced, in the history | ${u.updated.pairs} | ${pct(u.updated.share)} |`,
    ...[...u.keptBoth.failed, ...u.updated.failed].map((f) => `\n- wrong: ${f}`),
  ];
}

function latencyTable(result: MemoryBenchmark): string[] {
  if (result.latency.length === 0) return [];
  return [
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
  ];
}

/** Markdown tables of a run. */
export function formatMemoryBenchmark(result: MemoryBenchmark): string {
  return [...qualityTables(result), ...updateTable(result), ...latencyTable(result)].join('\n');
}
