// The speech gate on the wake word benchmark's corpus: Silero VAD over every clip, then the
// detections each wake threshold x gate threshold keeps. Both thresholds are chosen on a
// calibration split (half the voices) and reported on the held-out split (the other half).
import { TEST_VOICES } from '../../tests/helpers/speech.js';
import { SileroVad } from '../src/engines/vad/silero-vad.js';
import { SpeechGate } from '../src/engines/wake/speech-gate.js';
import { detectionsIn } from '../src/engines/wake/trigger.js';
import { type Corpus, NEAR_MISSES, type NegativeStream, type Positive } from './wake-corpus.js';

export const WAKE_THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
export const GATE_THRESHOLDS = [0, 0.1, 0.3, 0.5, 0.7];
/** The aim of issue 14: at most this many false accepts per hour of ordinary speech. */
export const TARGET_FA_PER_HOUR = 0.5;
const FRAME_MS = 32;

type Settings = { triggerLevel: number; refractoryMs: number };
interface Item<T> {
  readonly item: T;
  readonly scores: Float32Array;
  readonly vad: Float32Array;
}
export type Split = 'calibration' | 'held-out';
export type Condition = 'clean' | 'noisy' | 'all';

export interface GateRow {
  split: Split;
  condition: Condition;
  wakeThreshold: number;
  gateThreshold: number;
  positives: number;
  falseRejectRate: number;
  negativeHours: number;
  falseAcceptsPerHour: number;
  nearMissFalseAccepts: number;
  otherFalseAccepts: number;
}

/** Silero VAD's speech probability for every 32 ms frame of `samples`. */
export async function vadFrames(vad: SileroVad, samples: Int16Array): Promise<Float32Array> {
  vad.reset();
  const frame = new Float32Array(vad.frameSamples);
  const out = new Float32Array(Math.floor(samples.length / frame.length));
  for (let f = 0; f < out.length; f++) {
    for (let i = 0; i < frame.length; i++) frame[i] = samples[f * frame.length + i]! / 32768;
    out[f] = await vad.process(frame);
  }
  return out;
}

const splitOf = (voice: string): Split =>
  TEST_VOICES.findIndex((v) => v.name === voice) % 2 === 0 ? 'calibration' : 'held-out';

/** Whether the gate confirms a detection at `atMs`: frames fed up to it, as they stream. */
function confirmed(vad: Float32Array, atMs: number, threshold: number): boolean {
  const speech = new SpeechGate({ threshold });
  const last = Math.min(vad.length, Math.floor(atMs / FRAME_MS));
  for (let f = Math.max(0, last - 40); f < last; f++) speech.add((f + 1) * FRAME_MS, vad[f]!);
  return speech.confirms(atMs);
}

function kept(scored: Item<{ samples: Int16Array }>, wake: number, gate: number, s: Settings) {
  return detectionsIn(scored.scores, { threshold: wake, ...s }).filter((d) =>
    confirmed(scored.vad, d.timestampMs, gate),
  );
}

function row(
  positives: Item<Positive>[],
  negatives: Item<NegativeStream>[],
  key: Omit<
    GateRow,
    | 'positives'
    | 'falseRejectRate'
    | 'negativeHours'
    | 'falseAcceptsPerHour'
    | 'nearMissFalseAccepts'
    | 'otherFalseAccepts'
  >,
  settings: Settings,
  acceptAfterMs: number,
): GateRow {
  const { wakeThreshold: wake, gateThreshold: gate } = key;
  const rejected = positives.filter(
    (p) =>
      !kept(p, wake, gate, settings).some(
        (d) =>
          d.timestampMs >= p.item.phraseStartMs &&
          d.timestampMs <= p.item.phraseEndMs + acceptAfterMs,
      ),
  ).length;
  let near = 0;
  let other = 0;
  for (const n of negatives) {
    for (const d of kept(n, wake, gate, settings)) {
      const said = n.item.segments.filter((s) => s.startMs <= d.timestampMs).at(-1)?.text ?? '';
      if (NEAR_MISSES.includes(said)) near++;
      else other++;
    }
  }
  const hours = negatives.reduce((sum, n) => sum + n.item.samples.length, 0) / 16000 / 3600;
  return {
    ...key,
    positives: positives.length,
    falseRejectRate: rejected / positives.length,
    negativeHours: hours,
    falseAcceptsPerHour: (near + other) / hours,
    nearMissFalseAccepts: near,
    otherFalseAccepts: other,
  };
}

