// `BENCH_PARTIAL=FILE`: a long understanding run writes what it has decoded to FILE every 50
// utterances, and a run started again with FILE there keeps those utterances (a loaded machine
// can stop a run hours in).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const PARTIAL = process.env.BENCH_PARTIAL;

interface Said {
  readonly item: { readonly text: string; readonly source: string };
}

/** The utterances an earlier run decoded, in order (none without BENCH_PARTIAL). */
export function decodedBefore<T extends Said>(): readonly T[] {
  if (!PARTIAL || !existsSync(PARTIAL)) return [];
  return (JSON.parse(readFileSync(PARTIAL, 'utf8')) as { utterances: T[] }).utterances;
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
    writeFileSync(PARTIAL, JSON.stringify({ utterances: scored }));
  }
}
