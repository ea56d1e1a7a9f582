// Moonshine tiny's transcripts of the windows heard before wake detections, for the spoken-word
// check's benchmark (wake-asr.ts): made once per clip and window, cached as JSON lines under the
// corpus's cache folder as they are made (a run can be stopped and resumed).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Scored } from '@jarvis/satellite/bench/wake';
import { MoonshineRecognizer } from '../src/engines/stt/moonshine.js';

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

/** The cache of transcripts, one JSON line each, appended as they are made (resumable). */
export function transcriptCache(corpusKey: string) {
  const file = join(tmpdir(), 'jarvis-bench-wake', corpusKey, 'asr-moonshine-tiny-2.jsonl');
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

/** Moonshine on each missing window of the audio as heard, cached as it goes. */
export async function transcribe(
  s: Scored,
  todo: Map<string, WindowToHear>,
  add: (key: string, t: Transcript) => void,
  log: (line: string) => void,
): Promise<void> {
  if (todo.size === 0) return;
  log(`moonshine: ${todo.size} windows to transcribe`);
  const moonshine = await MoonshineRecognizer.load();
  const started = performance.now();
  let audio: { file: string; samples: Int16Array } | undefined;
  let done = 0;
  try {
    const sorted = [...todo.entries()].sort((a, b) => a[1].file.localeCompare(b[1].file));
    for (const [key, w] of sorted) {
      if (audio?.file !== w.file) audio = { file: w.file, samples: s.corpus.audio(w) };
      const end = Math.min(audio.samples.length, w.endMs * 16);
      const window = audio.samples.subarray(Math.max(0, end - w.windowMs * 16), end);
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
      add(key, {
        text,
        textLogProb,
        phraseLogProbs: [...phraseLogProbs],
        wallMs,
        cpuMs: (used.user + used.system) / 1000,
      });
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