/** Every split x condition x wake threshold x gate threshold. */
export async function gateRows(
  corpus: Corpus,
  scores: { positives: { scores: Float32Array }[]; negatives: { scores: Float32Array }[] },
  settings: Settings,
  acceptAfterMs: number,
): Promise<GateRow[]> {
  const vad = await SileroVad.load();
  const positives: Item<Positive>[] = [];
  const negatives: Item<NegativeStream>[] = [];
  try {
    for (const [i, item] of corpus.positives.entries()) {
      positives.push({
        item,
        scores: scores.positives[i]!.scores,
        vad: await vadFrames(vad, item.samples),
      });
    }
    for (const [i, item] of corpus.negatives.entries()) {
      negatives.push({
        item,
        scores: scores.negatives[i]!.scores,
        vad: await vadFrames(vad, item.samples),
      });
    }
  } finally {
    await vad.close();
  }
  const rows: GateRow[] = [];
  for (const split of ['calibration', 'held-out'] as const) {
    for (const condition of ['clean', 'noisy', 'all'] as const) {
      const keep = (x: { voice: string; noisy: boolean }) =>
        splitOf(x.voice) === split && (condition === 'all' || x.noisy === (condition === 'noisy'));
      const p = positives.filter((x) => keep(x.item));
      const n = negatives.filter((x) => keep(x.item));
      for (const wakeThreshold of WAKE_THRESHOLDS) {
        for (const gateThreshold of GATE_THRESHOLDS) {
          rows.push(
            row(p, n, { split, condition, wakeThreshold, gateThreshold }, settings, acceptAfterMs),
          );
        }
      }
    }
  }
  return rows;
}

/**
 * The thresholds chosen on the calibration split (all conditions): the fewest false rejects
 * among those at or under the target false accepts per hour, else the fewest false accepts.
 */
export function chooseOnCalibration(rows: readonly GateRow[], gate: boolean) {
  const candidates = rows.filter(
    (r) => r.split === 'calibration' && r.condition === 'all' && (gate || r.gateThreshold === 0),
  );
  const within = candidates.filter((r) => r.falseAcceptsPerHour <= TARGET_FA_PER_HOUR);
  const pool = within.length > 0 ? within : candidates;
  const best = [...pool].sort((a, b) =>
    within.length > 0
      ? a.falseRejectRate - b.falseRejectRate || a.falseAcceptsPerHour - b.falseAcceptsPerHour
      : a.falseAcceptsPerHour - b.falseAcceptsPerHour || a.falseRejectRate - b.falseRejectRate,
  )[0]!;
  return {
    wakeThreshold: best.wakeThreshold,
    gateThreshold: best.gateThreshold,
    metTarget: within.length > 0,
  };
}

const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

/** Prints the held-out results of the default and the chosen settings, per condition. */
export function printGateTables(
  rows: readonly GateRow[],
): ReturnType<typeof chooseOnCalibration>[] {
  const choices = [
    { label: 'default (0.5, no gate)', wakeThreshold: 0.5, gateThreshold: 0, metTarget: false },
    { label: 'chosen without the gate', ...chooseOnCalibration(rows, false) },
    { label: 'chosen with the gate', ...chooseOnCalibration(rows, true) },
  ];
  console.log(
    `\nspeech gate: thresholds chosen on the calibration voices (target <= ${TARGET_FA_PER_HOUR} false accepts/h), reported on the held-out voices\n`,
  );
  console.log(
    '| settings | wake | gate | audio | false rejects | false accepts/h | near-miss FA | other FA |',
  );
  console.log('|---|---:|---:|---|---:|---:|---:|---:|');
  for (const c of choices) {
    for (const condition of ['clean', 'noisy', 'all'] as const) {
      const r = rows.find(
        (x) =>
          x.split === 'held-out' &&
          x.condition === condition &&
          x.wakeThreshold === c.wakeThreshold &&
          x.gateThreshold === c.gateThreshold,
      )!;
      console.log(
        `| ${c.label}${c.metTarget ? '' : c.label.startsWith('chosen') ? ' (target not met on calibration)' : ''} | ${c.wakeThreshold} | ${c.gateThreshold} | ${condition} | ${pct(r.falseRejectRate)} | ${r.falseAcceptsPerHour.toFixed(2)} | ${r.nearMissFalseAccepts} | ${r.otherFalseAccepts} |`,
      );
    }
  }
  return choices;
}
