// The wake word benchmark's corpus, spoken by espeak-ng and flite at three speeds: "hey jarvis"
// clips (positives), long streams of near misses and other sentences (negatives), each clean,
// with white/pink/brown noise at 10 and 5 dB, and with babble; and per voice, enrolment clips
// for the verifier (not part of the test). Built once and cached in the temp folder under a hash
// of everything that shapes it; clips are read back from disk when needed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplesOf, silence, speak, type Voice } from '../../tests/helpers/speech.js';
import { ENROLL_SENTENCES } from '../src/engines/wake/enroll-prompts.js';
import { pooled, type Positive, type NegativeStream, type Segment } from './wake-corpus-types.js';
import { babble, type Colour, COLOURS, colouredNoise, mixAt } from '../src/audio/noise.js';
import { BABBLE_VOICES, BENCH_VOICES, type BenchVoice } from './wake-voices.js';
import { NEAR_MISSES, OTHER_SENTENCES, POSITIVE_LEADS } from './wake-sentences.js';

export * from './wake-corpus-types.js';

export const SPEEDS = [0.85, 1, 1.3] as const;
export const CONDITIONS = ['clean', '10 dB', '5 dB', 'babble'] as const;
export type Condition = (typeof CONDITIONS)[number];
const SNR_DB: Record<Condition, number> = { clean: Infinity, '10 dB': 10, '5 dB': 5, babble: 10 };
/** Other sentences per negative stream: each speed says its own share of them. */
const OTHERS_PER_STREAM = 12;
const ENROL_SPEEDS = [0.92, 1.1, 1.2] as const;

/** Enrolment material of one voice: "hey jarvis" a few times, and other sentences. */
export interface Enrolment {
  readonly voice: string;
  readonly positives: readonly Int16Array[];
  readonly negatives: readonly Int16Array[];
}

export interface Corpus {
  /** Names the cache folder: a hash of everything that shapes the corpus. */
  readonly key: string;
  readonly positives: readonly Positive[];
  readonly negatives: readonly NegativeStream[];
  readonly enrolments: readonly Enrolment[];
  /** Reads an item's audio from the cache. */
  audio(item: { file: string }): Int16Array;
}

const msOf = (samples: number) => samples / 16;
const pcm = async (text: string, voice: Voice, speed: number) =>
  samplesOf((await speak(text, voice, speed)).audio);
const quiet = (ms: number) => samplesOf(silence(ms));

export function concat(parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export interface Noises {
  readonly babble: readonly Int16Array[];
}

/** `clean` with the condition's noise; the colour rotates with `index`. */
export function noisy(clean: Int16Array, condition: Condition, index: number, noises: Noises) {
  if (condition === 'clean') return { samples: clean, noise: 'none' as const };
  if (condition === 'babble') {
    const talkers = babble(noises.babble, index + 1);
    return { samples: mixAt(clean, talkers, SNR_DB.babble), noise: 'babble' as const };
  }
  const colour: Colour = COLOURS[(index + (condition === '5 dB' ? 1 : 0)) % COLOURS.length]!;
  const noise = colouredNoise(colour, clean.length, 1000 + index);
  return { samples: mixAt(clean, noise, SNR_DB[condition]), noise: colour };
}

/** Says `text` at `speed` in one voice, as samples. */
export type Say = (text: string, speed: number) => Promise<Int16Array>;
const sayer =
  (voice: Voice): Say =>
  (text, speed) =>
    pcm(text, voice, speed);

/** One voice's clips with "hey jarvis" at `speed`, clean, and where the phrase is in each. */
export async function positiveClips(say: Say, voice: string, speed: number, index: number) {
  const wake = await say('hey jarvis', speed);
  const clips: { phraseStart: number; clip: Int16Array }[] = [];
  for (const [k, lead] of POSITIVE_LEADS.entries()) {
    const before = lead.before ? await say(lead.before, speed) : new Int16Array(0);
    const after = lead.after ? await say(lead.after, speed) : new Int16Array(0);
    const head = concat([quiet(1000), before, quiet(before.length > 0 ? 700 : 0)]);
    const clip = concat([head, wake, quiet(200), after, quiet(1000 + k * 250)]);
    clips.push({ phraseStart: head.length, clip });
  }
  return clips.map(({ phraseStart, clip }) => ({
    voice,
    speed,
    phraseStartMs: msOf(phraseStart),
    phraseEndMs: msOf(phraseStart + wake.length),
    clean: clip,
    index,
  }));
}

/** One voice's negative stream at `speed`, clean: the near misses and that speed's sentences. */
export async function negativeStream(say: Say, voice: string, speed: number, index: number) {
  const s = SPEEDS.indexOf(speed as (typeof SPEEDS)[number]);
  const others = OTHER_SENTENCES.slice(s * OTHERS_PER_STREAM, (s + 1) * OTHERS_PER_STREAM);
  const sentences = [...NEAR_MISSES, ...others];
  const parts: Int16Array[] = [];
  const segments: Segment[] = [];
  let at = 0;
  for (let i = 0; i < sentences.length; i++) {
    const gap = quiet(500 + ((i * 7919 + index * 104729) % 1000));
    const said = await say(sentences[i]!, speed);
    parts.push(gap, said);
    at += gap.length;
    segments.push({ text: sentences[i]!, startMs: msOf(at), endMs: msOf(at + said.length) });
    at += said.length;
  }
  parts.push(quiet(1500));
  return { voice, speed, segments, clean: concat(parts), index };
}

async function enrolment(voice: BenchVoice): Promise<Enrolment> {
  const positives: Int16Array[] = [];
  for (const speed of ENROL_SPEEDS) {
    const wake = await pcm('hey jarvis', voice, speed);
    const clip = concat([quiet(700), wake, quiet(900)]);
    positives.push(clip, mixAt(clip, colouredNoise('pink', clip.length, 7), 20));
  }
  const negatives: Int16Array[] = [];
  for (const sentence of ENROLL_SENTENCES) {
    negatives.push(concat([quiet(300), await pcm(sentence, voice, 1), quiet(300)]));
  }
  return { voice: voice.id, positives, negatives };
}

async function babbleTalkers(): Promise<Int16Array[]> {
  return Promise.all(
    BABBLE_VOICES.map(async (voice) => {
      const parts: Int16Array[] = [];
      for (const sentence of OTHER_SENTENCES) parts.push(await pcm(sentence, voice, 1), quiet(150));
      return concat(parts);
    }),
  );
}

export function write(dir: string, name: string, samples: Int16Array): string {
  writeFileSync(
    join(dir, name),
    new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength),
  );
  return name;
}

