// The wake word benchmark's corpus, spoken by espeak-ng and flite: "hey jarvis" + a command
// (positives) and long streams of other sentences and near misses (negatives). Built once and
// cached in the temp folder under a hash of everything that shapes it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  joinPcm,
  samplesOf,
  silence,
  speak,
  TEST_VOICES,
  type Voice,
  withNoise,
} from '../../tests/helpers/speech.js';

export const SPEEDS = [1, 1.3] as const;
export const NOISE_SNR_DB = 10;

const COMMANDS = [
  'turn on the kitchen light',
  'what time is it',
  'set a timer for ten minutes',
  'dim the bedroom lights to fifty percent',
];

export const NEAR_MISSES = [
  'hey travis',
  'hey service',
  'hey marvin',
  'jars of jam',
  'hey jasmine',
  'hey darling',
  'hey harvey',
  'hey mavis',
  'hey charles',
  'the jars of jam are on the shelf',
  'travis bought a jar of jam',
  'harvest the carrots',
  'our service is nervous',
  'hey there, how are you',
];

const OTHER_SENTENCES = [
  'turn on the kitchen light',
  'what time is it',
  'set a timer for ten minutes',
  "what's the weather like tomorrow",
  'play some jazz in the living room',
  'turn off all the lights',
  'dim the bedroom lights to fifty percent',
  'lock the front door',
  'remind me to take the dog out at three',
  'how warm is it in the living room',
  'add milk to the shopping list',
  'I am going to bed',
  "good morning, what's on my calendar today",
  'open the garage door',
  'start the vacuum cleaner',
  'Felix is a black cat who likes warm places',
  'the living room has three Hue lamps and a Samsung TV',
  'I quit smoking today',
  'call mom',
  'how long does it take to boil an egg',
  'the quick brown fox jumps over the lazy dog',
  'please close the curtains in the bedroom',
  'set the thermostat to twenty one degrees',
  'is the back door locked',
  'what is the capital of France',
  'tell me a joke',
  'stop the music',
  'next song please',
  'turn the volume up',
  'we need to buy bread and eggs',
  'my appointment is at half past four',
  'the children are playing in the garden',
  'can you hear me',
  'yes please',
  'no thank you',
  'turn on the fan in the office',
];

/** One "hey jarvis" + command clip, with where the wake phrase is. */
export interface Positive {
  readonly voice: string;
  readonly speed: number;
  readonly noisy: boolean;
  readonly phraseStartMs: number;
  readonly phraseEndMs: number;
  readonly samples: Int16Array;
}

/** A sentence inside a negative stream. */
export interface Segment {
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** Every negative sentence of one voice and speed, with silence between, as one stream. */
export interface NegativeStream {
  readonly voice: string;
  readonly speed: number;
  readonly noisy: boolean;
  readonly segments: readonly Segment[];
  readonly samples: Int16Array;
}

export interface Corpus {
  readonly positives: readonly Positive[];
  readonly negatives: readonly NegativeStream[];
}

type Stored<T> = Omit<T, 'samples'> & { file: string };

const msOf = (bytes: number) => bytes / 32;

/** Runs `tasks` with at most `limit` at once, keeping their order. */
async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

async function positive(voice: Voice, speed: number, index: number): Promise<Positive[]> {
  const wake = await speak('hey jarvis', voice, speed);
  const command = await speak(COMMANDS[index % COMMANDS.length]!, voice, speed);
  const audio = joinPcm(
    silence(1000),
    wake.audio,
    silence(200),
    command.audio,
    silence(1000),
  ).audio;
  const base = {
    voice: voice.name,
    speed,
    phraseStartMs: 1000,
    phraseEndMs: 1000 + msOf(wake.audio.length),
  };
  return [
    { ...base, noisy: false, samples: samplesOf(audio) },
    { ...base, noisy: true, samples: samplesOf(withNoise(audio, NOISE_SNR_DB, index + 1)) },
  ];
}

async function negative(voice: Voice, speed: number, index: number): Promise<NegativeStream[]> {
  const parts: Uint8Array[] = [];
  const segments: Segment[] = [];
  let atMs = 0;
  const sentences = [...NEAR_MISSES, ...OTHER_SENTENCES];
  for (let i = 0; i < sentences.length; i++) {
    const gap = silence(500 + ((i * 7919 + index * 104729) % 1000));
    const said = await speak(sentences[i]!, voice, speed);
    parts.push(gap, said.audio);
    atMs += msOf(gap.length);
    segments.push({ text: sentences[i]!, startMs: atMs, endMs: atMs + msOf(said.audio.length) });
    atMs += msOf(said.audio.length);
  }
  parts.push(silence(1500));
  const audio = joinPcm(...parts).audio;
  const base = { voice: voice.name, speed, segments };
  return [
    { ...base, noisy: false, samples: samplesOf(audio) },
    { ...base, noisy: true, samples: samplesOf(withNoise(audio, NOISE_SNR_DB, 1000 + index)) },
  ];
}

async function generate(): Promise<Corpus> {
  const jobs = TEST_VOICES.flatMap((voice, v) =>
    SPEEDS.map((speed, s) => ({ voice, speed, index: v * SPEEDS.length + s })),
  );
  const positives = await pooled(
    jobs.map((job) => () => positive(job.voice, job.speed, job.index)),
    4,
  );
  const negatives = await pooled(
    jobs.map((job) => () => negative(job.voice, job.speed, job.index)),
    4,
  );
  return { positives: positives.flat(), negatives: negatives.flat() };
}

function save<T extends { samples: Int16Array }>(dir: string, name: string, item: T): Stored<T> {
  const { samples, ...rest } = item;
  writeFileSync(
    join(dir, name),
    new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength),
  );
  return { ...rest, file: name };
}

function load<T>(dir: string, stored: Stored<T>): T {
  const bytes = readFileSync(join(dir, stored.file));
  const { file: _file, ...rest } = stored;
  return { ...rest, samples: samplesOf(new Uint8Array(bytes)) } as T;
}

/** The corpus, from the cache when it is there; `log` hears about the slow parts. */
export async function wakeCorpus(log: (line: string) => void): Promise<Corpus> {
  const spec = JSON.stringify([
    1,
    TEST_VOICES,
    SPEEDS,
    NOISE_SNR_DB,
    COMMANDS,
    NEAR_MISSES,
    OTHER_SENTENCES,
  ]);
  const key = createHash('sha1').update(spec).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'jarvis-bench-wake', key);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    log(`corpus: cached in ${dir}`);
    const stored = JSON.parse(readFileSync(manifest, 'utf8')) as {
      positives: Stored<Positive>[];
      negatives: Stored<NegativeStream>[];
    };
    return {
      positives: stored.positives.map((item) => load<Positive>(dir, item)),
      negatives: stored.negatives.map((item) => load<NegativeStream>(dir, item)),
    };
  }
  log('corpus: speaking it with espeak-ng and flite (cached for the next run)...');
  const corpus = await generate();
  mkdirSync(dir, { recursive: true });
  const stored = {
    positives: corpus.positives.map((item, i) => save(dir, `positive-${i}.pcm`, item)),
    negatives: corpus.negatives.map((item, i) => save(dir, `negative-${i}.pcm`, item)),
  };
  writeFileSync(`${manifest}.tmp`, JSON.stringify(stored));
  renameSync(`${manifest}.tmp`, manifest);
  log(`corpus: written to ${dir}`);
  return corpus;
}
