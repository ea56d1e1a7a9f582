// The spoken-word check of each wake (`npm run bench -w server -- wake-asr --available ...`, on the
// satellite's wake corpus scored as its wake benchmark scores it): every detection, at a
// lower wake threshold than the default, is confirmed only when Moonshine (tiny, or base with
// `--asr-model base`), run on the audio as heard just before it, finds "hey jarvis" likely enough
// or writes something that sounds like it. Transcripts are cached per model, clip and window under
// the corpus's cache folder; the setting (wake threshold x window x rule x match) is chosen on the
// calibration voices by the README's rule and reported held out.
import { readFileSync } from 'node:fs';
import type { MoonshineSize } from '../src/engines/stt/moonshine.js';
import { type PhoneLookup, readDictionary } from './general-agreement.js';
import {
  choose,
  describe,
  detections,
  type FrontEnd,
  heldOut,
  inSplit,
  type ItemScores,
  measure,
  type Measured,
  pct,
  pick,
  PRE_THRESHOLDS,
  type Scored,
  scoreWakeCorpus,
  type Setting,
  splitOf,
  TARGET_FA_PER_HOUR,
  wakeCorpusOptions,
} from '@jarvis/satellite/bench/wake';
import { type Rule, RULES, similarity } from './wake-asr-match.js';
import { measureCost, quantile, sample } from './wake-asr-cost.js';
import { separation, separationTable } from './wake-asr-separation.js';
import {
  keyOf,
  type Transcript,
  transcribe,
  transcriptCache,
  type WindowToHear,
} from './wake-asr-transcripts.js';

const STEP_MS = 80;
const WAKES = [0.1, 0.15, 0.2, 0.3, 0.4, 0.5];
/** The window ends after the score's peak around the detection: the phrase heard whole. */
const PEAK_BEFORE_MS = 480;
const PEAK_AFTER_MS = 640;
const TAIL_MS = 160;
const DICTIONARY = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

const ASR_OPTIONS: { name: string; frontEnd: FrontEnd; slowed: number[] }[] = [
  { name: 'asr', frontEnd: 'raw', slowed: [0] },
  { name: 'speed + asr', frontEnd: 'raw', slowed: PRE_THRESHOLDS },
  { name: 'rnnoise + asr', frontEnd: 'rnnoise', slowed: [0] },
  { name: 'rnnoise + speed + asr', frontEnd: 'rnnoise', slowed: PRE_THRESHOLDS },
];

/** Scores from which a detection needs no check (the model is sure); undefined: all checked. */
const BYPASS = [undefined, 0.5, 0.7, 0.9];
type CheckRule = Rule | 'likelihood';
const CHECK_RULES: readonly CheckRule[] = [...RULES, 'likelihood'];
/** Per rule, the thresholds tried: similarity for the text rules, log-likelihood ratio else. */
const MATCHES: Record<CheckRule, number[]> = {
  phones: [0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1],
  spelling: [0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1],
  likelihood: [-20, -17, -14, -12, -10, -8, -7, -6, -5, -4, -3, -2, -1, 0],
};

/** How far the transcript at `t` sounds like the phrase, by `rule`. */
function scoreOf(t: Transcript, rule: CheckRule, lookup: PhoneLookup): number {
  if (rule === 'likelihood') return Math.max(...t.phraseLogProbs) - t.textLogProb;
  return similarity(t.text, rule, lookup);
}

/** Where the window before a detection at `timestampMs` ends, in ms from the clip's start. */
export function windowEnd(scores: ArrayLike<number>, timestampMs: number): number {
  return scorePeak(scores, timestampMs).endMs;
}

/** The score's peak around a detection, and where the window heard before it ends. */
function scorePeak(scores: ArrayLike<number>, timestampMs: number) {
  const at = timestampMs / STEP_MS - 1;
  const from = Math.max(0, Math.round(at - PEAK_BEFORE_MS / STEP_MS));
  const to = Math.min(scores.length - 1, Math.round(at + PEAK_AFTER_MS / STEP_MS));
  let peak = from;
  for (let s = from; s <= to; s++) if (scores[s]! > scores[peak]!) peak = s;
  const endMs = Math.min((peak + 1) * STEP_MS + TAIL_MS, scores.length * STEP_MS);
  return { endMs, score: scores[peak]! };
}

