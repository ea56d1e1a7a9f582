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
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-lexicon-'));
  const store = await openLanceMemory({ dir, embedder: new HashedEmbedder({ lexicon }), lexicon });
  try {
    for (const text of memories) await store.remember({ text });
    const best: (string | undefined)[] = [];
    for (const q of questions) best.push((await store.recall(q, { limit: 1 }))[0]?.memory.text);
    return best;
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
