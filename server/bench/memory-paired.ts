// `npm run bench -w server -- memory paired "<variant>"`: recall latency of the default and of a
// variant on two stores of the same 1,000 memories (the development facts among fillers), the
// same questions asked of both in turn (order alternating by round) after a warm-up, so a loaded
// machine slows both alike. What a lexicon's extra work costs per recall.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLanceMemory } from '../src/memory/lance-memory.js';
import { generateFillers, generateQualitySet } from './memory-corpus.js';
import { embedderFor } from './memory-embedders.js';
import { BLENDED } from './memory-gloss-variants.js';
import { lexiconOf, type Variant, VARIANTS } from './memory.js';

export interface PairedTiming {
  readonly variants: readonly string[];
  readonly p50Ms: readonly number[];
  readonly p95Ms: readonly number[];
  /** The default's time less the variant's, per question: median and 95th percentile. */
  readonly differenceP50Ms: number;
  readonly differenceP95Ms: number;
  readonly recalls: number;
}

const percentile = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;

export async function runPaired(variantName: string, rounds = 3): Promise<PairedTiming> {
  const chosen = [BLENDED, variantName].map((name) => {
    const found = VARIANTS.find((v) => v.name === name);
    if (!found) throw new Error(`no variant named "${name}"`);
    return found;
  });
  const { facts, questions } = generateQualitySet();
  const inputs = [
    ...facts.map((f) => ({ text: f.text, kind: f.kind })),
    ...generateFillers(1000 - facts.length),
  ];
  const dirs: string[] = [];
  const open = async (variant: Variant) => {
    const lexicon = lexiconOf(variant);
    const dir = mkdtempSync(join(tmpdir(), 'jarvis-memory-paired-'));
    dirs.push(dir);
    const embedder = await embedderFor(variant.embedder, lexicon);
    const store = await openLanceMemory({ dir, embedder, lexicon, weights: variant.weights });
    await store.rememberMany(inputs);
    return store;
  };
  const stores = [await open(chosen[0]!), await open(chosen[1]!)];
  try {
    // The encoder remembers each text's vector: the first store asked would pay for both.
    for (const q of questions) for (const s of stores) await s.recall(q.text, { limit: 3 });
    const times: number[][] = [[], []];
    for (let round = 0; round < rounds; round++) {
      for (const q of questions) {
        for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
          const start = performance.now();
          await stores[i]!.recall(q.text, { limit: 3 });
          times[i]!.push(performance.now() - start);
        }
      }
    }
    const differences = times[0]!.map((t, i) => t - times[1]![i]!);
    return {
      variants: chosen.map((v) => v.name),
      p50Ms: times.map((t) => percentile(t, 0.5)),
      p95Ms: times.map((t) => percentile(t, 0.95)),
      differenceP50Ms: percentile(differences, 0.5),
      differenceP95Ms: percentile(differences, 0.95),
      recalls: times[0]!.length,
    };
  } finally {
    for (const s of stores) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