/** Which clip each scored item is, over every front end's pass. */
function clipsOf(s: Scored): Map<ItemScores, { file: string; voice: string }> {
  const out = new Map<ItemScores, { file: string; voice: string }>();
  for (const pass of Object.values(s.passes)) {
    pass.positives.forEach((item, i) => out.set(item, s.corpus.positives[i]!));
    pass.negatives.forEach((item, i) => out.set(item, s.corpus.negatives[i]!));
  }
  return out;
}

/** Every window the settings would check in the items `keep` selects, not yet transcribed. */
function missing(
  s: Scored,
  settings: readonly Setting[],
  keep: (voice: string) => boolean,
  windows: readonly number[],
  known: ReadonlyMap<string, Transcript>,
): Map<string, WindowToHear> {
  const out = new Map<string, WindowToHear>();
  const plain = new Map<string, Setting>();
  for (const setting of settings) {
    plain.set(`${setting.frontEnd}/${setting.wake}/${setting.slowed}`, {
      ...setting,
      asr: undefined,
    });
  }
  for (const setting of plain.values()) {
    const pass = s.passes[setting.frontEnd];
    const lists = [
      [pass.positives, s.corpus.positives],
      [pass.negatives, s.corpus.negatives],
    ] as const;
    for (const [items, clips] of lists) {
      items.forEach((item, i) => {
        const clip = clips[i]!;
        if (!keep(clip.voice)) return;
        for (const d of detections(s, setting, item)) {
          const endMs = windowEnd(item.scores, d.timestampMs);
          for (const windowMs of windows) {
            const key = keyOf(clip.file, endMs, windowMs);
            if (!known.has(key)) out.set(key, { file: clip.file, endMs, windowMs });
          }
        }
      });
    }
  }
  return out;
}

function row(option: string, setting: Setting, audio: string, m: Measured) {
  console.log(
    `| ${option} | ${describe(setting)} | ${audio} | ${pct(m.falseRejectRate)} | ` +
      `${m.ordinaryPerHour.toFixed(2)} | ${m.nearMissFalseAccepts} (${m.nearMissPerHour.toFixed(1)}) |`,
  );
}

export interface AsrCheckOptions {
  readonly frontEnds: readonly FrontEnd[];
  readonly withSpeed: boolean;
  readonly calibrationOnly: boolean;
  /** The windows Moonshine hears before a detection, in ms. */
  readonly windows: readonly number[];
  readonly size: MoonshineSize;
  /** Instead of the benchmark: time this many of its calibration windows (`--asr-cost N`). */
  readonly cost?: number;
}

