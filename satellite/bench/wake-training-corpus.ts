// The training-only corpus (issue 14): what the training voices say, for the corpus verifier
// alone. Each voice says "hey jarvis" the benchmark's three ways at its three speeds, and its
// negative stream (the near misses and ordinary sentences) at one speed (they rotate: the
// extraction has to fit an afternoon on 2 shared cores), each clean, with coloured noise at
// 10 and 5 dB, with babble of other training voices at 10 dB, and in a reverberant room.
// Seeded and cached in the temp folder under a hash of everything that shapes it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  concat,
  negativeStream,
  noisy,
  type Noises,
  positiveClips,
  read,
  type Say,
  SPEEDS,
  write,
} from './wake-corpus.js';
import { type NegativeStream, type Noise, pooled, type Positive } from './wake-corpus-types.js';
import { NEAR_MISSES, OTHER_SENTENCES, POSITIVE_LEADS } from './wake-sentences.js';
import {
  reverberant,
  soxed,
  TRAINING_VOICES,
  type TrainingVoice,
  trainingSpeech,
} from './wake-training-voices.js';

export const TRAINING_CONDITIONS = ['clean', '10 dB', '5 dB', 'babble', 'reverb'] as const;
export type TrainingCondition = (typeof TRAINING_CONDITIONS)[number];
/** Babble talkers: four training voices; a voice never babbles behind itself. */
const TALKERS = 5;
/** Seeds apart from the test corpus's. */
const SEED_OFFSET = 5000;

export interface TrainingCorpus {
  readonly key: string;
  readonly positives: readonly Positive[];
  readonly negatives: readonly NegativeStream[];
  audio(item: { file: string }): Int16Array;
}

const sayer =
  (voice: TrainingVoice): Say =>
  (text, speed) =>
    trainingSpeech(text, voice, speed);

/** The speed of a voice's negative stream: rotating with its place in the list. */
export const negativeSpeed = (v: number) => SPEEDS[v % SPEEDS.length]!;

/** `clean` in `condition`; babble from the talkers other than the voice `v`. */
export async function conditioned(
  clean: Int16Array,
  condition: TrainingCondition,
  index: number,
  v: number,
  talkers: readonly Int16Array[],
): Promise<{ samples: Int16Array; noise: Noise }> {
  if (condition === 'reverb') return { samples: await reverberant(clean), noise: 'none' };
  const others: Noises = { babble: talkers.filter((_, t) => t !== v).slice(0, 4) };
  return noisy(clean, condition, SEED_OFFSET + index, others);
}

async function talkerStreams(): Promise<Int16Array[]> {
  return pooled(
    TRAINING_VOICES.slice(0, TALKERS).map((voice) => async () => {
      const parts: Int16Array[] = [];
      for (const sentence of OTHER_SENTENCES) {
        parts.push(await trainingSpeech(sentence, voice, 1), new Int16Array(16 * 150));
      }
      return concat(parts);
    }),
    2,
  );
}

async function generate(dir: string, log: (line: string) => void) {
  const talkers = await talkerStreams();
  const positives: Positive[] = [];
  const negatives: NegativeStream[] = [];
  const jobs = TRAINING_VOICES.flatMap((voice, v) =>
    SPEEDS.map((speed, s) => ({ voice, v, speed, index: v * SPEEDS.length + s })),
  );
  const clips = await pooled(
    jobs.map((j) => async () => {
      const made = await positiveClips(sayer(j.voice), j.voice.id, j.speed, j.index);
      return made.map((clip) => ({ ...clip, v: j.v }));
    }),
    2,
  );
  for (const [c, clip] of clips.flat().entries()) {
    const { clean, index, v, ...rest } = clip;
    for (const condition of TRAINING_CONDITIONS) {
      const { samples, noise } = await conditioned(clean, condition, index * 3 + c, v, talkers);
      const file = write(dir, `p${positives.length}.pcm`, samples);
      positives.push({ ...rest, condition, noise, file });
    }
  }
  log(`training corpus: ${positives.length} positive clips`);
  for (const [v, voice] of TRAINING_VOICES.entries()) {
    const speed = negativeSpeed(v);
    const index = v * SPEEDS.length + SPEEDS.indexOf(speed as (typeof SPEEDS)[number]);
    const { clean, index: _, ...rest } = await negativeStream(sayer(voice), voice.id, speed, index);
    for (const condition of TRAINING_CONDITIONS) {
      const { samples, noise } = await conditioned(clean, condition, index, v, talkers);
      const file = write(dir, `n${negatives.length}.pcm`, samples);
      negatives.push({ ...rest, condition, noise, file });
    }
  }
  log(`training corpus: ${negatives.length} negative streams`);
  return { positives, negatives };
}

/** A hash of what shapes the corpus, sox's version included (its effects make the copies). */
async function keyOf(): Promise<string> {
  const probe = await soxed(
    new Int16Array(1600).map((_, i) => (i % 40) * 500 - 10000),
    ['pitch', '300'],
  );
  const spec = JSON.stringify([
    1,
    TRAINING_VOICES,
    TRAINING_CONDITIONS,
    SPEEDS,
    NEAR_MISSES,
    OTHER_SENTENCES,
    POSITIVE_LEADS,
  ]);
  return createHash('sha1')
    .update(spec)
    .update(new Uint8Array(probe.buffer))
    .digest('hex')
    .slice(0, 12);
}

/** The training-only corpus, from the cache when it is there. */
export async function trainingCorpus(log: (line: string) => void): Promise<TrainingCorpus> {
  const key = `training-${await keyOf()}`;
  const dir = join(tmpdir(), 'jarvis-bench-wake', key);
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) {
    log(`training corpus: speaking it (${TRAINING_VOICES.length} voices, cached)...`);
    mkdirSync(dir, { recursive: true });
    const manifest = await generate(dir, log);
    writeFileSync(`${file}.tmp`, JSON.stringify(manifest));
    renameSync(`${file}.tmp`, file);
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Awaited<ReturnType<typeof generate>>;
  return { key, ...manifest, audio: (item) => read(dir, item.file) };
}

/**
 * The clips in the order extraction takes them, so that a run stopped part way has every voice:
 * the positives at normal speed of every voice, then at the other speeds; and from the end (a
 * second process, `--reverse`), the negative streams in babble of every voice, then clean, then
 * the other conditions.
 */
export function trainingOrder(corpus: TrainingCorpus): { file: string }[] {
  const speedRank = (speed: number) => (speed === 1 ? 0 : speed < 1 ? 1 : 2);
  const conditionRank = ['babble', 'clean', '5 dB', '10 dB', 'reverb'];
  const voiceRank = (voice: string) => TRAINING_VOICES.findIndex((t) => t.id === voice);
  const positives = [...corpus.positives].sort(
    (a, b) => speedRank(a.speed) - speedRank(b.speed) || voiceRank(a.voice) - voiceRank(b.voice),
  );
  const negatives = [...corpus.negatives].sort(
    (a, b) =>
      conditionRank.indexOf(a.condition) - conditionRank.indexOf(b.condition) ||
      voiceRank(a.voice) - voiceRank(b.voice),
  );
  return [...positives, ...negatives.reverse()];
}
