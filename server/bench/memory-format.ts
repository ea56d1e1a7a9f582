// The memory benchmark's tables (markdown).
import type { LatencyResult } from './memory-latency.js';
import { DEFAULT_VARIANT, type MemoryBenchmark, PROPOSED, type QualityResult } from './memory.js';
import { HELD_OUT, type HeldOutOverlaps, type Split, SPLITS } from './memory-splits.js';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const ms = (x: number) => x.toFixed(1);

const SHORT: Record<Split, string> = {
  development: 'dev',
  'development 2': 'dev 2',
  'development 3': 'dev 3',
  'development 4': 'dev 4',
  'held-out 7': 'held-out 7',
  'held-out 6, seen': 'old held-out 6',
  'held-out 5, seen': 'old held-out 5',
  'held-out 4, seen': 'old held-out 4',
  'held-out 3, seen': 'old held-out 3',
  'held-out 2, seen': 'old held-out 2',
  'held-out 1, seen': 'old held-out 1',
};

/** How many of the held-out questions' words development and earlier held-out questions use. */
export function formatOverlap(overlap: HeldOutOverlaps): string {
  return (
    `${pct(overlap.share)} of the ${SHORT[HELD_OUT]} questions' content words are used by a ` +
    `development question${overlap.shared.length ? ` (${overlap.shared.join(', ')})` : ''}; by ` +
    `set: ${Object.entries(overlap.bySplit)
      .map(([split, o]) => `${SHORT[split as Split]} ${pct(o.share)}`)
      .join(', ')}; the old held-out sets together ${pct(overlap.seenHeldOut.share)}` +
    `${overlap.seenHeldOut.shared.length ? ` (${overlap.seenHeldOut.shared.join(', ')})` : ''}.`
  );
}

function qualityTables(result: MemoryBenchmark): string[] {
  const of = (split: Split) => result.quality.filter((q) => q.split === split);
  const splits = SPLITS.map(of);
  const [dev, dev2, dev3, dev4, held, seen6, seen5, seen4, seen3, seen2, seen1] = splits as [
    QualityResult[],
    QualityResult[],
    QualityResult[],
    QualityResult[],
    QualityResult[],
    QualityResult[],
    QualityResult[],
    QualityResult[],
    QualityResult[],
    QualityResult[],
    QualityResult[],
  ];
  if (dev.length === 0) return [];
  const size = (rows: QualityResult[]) =>
    `${rows[0]?.facts ?? 0} facts, ${rows[0]?.questions ?? 0} questions`;
  const lines = [
    `\nRecall quality, top 3 recalled. Development: ${size(dev)}; development 2 (the earlier ` +
      `held-out set, seen while tuning): ${size(dev2)}; development 3 (written before tuning on ` +
      `it, preferences and episodes asked in other words): ${size(dev3)}; development 4 (the ` +
      `held-out set of 6 December): ${size(dev4)} (what may be tuned on). ` +
      `Held-out 7 (written on 8 December by a helper who did not tune, before any change of ` +
      `that session was measured on it): ${size(held)}; old held-out 6 (run once before and ` +
      `once after the house session of 7 December, development 8 since): ${size(seen6)}; ` +
      `old held-out 5 (run once before and once ` +
      `after the transfer session on 7 December, development 7 since): ${size(seen5)}; old ` +
      `held-out 4 (run twice on 7 ` +
      `December, development 6 since): ${size(seen4)}; old held-out 3 (written on the evening ` +
      `of 7 December, run before held-out 4 was written, so seen): ${size(seen3)}; old held-out ` +
      `2 (written late on 7 December, seen): ${size(seen2)}; old held-out 1 (the held-out set ` +
      `of early 7 December, seen): ${size(seen1)}. ` +
      formatOverlap(result.overlap),
    '',
    `| variant | embedder | ${SPLITS.map((s) => `${SHORT[s]} R@1 | ${SHORT[s]} R@3`).join(' | ')} |`,
    `|---|---|${SPLITS.map(() => '---:|---:').join('|')}|`,
  ];
  const cells = (rows: QualityResult[], variant: string) => {
    const r = rows.find((q) => q.variant === variant);
    return r ? `${pct(r.recallAt1)} | ${pct(r.recallAt3)}` : '- | -';
  };
  for (const d of dev) {
    lines.push(
      `| ${d.variant} | ${d.embedder} | ${splits.map((rows) => cells(rows, d.variant)).join(' | ')} |`,
    );
  }
  for (const [title, variant] of [
    ['Default variant', DEFAULT_VARIANT],
    ['Proposed default', PROPOSED],
  ] as const) {
    lines.push('', `${title}, recall@3 by category (questions):`, '');
    lines.push(`| category | ${SPLITS.map((s) => SHORT[s]).join(' | ')} |`);
    lines.push(`|---|${SPLITS.map(() => '---:').join('|')}|`);
    const of = (rows: QualityResult[]) => rows.find((r) => r.variant === variant);
    const categories = new Set(splits.flatMap((rows) => Object.keys(of(rows)?.byCategory ?? {})));
    const cell = (rows: QualityResult[], c: string) => {
      const g = of(rows)?.byCategory[c];
      return g ? `${pct(g.recallAt3)} (${g.questions})` : '-';
    };
    for (const c of categories) {
      lines.push(`| ${c} | ${splits.map((rows) => cell(rows, c)).join(' | ')} |`);
    }
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
  return latencyLines(result.latency);
}

/** The latency and ingest table alone (`memory latency`). */
export function formatMemoryLatency(latency: readonly LatencyResult[]): string {
  return latencyLines(latency).join('\n');
}

function latencyLines(latency: readonly LatencyResult[]): string[] {
  if (latency.length === 0) return [];
  return [
    '',
    'Recall latency and ingest (the default lexicons, weighted hybrid; import through rememberMany, batches of 1,024)',
    '',
    '| embedder | memories | ingest memories/s | index refresh s | recall p50 ms | recall p95 ms | recall@3 among fillers | remember p50 ms | remember p95 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...latency.map(
      (l) =>
        `| ${l.embedder.startsWith('blend') ? 'hashed + sentence encoder' : l.embedder.startsWith('hashed') ? 'hashed' : 'sentence encoder'} | ${l.memories} | ${l.ingestPerSecond.toFixed(0)} | ${l.indexSeconds.toFixed(1)} | ${ms(l.recallP50Ms)} | ` +
        `${ms(l.recallP95Ms)} | ${pct(l.recallAt3)} | ${ms(l.rememberP50Ms)} | ${ms(l.rememberP95Ms)} |`,
    ),
  ];
}

/** Markdown tables of a run. */
export function formatMemoryBenchmark(result: MemoryBenchmark): string {
  return [...qualityTables(result), ...updateTable(result), ...latencyTable(result)].join('\n');
}