/** The check's options chosen on calibration and, unless `calibrationOnly`, run held out. */
export async function runAsrCheck(
  base: Scored,
  options: AsrCheckOptions,
  log: (line: string) => void,
): Promise<void> {
  const { frontEnds, withSpeed, calibrationOnly, windows, size } = options;
  const dictionary = readDictionary(readFileSync(DICTIONARY, 'utf8'));
  const lookup = (word: string) => dictionary.get(word) ?? [];
  const cache = transcriptCache(base.corpus.key, size);
  const clips = clipsOf(base);
  const similarities = new Map<string, number>();
  const valueAt = (item: ItemScores, endMs: number, windowMs: number, rule: CheckRule) => {
    const key = keyOf(clips.get(item)!.file, endMs, windowMs);
    const memo = `${key}/${rule}`;
    let value = similarities.get(memo);
    if (value === undefined) {
      const t = cache.known.get(key);
      if (!t) throw new Error(`no transcript cached for ${key}`);
      value = scoreOf(t, rule, lookup);
      similarities.set(memo, value);
    }
    return value;
  };
  const check = (item: ItemScores, timestampMs: number, setting: Setting) => {
    const asr = setting.asr!;
    const peak = scorePeak(item.scores, timestampMs);
    if (asr.bypass !== undefined && peak.score >= asr.bypass) return true;
    return valueAt(item, peak.endMs, asr.windowMs, asr.rule as CheckRule) >= asr.match;
  };
  const likelihoodAt = (item: ItemScores, timestampMs: number) =>
    valueAt(item, windowEnd(item.scores, timestampMs), windows[0]!, 'likelihood');
  const s: Scored = { ...base, check };
  const asrOptions = ASR_OPTIONS.filter(
    (o) => frontEnds.includes(o.frontEnd) && (withSpeed || o.slowed.length === 1),
  );
  const candidatesOf = (o: (typeof ASR_OPTIONS)[number]) =>
    WAKES.flatMap((wake) =>
      o.slowed.flatMap((slowed) =>
        windows.flatMap((windowMs) =>
          CHECK_RULES.flatMap((rule) =>
            MATCHES[rule].flatMap((match) =>
              BYPASS.map((bypass): Setting => ({
                frontEnd: o.frontEnd,
                wake,
                gate: 0,
                verifier: 0,
                slowed,
                asr: { windowMs, rule, match, bypass },
              })),
            ),
          ),
        ),
      ),
    );
  const calibration = (voice: string) => splitOf(voice) === 'calibration';
  if (options.cost !== undefined) {
    const all = missing(s, asrOptions.flatMap(candidatesOf), calibration, windows, new Map());
    return measureCost(s, size, sample(all, options.cost), log);
  }
  await transcribe(
    s,
    size,
    missing(s, asrOptions.flatMap(candidatesOf), calibration, windows, cache.known),
    cache.add,
    log,
  );
  const references = (['rnnoise + speed, wake 0.5', 'rnnoise + speed'] as const).filter(
    () => frontEnds.includes('rnnoise') && withSpeed,
  );
  const reference = references.map((option) => ({ option, ...choose(s, option) }));
  // The second pick: the fewest near-miss wakes at no more misses than today's setting.
  const todayFr = reference[0]?.calibration.falseRejectRate;
  const chosen = asrOptions.flatMap((o) => {
    const measured = candidatesOf(o).map((setting) => ({
      setting,
      on: measure(s, setting, inSplit('calibration')),
    }));
    console.log(`\n${o.name}, calibration voices: the best setting at each wake threshold\n`);
    printHead('setting');
    for (const wake of WAKES) {
      const { best } = pick(measured.filter((c) => c.setting.wake === wake));
      const before = measure(s, { ...best.setting, asr: undefined }, inSplit('calibration'));
      printLine(describe(best.setting), best.on, checksPerHour(before));
    }
    const { best } = pick(measured);
    const slowed = best.setting.slowed ?? 0;
    console.log(
      `\n${o.name}, calibration voices: how the likelihood (${windows[0]! / 1000} s) separates ` +
        `the detections at each wake threshold${slowed > 0 ? `, slowed from ${slowed}` : ''}\n`,
    );
    const separations = WAKES.map((wake) => ({
      wake,
      on: separation(s, o.frontEnd, wake, slowed, likelihoodAt),
    }));
    for (const line of separationTable(separations)) console.log(line);
    console.log(`\n${o.name}, calibration voices: the likelihood threshold at that setting\n`);
    printHead('likelihood');
    for (const c of measured) {
      const x = c.setting;
      const same = x.wake === best.setting.wake && x.slowed === best.setting.slowed;
      if (same && x.asr!.rule === 'likelihood' && x.asr!.bypass === undefined) {
        printLine(String(x.asr!.match), c.on, NaN);
      }
    }
    const fewest = measured
      .filter((c) => c.on.ordinaryPerHour <= TARGET_FA_PER_HOUR)
      .filter((c) => todayFr !== undefined && c.on.falseRejectRate <= todayFr)
      .sort(
        (x, y) =>
          x.on.nearMissPerHour - y.on.nearMissPerHour ||
          x.on.falseRejectRate - y.on.falseRejectRate,
      )[0];
    const near = fewest ? [{ option: `${o.name}, fewest near misses`, ...fewest }] : [];
    return [{ option: o.name, ...best }, ...near];
  });
  const heldOutVoices = (voice: string) => splitOf(voice) === 'held-out';
  if (!calibrationOnly) {
    const settings = chosen.map((c) => c.setting);
    const windowsOf = (x: Setting) => [x.asr!.windowMs];
    for (const setting of settings) {
      await transcribe(
        s,
        size,
        missing(s, [setting], heldOutVoices, windowsOf(setting), cache.known),
        cache.add,
        log,
      );
    }
  }
  console.log(
    `\n${calibrationOnly ? 'calibration voices only' : 'held-out voices'}: settings chosen on the calibration voices\n`,
  );
  console.log(
    '| option | setting | audio | false rejects | FA/h ordinary | near-miss FA (per h) |',
  );
  console.log('|---|---|---|---:|---:|---:|');
  const rows = [
    ...reference.map((r) => ({ option: r.option, setting: r.setting, on: r.calibration })),
    ...chosen,
  ];
  for (const r of rows) {
    row(`${r.option}: on calibration`, r.setting, 'all', r.on);
    if (calibrationOnly) continue;
    for (const { condition, measured } of heldOut(s, r.setting)) {
      row(r.option, r.setting, condition, measured);
    }
    if (r.setting.asr) {
      const before = measure(s, { ...r.setting, asr: undefined }, inSplit('held-out'));
      row(`${r.option}, no check`, { ...r.setting, asr: undefined }, 'all', before);
    }
  }
  // This run's windows only: the cache may hold other window lengths.
  const times = [...cache.known.entries()]
    .filter(([key]) => windows.includes(Number(key.split('/').pop())))
    .map(([, t]) => t);
  const wall = times.map((t) => t.wallMs);
  const cpu = times.map((t) => t.cpuMs);
  console.log(
    `\nmoonshine ${size} per check (${times.length} windows of ${windows.join('/')} ms): ` +
      `wall p50 ${quantile(wall, 0.5).toFixed(0)} ms, p95 ${quantile(wall, 0.95).toFixed(0)} ms; ` +
      `CPU p50 ${quantile(cpu, 0.5).toFixed(0)} ms, p95 ${quantile(cpu, 0.95).toFixed(0)} ms`,
  );
  for (const c of chosen) {
    const split = calibrationOnly ? 'calibration' : 'held-out';
    const before = measure(s, { ...c.setting, asr: undefined }, inSplit(split));
    console.log(
      `${c.option}: ${checksPerHour(before).toFixed(0)} checks per hour of negative audio (${split})`,
    );
  }
}