async function generate(dir: string, log: (line: string) => void) {
  const noises: Noises = { babble: await babbleTalkers() };
  const jobs = BENCH_VOICES.flatMap((voice, v) =>
    SPEEDS.map((speed, s) => ({ voice, speed, index: v * SPEEDS.length + s })),
  );
  const pos: Positive[] = [];
  const neg: NegativeStream[] = [];
  const clips = (
    await pooled(
      jobs.map((j) => () => positiveClips(sayer(j.voice), j.voice.id, j.speed, j.index)),
      2,
    )
  ).flat();
  log(`corpus: ${clips.length} positive clips spoken`);
  for (const [c, clip] of clips.entries()) {
    const { clean, index, ...rest } = clip;
    for (const condition of CONDITIONS) {
      const { samples, noise } = noisy(clean, condition, index * 3 + c, noises);
      pos.push({ ...rest, condition, noise, file: write(dir, `p${pos.length}.pcm`, samples) });
    }
  }
  const streams = await pooled(
    jobs.map((j) => () => negativeStream(sayer(j.voice), j.voice.id, j.speed, j.index)),
    2,
  );
  log(`corpus: ${streams.length} negative streams spoken`);
  for (const stream of streams) {
    const { clean, index, ...rest } = stream;
    for (const condition of CONDITIONS) {
      const { samples, noise } = noisy(clean, condition, index, noises);
      neg.push({ ...rest, condition, noise, file: write(dir, `n${neg.length}.pcm`, samples) });
    }
  }
  const enrol = [];
  for (const voice of BENCH_VOICES) {
    const e = await enrolment(voice);
    enrol.push({
      voice: e.voice,
      positives: e.positives.map((p, i) => write(dir, `e-${enrol.length}-p${i}.pcm`, p)),
      negatives: e.negatives.map((p, i) => write(dir, `e-${enrol.length}-n${i}.pcm`, p)),
    });
  }
  return { positives: pos, negatives: neg, enrolments: enrol };
}

type Manifest = Awaited<ReturnType<typeof generate>>;

export function read(dir: string, file: string): Int16Array {
  const bytes = readFileSync(join(dir, file));
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
}

/** The corpus, from the cache when it is there; `log` hears about the slow parts. */
export async function wakeCorpus(log: (line: string) => void): Promise<Corpus> {
  const spec = JSON.stringify([
    2,
    BENCH_VOICES,
    BABBLE_VOICES,
    SPEEDS,
    SNR_DB,
    NEAR_MISSES,
    OTHER_SENTENCES,
    POSITIVE_LEADS,
    ENROLL_SENTENCES,
    ENROL_SPEEDS,
  ]);
  const key = createHash('sha1').update(spec).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'jarvis-bench-wake', key);
  const file = join(dir, 'manifest.json');
  let manifest: Manifest;
  if (existsSync(file)) {
    log(`corpus: cached in ${dir}`);
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } else {
    log('corpus: speaking it with espeak-ng and flite (cached for the next run)...');
    mkdirSync(dir, { recursive: true });
    manifest = await generate(dir, log);
    writeFileSync(`${file}.tmp`, JSON.stringify(manifest));
    renameSync(`${file}.tmp`, file);
    log(`corpus: written to ${dir}`);
  }
  return {
    key,
    positives: manifest.positives,
    negatives: manifest.negatives,
    enrolments: manifest.enrolments.map((e) => ({
      voice: e.voice,
      positives: e.positives.map((f) => read(dir, f)),
      negatives: e.negatives.map((f) => read(dir, f)),
    })),
    audio: (item) => read(dir, item.file),
  };
}
