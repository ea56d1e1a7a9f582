// The memory benchmark's tables (markdown).
import { type MemoryBenchmark, type QualityResult, type Split, SPLITS } from './memory.js';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const ms = (x: number) => x.toFixed(1);

function qualityTables(result: MemoryBenchmark): string[] {
  const of = (split: Split) => result.quality.filter((q) => q.split === split);
  const [dev, dev2, held] = SPLITS.map(of) as [QualityResult[], QualityResult[], QualityResult[]];
  if (dev.length === 0) return [];
  const size = (rows: QualityResult[]) =>
    `${rows[0]?.facts ?? 0} facts, ${rows[0]?.questions ?? 0} questions`;
  const lines = [
    `\nRecall quality, top 3 recalled. Development: ${size(dev)}; development 2 (the earlier ` +
      `held-out set, seen while tuning): ${size(dev2)} (what may be tuned on). Held-out: ` +
      `${size(held)}; ${pct(result.overlap.share)} of the held-out questions' content words are ` +
      `used by a development question${result.overlap.shared.length ? ` (${result.overlap.shared.join(', ')})` : ''}.`,
    '',
    '| variant | embedder | dev R@1 | dev R@3 | dev 2 R@1 | dev 2 R@3 | held-out R@1 | held-out R@3 |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  const cells = (rows: QualityResult[], variant: string) => {
    const r = rows.find((q) => q.variant === variant);
    return r ? `${pct(r.recallAt1)} | ${pct(r.recallAt3)}` : '- | -';
  };
  for (const d of dev) {
    lines.push(
      `| ${d.variant} | ${d.embedder} | ${cells(dev, d.variant)} | ${cells(dev2, d.variant)} | ` +
        `${cells(held, d.variant)} |`,
    );
  }
  lines.push('', 'Default variant, recall@3 by category (questions):', '');
  lines.push('| category | dev | dev 2 | held-out |');
  lines.push('|---|---:|---:|---:|');
  const categories = new Set(
    [dev, dev2, held].flatMap((rows) => Object.keys(rows[0]?.byCategory ?? {})),
  );
  const cell = (rows: QualityResult[], c: string) => {
    const g = rows[0]?.byCategory[c];
    return g ? `${pct(g.recallAt3)} (${g.questions})` : '-';
  };
  for (const c of categories) {
    lines.push(`| ${c} | ${cell(dev, c)} | ${cell(dev2, c)} | ${cell(held, c)} |`);
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
    'Recall latency and ingest (the built-in embedder and the default lexicons, weighted hybrid; import through rememberMany, batches of 1,024)',
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
