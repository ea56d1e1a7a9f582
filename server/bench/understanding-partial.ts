// `BENCH_PARTIAL=FILE`: a long understanding run writes what it has decoded to FILE every 50
// utterances, and a run started again with FILE there keeps those utterances (a loaded machine
// can stop a run hours in).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const PARTIAL = process.env.BENCH_PARTIAL;
/** The run's settings (every other `BENCH_*`): another run's decodes are never taken. */
const VARIANT = Object.entries(process.env)
  .filter(([key]) => key.startsWith('BENCH_') && key !== 'BENCH_PARTIAL')
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([key, value]) => `${key}=${value}`)
  .join(' ');

interface Said {
  readonly item: { readonly text: string; readonly source: string };
}

/** The utterances an earlier run decoded, in order (none without BENCH_PARTIAL). */
export function decodedBefore<T extends Said>(): readonly T[] {
  if (!PARTIAL || !existsSync(PARTIAL)) return [];
  const saved = JSON.parse(readFileSync(PARTIAL, 'utf8')) as { variant?: string; utterances: T[] };
  if (saved.variant !== VARIANT) {
    throw new Error(
      `${PARTIAL} was written by a run with other settings ("${saved.variant ?? ''}", this one "${VARIANT}"): remove it or use another file`,
    );
  }
  return saved.utterances;
}

/** `before`'s utterance at `index` when it is `item`. */
export const reusable = <T extends Said>(
  before: readonly T[],
  index: number,
  item: Said['item'],
) =>
  before[index]?.item.text === item.text && before[index]?.item.source === item.source
    ? before[index]
    : undefined;

/** Saves `scored` every 50 utterances. */
export function savePartial(scored: readonly Said[]): void {
  if (PARTIAL && scored.length % 50 === 0) {
    writeFileSync(PARTIAL, JSON.stringify({ variant: VARIANT, utterances: scored }));
  }
}
