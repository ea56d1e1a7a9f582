// Wake word benchmark: false rejects and false accepts per hour of openWakeWord's hey_jarvis on
// synthetic speech, at several thresholds, and its CPU time per second of audio. Prints
// markdown tables, writes bench-results/satellite-wake.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_REFRACTORY_MS,
  DEFAULT_THRESHOLD,
  DEFAULT_TRIGGER_LEVEL,
  resolveWakeWordModels,
} from '../src/engines/wake/builtin-models.js';
import { SileroVad } from '../src/engines/vad/silero-vad.js';
import { VadStream } from '../src/engines/vad/vad-stream.js';
import { OpenWakeWord } from '../src/engines/wake/openwakeword.js';
import { detectionsIn } from '../src/engines/wake/trigger.js';
import { gateRows, printGateTables } from './wake-gate.js';
import { type Corpus, NEAR_MISSES, NOISE_SNR_DB, type Segment, wakeCorpus } from './wake-corpus.js';

const THRESHOLDS = [0.3, 0.5, 0.7, 0.9];
const SETTINGS = { triggerLevel: DEFAULT_TRIGGER_LEVEL, refractoryMs: DEFAULT_REFRACTORY_MS };
/** A positive counts when detected between the start of "hey jarvis" and 1 s after its end. */
const ACCEPT_AFTER_MS = 1000;
const CPU_SECONDS = 60;

interface Scored<T> {
  readonly item: T;
  readonly scores: Float32Array;
}

interface AccuracyRow {
  threshold: number;
  condition: 'clean' | 'noisy' | 'all';
  positives: number;
  falseRejects: number;
  falseRejectRate: number;
  negativeHours: number;
  falseAccepts: number;
  falseAcceptsPerHour: number;
  /** Of the false accepts, those right after a near miss ("hey travis"), the others. */
  falseAcceptsOnNearMisses: number;
  falseAcceptsOnOtherSentences: number;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

/** Every step's score; `batchScores` gives what streaming would (batch.test.ts checks it). */
async function scoreCorpus(corpus: Corpus) {
  const detector = await OpenWakeWord.load({
    models: resolveWakeWordModels({ names: ['hey_jarvis'] }),
  });
  try {
    const score = async <T extends { samples: Int16Array }>(item: T): Promise<Scored<T>> => ({
      item,
      scores: (await detector.batchScores(item.samples))[0]!,
    });
    const positives = [];
    for (const item of corpus.positives) positives.push(await score(item));
    const negatives = [];
    for (const item of corpus.negatives) negatives.push(await score(item));
    return { positives, negatives };
  } finally {
    await detector.close();
  }
}

const MIC_CHUNK = 1024;

type Scores = Awaited<ReturnType<typeof scoreCorpus>>;

function accepted(positive: Scores['positives'][number], threshold: number): boolean {
  const { phraseStartMs, phraseEndMs } = positive.item;
  return detectionsIn(positive.scores, { threshold, ...SETTINGS }).some(
    (d) => d.timestampMs >= phraseStartMs && d.timestampMs <= phraseEndMs + ACCEPT_AFTER_MS,
  );
}

/** The sentence last started before `timestampMs`: the one a detection then is about. */
function saidBefore(segments: readonly Segment[], timestampMs: number): string {
  let text = '';
  for (const segment of segments) if (segment.startMs <= timestampMs) text = segment.text;
  return text;
}

function accuracy(scores: Scores): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  for (const threshold of THRESHOLDS) {
    for (const condition of ['clean', 'noisy', 'all'] as const) {
      const keep = (noisy: boolean) => condition === 'all' || noisy === (condition === 'noisy');
      const positives = scores.positives.filter((p) => keep(p.item.noisy));
      const negatives = scores.negatives.filter((n) => keep(n.item.noisy));
      const falseRejects = positives.filter((p) => !accepted(p, threshold)).length;
      const negativeHours =
        negatives.reduce((sum, n) => sum + n.item.samples.length, 0) / 16000 / 3600;
      const heard = negatives.flatMap((n) =>
        detectionsIn(n.scores, { threshold, ...SETTINGS }).map((d) =>
          saidBefore(n.item.segments, d.timestampMs),
        ),
      );
      const falseAccepts = heard.length;
      const onNearMisses = heard.filter((text) => NEAR_MISSES.includes(text)).length;
      rows.push({
        threshold,
        condition,
        positives: positives.length,
        falseRejects,
        falseRejectRate: falseRejects / positives.length,
        negativeHours,
        falseAccepts,
        falseAcceptsPerHour: falseAccepts / negativeHours,
        falseAcceptsOnNearMisses: onNearMisses,
        falseAcceptsOnOtherSentences: falseAccepts - onNearMisses,
      });
    }
  }
  return rows;
}

