// Moonshine's transcripts (tiny or base) of the windows heard before wake detections, for the
// spoken-word check's benchmark (wake-asr.ts): made once per model, clip and window, cached as JSON
// lines under the corpus's cache folder as they are made (a run can be stopped and resumed).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Scored } from '@jarvis/satellite/bench/wake';
import { MoonshineRecognizer, type MoonshineSize } from '../src/engines/stt/moonshine.js';

export interface Transcript {
  readonly text: string;
  /** Moonshine's log-probability of its text, and of each of `PHRASES` (forced). */
  readonly textLogProb: number;
  readonly phraseLogProbs: readonly number[];
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** The phrase as Moonshine writes it, without what ends it. */
const PHRASES = ['Hey, Jarvis', 'Hey Jarvis'];

/** A window of a clip to transcribe: the `windowMs` before `endMs`. */
export interface WindowToHear {
  readonly file: string;
  readonly endMs: number;
  readonly windowMs: number;
}

export const keyOf = (file: string, endMs: number, windowMs: number) =>
  `${basename(file)}@${endMs}/${windowMs}`;

/** Each model's cache file (tiny's `-1` held an older window rule). */
const CACHE_FILES: Record<MoonshineSize, string> = {
  tiny: 'asr-moonshine-tiny-2.jsonl',
  base: 'asr-moonshine-base-1.jsonl',
};

/** The cache of `size`'s transcripts, one JSON line each, appended as they are made (resumable). */
export function transcriptCache(corpusKey: string, size: MoonshineSize) {
  const file = join(tmpdir(), 'jarvis-bench-wake', corpusKey, CACHE_FILES[size]);
  const known = new Map<string, Transcript>();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const { key, ...t } = JSON.parse(line) as Transcript & { key: string };
      known.set(key, t);
    }
  }
  const add = (key: string, t: Transcript) => {
    known.set(key, t);
    appendFileSync(file, `${JSON.stringify({ key, ...t })}\n`);
  };
  return { known, add };
}

/** Moonshine's reading of one window of the audio as heard, with its cost. */
export async function hear(
  s: Scored,
  moonshine: MoonshineRecognizer,
  w: WindowToHear,
  samples: Int16Array = s.corpus.audio(w),
): Promise<Transcript> {
  const end = Math.min(samples.length, w.endMs * 16);
  const window = samples.subarray(Math.max(0, end - w.windowMs * 16), end);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const scored = await moonshine.scorePhrases(
    new Uint8Array(window.buffer, window.byteOffset, window.byteLength),
    PHRASES,
  );
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const { text, textLogProb, phraseLogProbs } = scored ?? {
    text: '',
    textLogProb: 0,
    phraseLogProbs: PHRASES.map(() => -1e9),
  };
  return {
    text,
    textLogProb,
    phraseLogProbs: [...phraseLogProbs],
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
  };
}

/** Moonshine `size` on each missing window of the audio as heard, cached as it goes. */
export async function transcribe(
  s: Scored,
  size: MoonshineSize,
  todo: Map<string, WindowToHear>,
  add: (key: string, t: Transcript) => void,
  log: (line: string) => void,
): Promise<void> {
  if (todo.size === 0) return;
  log(`moonshine ${size}: ${todo.size} windows to transcribe`);
  const moonshine = await MoonshineRecognizer.load({ size });
  const started = performance.now();
  let audio: { file: string; samples: Int16Array } | undefined;
  let done = 0;
  try {
    const sorted = [...todo.entries()].sort((a, b) => a[1].file.localeCompare(b[1].file));
    for (const [key, w] of sorted) {
      if (audio?.file !== w.file) audio = { file: w.file, samples: s.corpus.audio(w) };
      add(key, await hear(s, moonshine, w, audio.samples));
      if (++done % 200 === 0) {
        const rate = done / ((performance.now() - started) / 1000);
        log(
          `moonshine: ${done}/${todo.size}, ${((todo.size - done) / rate / 60).toFixed(1)} min left`,
        );
      }
    }
  } finally {
    await moonshine.close();
  }
}
