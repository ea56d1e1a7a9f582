// The verifiers the wake word benchmark measures, trained on the corpus's enrolment clips (not
// its test clips) through each front end, as `jarvis-satellite enroll` trains them (noisy copies
// included): one per split's household (every voice of the split enrolled) and one personal
// verifier (a single held-out voice enrolled). The clips' features are cached, and so are the
// verifiers, under a hash of the code that trains them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { enrol } from '../src/engines/wake/enrol.js';
import type { VerifierFile } from '../src/engines/wake/verifier.js';
import type { Corpus } from './wake-corpus.js';
import { featureCache, type FrontEnd } from './wake-features.js';
import { BENCH_VOICES, splitOf } from './wake-voices.js';

/** The voice enrolled alone for the personal measurement. */
export const PERSONAL_VOICE = 'espeak en-us+f3';

export type VerifierName = 'calibration' | 'held-out' | 'personal';

/** The code that shapes a trained verifier. */
const TRAINING_CODE = [
  '../src/engines/wake/enrol.ts',
  '../src/engines/wake/augment.ts',
  '../src/engines/wake/verifier.ts',
  '../src/audio/noise.ts',
  './wake-enrol.ts',
];

/** The verifiers, from the corpus folder when trained already by the same code. */
export async function cachedVerifiers(
  corpus: Corpus,
  kind: FrontEnd,
): Promise<Record<VerifierName, VerifierFile>> {
  const hash = createHash('sha1');
  for (const path of TRAINING_CODE) {
    hash.update(readFileSync(fileURLToPath(new URL(path, import.meta.url))));
  }
  const key = hash.digest('hex').slice(0, 12);
  const file = join(tmpdir(), 'jarvis-bench-wake', corpus.key, `verifiers-${kind}-${key}.json`);
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<VerifierName, VerifierFile>;
  }
  const trained = await trainVerifiers(corpus, kind);
  writeFileSync(`${file}.tmp`, JSON.stringify(trained));
  renameSync(`${file}.tmp`, file);
  return trained;
}

export async function trainVerifiers(
  corpus: Corpus,
  kind: FrontEnd,
): Promise<Record<VerifierName, VerifierFile>> {
  const front = featureCache(corpus.key, kind);
  const source = {
    features: (samples: Int16Array) => front.features(samples),
    model: 0,
    window: 16,
  };
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