function printHead(first: string) {
  console.log(`| ${first} | false rejects | FA/h ordinary | near-miss FA/h | checks/h |`);
  console.log('|---|---:|---:|---:|---:|');
}

function printLine(first: string, m: Measured, checks: number) {
  console.log(
    `| ${first} | ${pct(m.falseRejectRate)} | ${m.ordinaryPerHour.toFixed(2)} | ` +
      `${m.nearMissPerHour.toFixed(1)} | ${Number.isNaN(checks) ? '' : checks.toFixed(0)} |`,
  );
}

/** Detections before the check, per hour of negative audio: how often Moonshine would run. */
const checksPerHour = (m: Measured) =>
  (m.ordinaryFalseAccepts + m.nearMissFalseAccepts) / m.negativeHours;

const USAGE = `npm run bench -w server -- wake-asr [options]
  the wake benchmark's corpus options (npm run bench -w satellite -- wake): --available,
  --full, --rnnoise-only, --no-rnnoise, --speed-variants, --no-verifier, ...
  --calibration-only       choose and measure on the calibration voices only
  --asr-windows 1500,2000  the windows Moonshine hears before a detection (ms)
  --asr-model tiny|base    which Moonshine checks (default tiny; each has its own cache)
  --asr-cost 200           instead: time the model on 200 of the calibration windows`;

/** `args`: the wake benchmark's options for its corpus and passes, and the check's (`USAGE`). */
export async function runWakeAsrBenchmark(args: readonly string[]): Promise<void> {
  const log = (line: string) => console.log(line);
  if (args.includes('--help')) return log(USAGE);
  const after = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const size = after('--asr-model') ?? 'tiny';
  if (size !== 'tiny' && size !== 'base') throw new Error(`--asr-model: tiny or base, not ${size}`);
  const cost = after('--asr-cost');
  const scoring = await scoreWakeCorpus(wakeCorpusOptions(args), log);
  if (!scoring) return;
  const windows = after('--asr-windows')?.split(',').map(Number) ?? [1500, 2000, 2500];
  const { scored, frontEnds, withSpeed, calibrationOnly } = scoring;
  const options: AsrCheckOptions = { frontEnds, withSpeed, calibrationOnly, windows, size };
  await runAsrCheck(scored, { ...options, cost: cost === undefined ? cost : Number(cost) }, log);
}
