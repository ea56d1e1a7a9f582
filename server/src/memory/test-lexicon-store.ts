// For the general lexicons' tests: a real LanceDB store analysing with a given lexicon, told some
// memories, asked some questions; and a logger that keeps the warnings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HashedEmbedder } from './hashed-embedder.js';
import { openLanceMemory } from './lance-memory.js';
import type { Lexicon } from './lexicon.js';

/** The best memory recalled for each question (undefined when none), from a fresh store. */
export async function bestRecalled(
  lexicon: Lexicon,
  memories: readonly string[],
  questions: readonly string[],
): Promise<(string | undefined)[]> {
  return (await recalled(lexicon, memories, questions, 1)).map((r) => r[0]);
}

/** The `limit` best memories recalled for each question, from a fresh store. */
export async function recalled(
  lexicon: Lexicon,
  memories: readonly string[],
  questions: readonly string[],
  limit: number,
  spots?: boolean,
): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-lexicon-'));
  const embedder = new HashedEmbedder({ lexicon });
  const store = await openLanceMemory({ dir, embedder, lexicon, spots });
  try {
    for (const text of memories) await store.remember({ text });
    const out: string[][] = [];
    for (const q of questions) {
      out.push((await store.recall(q, { limit })).map((r) => r.memory.text));
    }
    return out;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A logger that keeps what it was warned of. */
export function warningsLogger() {
  const warnings: string[] = [];
  const noop = () => {};
  return {
    warnings,
    logger: { debug: noop, info: noop, error: noop, warn: (m: string) => void warnings.push(m) },
  };
}