/** The best hey_jarvis score inside each positive's window, by voice, speed and noise. */
function positiveScores(scores: Scores) {
  return scores.positives.map(({ item, scores: values }) => {
    const first = Math.floor(item.phraseStartMs / 80);
    const last = Math.ceil((item.phraseEndMs + ACCEPT_AFTER_MS) / 80);
    return {
      voice: item.voice,
      speed: item.speed,
      noisy: item.noisy,
      score: Math.max(...values.subarray(first, last)),
    };
  });
}

/** Negative sentences that reached `floor`, highest first, each with where it was said. */
function worstNegatives(scores: Scores, floor: number) {
  const found = [];
  for (const { item, scores: values } of scores.negatives) {
    for (const segment of item.segments) {
      // The score of a phrase peaks up to a second after it ends.
      const first = Math.floor(segment.startMs / 80);
      const last = Math.ceil((segment.endMs + 1000) / 80);
      const score = Math.max(...values.subarray(first, last));
      if (score >= floor) {
        found.push({
          text: segment.text,
          voice: item.voice,
          speed: item.speed,
          noisy: item.noisy,
          score,
        });
      }
    }
  }
  return found.sort((a, b) => b.score - a.score);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/**
 * CPU seconds per second of audio, streaming in the satellite's 1,024-sample microphone chunks
 * through the wake word detector and, with `withVad`, Silero VAD as well: the median of 3 runs.
 */
async function cpuCost(names: string[], samples: Int16Array, withVad: boolean) {
  const detector = await OpenWakeWord.load({ models: resolveWakeWordModels({ names }) });
  const vad = withVad ? new VadStream({ detector: await SileroVad.load() }) : undefined;
  try {
    await detector.process(samples.subarray(0, 16000 * 5));
    const audio = samples.subarray(0, 16000 * CPU_SECONDS);
    const seconds = audio.length / 16000;
    const cpuRuns: number[] = [];
    const wallRuns: number[] = [];
    for (let run = 0; run < 3; run++) {
      detector.reset();
      const cpu = process.cpuUsage();
      const started = performance.now();
      vad?.reset();
      for (let i = 0; i + MIC_CHUNK <= audio.length; i += MIC_CHUNK) {
        const chunk = audio.subarray(i, i + MIC_CHUNK);
        await detector.process(chunk);
        if (vad) await vad.process(chunk);
      }
      const used = process.cpuUsage(cpu);
      cpuRuns.push((used.user + used.system) / 1e6 / seconds);
      wallRuns.push((performance.now() - started) / 1000 / seconds);
    }
    return {
      models: withVad ? ['silero_vad', ...names] : names,
      audioSeconds: seconds,
      cpuSecondsPerAudioSecond: median(cpuRuns),
      wallSecondsPerAudioSecond: median(wallRuns),
      cpuRuns,
    };
  } finally {
    await detector.close();
  }
}

function printTables(
  rows: AccuracyRow[],
  perVoice: ReturnType<typeof positiveScores>,
  worst: ReturnType<typeof worstNegatives>,
  cpu: Awaited<ReturnType<typeof cpuCost>>[],
): void {
  const all = rows.find((row) => row.condition === 'all')!;
  console.log(
    `\nhey_jarvis on espeak-ng/flite speech: ${all.positives} positives, ` +
      `${fmt(all.negativeHours * 60, 1)} min of negatives; noisy = ${NOISE_SNR_DB} dB SNR; ` +
      `trigger level ${SETTINGS.triggerLevel}, refractory ${SETTINGS.refractoryMs} ms\n`,
  );
  console.log(
    '| threshold | audio | false rejects | false-reject rate | false accepts (near misses + others) | per hour |',
  );
  console.log('|---:|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const mark = r.threshold === DEFAULT_THRESHOLD ? ' (default)' : '';
    console.log(
      `| ${r.threshold}${mark} | ${r.condition} | ${r.falseRejects}/${r.positives} | ` +
        `${fmt(r.falseRejectRate * 100, 1)} % | ${r.falseAccepts} (${r.falseAcceptsOnNearMisses} + ` +
        `${r.falseAcceptsOnOtherSentences}) | ${fmt(r.falseAcceptsPerHour, 1)} |`,
    );
  }
  console.log('\n| voice | x1 clean | x1 noisy | x1.3 clean | x1.3 noisy |');
  console.log('|---|---:|---:|---:|---:|');
  for (const voice of [...new Set(perVoice.map((p) => p.voice))]) {
    const cell = (speed: number, noisy: boolean) =>
      fmt(
        perVoice.find((p) => p.voice === voice && p.speed === speed && p.noisy === noisy)?.score ??
          NaN,
        3,
      );
    console.log(
      `| ${voice} | ${cell(1, false)} | ${cell(1, true)} | ${cell(1.3, false)} | ${cell(1.3, true)} |`,
    );
  }
  console.log(`\nnegatives scoring >= 0.3 (${worst.length}), highest first:\n`);
  console.log('| score | sentence | voice | speed | audio |');
  console.log('|---:|---|---|---:|---|');
  for (const w of worst.slice(0, 25)) {
    console.log(
      `| ${fmt(w.score, 3)} | ${w.text} | ${w.voice} | ${w.speed} | ${w.noisy ? 'noisy' : 'clean'} |`,
    );
  }
  console.log(
    '\n| models (streaming, 1,024-sample mic chunks) | CPU s per audio s | wall s per audio s |',
  );
  console.log('|---|---:|---:|');
  for (const c of cpu) {
    console.log(
      `| ${c.models.join(', ')} | ${fmt(c.cpuSecondsPerAudioSecond, 4)} | ${fmt(c.wallSecondsPerAudioSecond, 4)} |`,
    );
  }
}

export async function runWakeBenchmark(): Promise<void> {
  const started = performance.now();
  const corpus = await wakeCorpus((line) => console.log(line));
  const speech = corpus.negatives.find((n) => n.noisy)!.samples;
  // `-- wake --no-cpu` skips the CPU runs (the accuracy tables only).
  const cpu = process.argv.includes('--no-cpu')
    ? []
    : [
        await cpuCost(['hey_jarvis'], speech, false),
        await cpuCost(['hey_jarvis'], speech, true),
        await cpuCost(['hey_jarvis', 'alexa', 'hey_mycroft'], speech, true),
      ];
  const scoring = performance.now();
  const scores = await scoreCorpus(corpus);
  console.log(`scored the corpus in ${fmt((performance.now() - scoring) / 1000, 1)} s`);
  const rows = accuracy(scores);
  const gating = performance.now();
  const gate = await gateRows(corpus, scores, SETTINGS, ACCEPT_AFTER_MS);
  console.log(
    `speech gate: VAD over the corpus in ${fmt((performance.now() - gating) / 1000, 1)} s`,
  );
  const perVoice = positiveScores(scores);
  const worst = worstNegatives(scores, 0.3);
  printTables(rows, perVoice, worst, cpu);
  const gateChoices = printGateTables(gate);

  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const out = join(root, 'bench-results', 'satellite-wake.json');
  mkdirSync(dirname(out), { recursive: true });
  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
  };
  const result = {
    date: new Date().toISOString(),
    machine,
    settings: { ...SETTINGS, noiseSnrDb: NOISE_SNR_DB, acceptWithinMsAfterPhrase: ACCEPT_AFTER_MS },
    accuracy: rows,
    positiveScores: perVoice,
    negativesScoringAbove03: worst,
    cpu,
    speechGate: { choices: gateChoices, rows: gate },
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${out} in ${fmt((performance.now() - started) / 1000, 1)} s`);
}
