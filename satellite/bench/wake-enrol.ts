// The verifiers the wake word benchmark measures, trained on the corpus's enrolment clips (not
// its test clips) through each front end: one per split's household (every voice of the split
// enrolled) and one personal verifier (a single held-out voice enrolled).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrol } from '../src/engines/wake/enrol.js';
import type { VerifierFile } from '../src/engines/wake/verifier.js';
import type { Corpus } from './wake-corpus.js';
import { type FrontEnd, frontEnd } from './wake-score.js';
import { BENCH_VOICES, splitOf } from './wake-voices.js';

/** The voice enrolled alone for the personal measurement. */
export const PERSONAL_VOICE = 'espeak en-us+f3';

export type VerifierName = 'calibration' | 'held-out' | 'personal';

/**
 * The verifiers, from the corpus folder when trained already; a process that must not train
 * them (`wait`) waits for another to write them.
 */
export async function cachedVerifiers(
  corpus: Corpus,
  kind: FrontEnd,
  wait: boolean,
): Promise<Record<VerifierName, VerifierFile>> {
  const file = join(tmpdir(), 'jarvis-bench-wake', corpus.key, `verifiers-${kind}.json`);
  while (wait && !existsSync(file)) await new Promise((r) => setTimeout(r, 5000));
  if (existsSync(file))
    return JSON.parse(readFileSync(file, 'utf8')) as Record<VerifierName, VerifierFile>;
  const trained = await trainVerifiers(corpus, kind);
  writeFileSync(`${file}.tmp`, JSON.stringify(trained));
  renameSync(`${file}.tmp`, file);
  return trained;
}

export async function trainVerifiers(
  corpus: Corpus,
  kind: FrontEnd,
): Promise<Record<VerifierName, VerifierFile>> {
  const front = await frontEnd(kind);
  const source = { features: front.features, model: 0, window: 16 };
  const clipsOf = (voices: (voice: string) => boolean) => {
    const chosen = corpus.enrolments.filter((e) => voices(e.voice));
    return {
      positives: chosen.flatMap((e) => e.positives),
      negatives: chosen.flatMap((e) => e.negatives),
    };
  };
  try {
    const out: Partial<Record<VerifierName, VerifierFile>> = {};
    for (const split of ['calibration', 'held-out'] as const) {
      const clips = clipsOf((voice) => splitOf(voice) === split);
      out[split] = (await enrol(source, 'hey_jarvis', clips)).verifier;
    }
    if (!BENCH_VOICES.some((v) => v.id === PERSONAL_VOICE)) throw new Error(PERSONAL_VOICE);
    out.personal = (
      await enrol(
        source,
        'hey_jarvis',
        clipsOf((v) => v === PERSONAL_VOICE),
      )
    ).verifier;
    return out as Record<VerifierName, VerifierFile>;
  } finally {
    await front.close();
  }
}
