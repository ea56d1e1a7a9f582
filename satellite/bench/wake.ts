// Wake word benchmark: hey_jarvis on a generated corpus (13 voices, 3 speeds, clean / 10 dB /
// 5 dB / babble), with and without the speech gate, RNNoise, the verifier and all three; the
// settings chosen on the calibration voices and reported on the held-out voices; the personal
// verifier (one voice enrolled); CPU per audio second. Prints markdown tables and writes
// bench-results/satellite-wake.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { wakeCorpus } from './wake-corpus.js';
import { perSpeed, speedSweep } from './wake-speed-report.js';
import { cpuTable } from './wake-cpu.js';
import { enrolmentClips, extractionOrder } from './wake-size.js';
import { cachedVerifiers } from './wake-enrol.js';
import { type AccuracyRow, personal, printAccuracy } from './wake-report.js';
import {
  choose,
  heldOut,
  inSplit,
  measure,
  OPTIONS,
  type OptionName,
  pct,
  type Scored,
  type Setting,
  TARGET_FA_PER_HOUR,
  WAKE_THRESHOLDS,
} from './wake-eval.js';
import type { FrontEnd } from './wake-score.js';
import { extractAll } from './wake-features.js';
import { ACCEPT_AFTER_MS, scoreWakeCorpus, TRIGGER, wakeCorpusOptions } from './wake-scored.js';
import { extractVariants } from './wake-variants.js';
import { trainingCorpus, trainingOrder } from './wake-training-corpus.js';

/** Each wake threshold on the calibration voices, through each front end: the trade. */
function sweep(s: Scored, frontEnds: readonly FrontEnd[]) {
  console.log('\ncalibration voices, all conditions: the wake threshold alone\n');
  console.log(
    '| front end | wake | false rejects | FA/h ordinary | ordinary FA | near-miss FA/h |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  const rows = [];
  for (const frontEnd of frontEnds) {
    for (const wake of WAKE_THRESHOLDS) {
      const m = measure(s, { frontEnd, wake, gate: 0, verifier: 0 }, inSplit('calibration'));
      rows.push({ frontEnd, wake, measured: m });
      console.log(
        `| ${frontEnd} | ${wake} | ${pct(m.falseRejectRate)} | ${m.ordinaryPerHour.toFixed(2)} | ` +
          `${m.ordinaryFalseAccepts} | ${m.nearMissPerHour.toFixed(1)} |`,
      );
    }
  }
  return rows;
}

/** `--shard K/N`: every Nth item from the Kth. */
function shardOption() {
  if (!process.argv.includes('--shard')) return undefined;
  const [index, count] = process.argv[process.argv.indexOf('--shard') + 1]!.split('/').map(Number);
  return { index: index!, count: count! };
}

export async function runWakeBenchmark(): Promise<void> {
  const started = performance.now();
  const log = (line: string) => console.log(line);
  if (process.argv.includes('--cpu-only')) {
    await cpuTable(await wakeCorpus(log), [0.02, 0.05, 0.1, 0.2]);
    return;
  }
  if (process.argv.includes('--training-extract')) {
    // `-- wake --training-extract rnnoise [--reverse]`: the training-only voices' features and
    // speed variants, clip by clip (`--reverse`: from the end, a second process).
    const training = await trainingCorpus(log);
    const kind = process.argv[process.argv.indexOf('--training-extract') + 1] as FrontEnd;
    const items = trainingOrder(training);
    if (process.argv.includes('--reverse')) items.reverse();
    const clips = items.map((item) => () => training.audio(item));
    await extractVariants(training.key, kind, clips, log, true);
    return;
  }
  if (process.argv.includes('--extract-variants')) {
    // `-- wake --extract-variants raw|rnnoise`: the speed variants' slowed scores of every clip
    // whose features are cached, positives first; again every minute while more get cached.
    const all = await wakeCorpus(log);
    const kind = process.argv[process.argv.indexOf('--extract-variants') + 1] as FrontEnd;
    const items = [...all.positives, ...extractionOrder(all)];
    // `--reverse`: from the end, for a second process that meets the first half way.
    if (process.argv.includes('--reverse')) items.reverse();
    for (;;) {
      // `--uncached`: every clip, its plain features computed first when not cached.
      await extractVariants(
        all.key,
        kind,
        items.map((item) => () => all.audio(item)),
        log,
        process.argv.includes('--uncached'),
      );
      if (!process.argv.includes('--follow')) return;
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
  }
  if (process.argv.includes('--extract')) {
    // `-- wake --extract raw|rnnoise [--shard K/N]`: only compute and cache the features of the
    // whole corpus's test clips, the first run's share first (run one process per front end).
    const all = await wakeCorpus(log);
    const kind = process.argv[process.argv.indexOf('--extract') + 1] as FrontEnd;
    if (process.argv.includes('--enrolment') && process.argv.includes('--reverse')) {
      const clips = enrolmentClips(all).reverse();
      await extractAll(
        all.key,
        kind,
        clips.map((c) => () => c),
        log,
      );
      return;
    }
    if (process.argv.includes('--enrolment')) {
      // The verifiers' clips (their noisy copies included) instead: training caches them.
      await cachedVerifiers(all, kind);
      log(`${kind}: enrolment features cached`);
      return;
    }
    // `--reverse`: from the end, for a second process that meets the first half way.
    // `--positives`: only the positive clips (every speed), before any negative.
    const items = process.argv.includes('--positives') ? [...all.positives] : extractionOrder(all);
    if (process.argv.includes('--reverse')) items.reverse();
    await extractAll(
      all.key,
      kind,
      items.map((item) => () => all.audio(item)),
      log,
      shardOption(),
    );
    return;
  }
  if (process.argv.includes('--asr-check')) {
    // The check runs Moonshine, which is the server's: its benchmark is the server's too.
    const options = process.argv
      .slice(process.argv.indexOf('wake') + 1)
      .filter((arg) => arg !== '--asr-check')
      .join(' ');
    throw new Error(`the spoken-word check moved: npm run bench -w server -- wake-asr ${options}`);
  }
  const scoring = await scoreWakeCorpus(wakeCorpusOptions(process.argv), log);
  if (!scoring) return;
  const { corpus, share, scored, frontEnds, withSpeed, withVerifier, withRnnoise } = scoring;
  const { rnnoiseOnly, corpusModels, root, calibrationOnly } = scoring;
  const held = (setting: Setting) => (calibrationOnly ? [] : heldOut(scored, setting));
  const rows: AccuracyRow[] = [];
  const defaultSetting: Setting = { frontEnd: 'raw', wake: 0.5, gate: 0, verifier: 0 };
  // The default as heard, and RNNoise at the default threshold to see what it does alone.
  for (const frontEnd of frontEnds) {
    const setting: Setting = { ...defaultSetting, frontEnd };
    const calibration = measure(scored, setting, inSplit('calibration'));
    rows.push({
      option: 'default',
      setting,
      metTarget: false,
      calibration,
      heldOut: held(setting),
    });
  }
  for (const option of Object.keys(OPTIONS) as OptionName[]) {
    if (option !== 'combined' && OPTIONS[option].frontEnd === 'rnnoise' && !withRnnoise) continue;
    if (OPTIONS[option].frontEnd === 'raw' && rnnoiseOnly) continue;
    if (OPTIONS[option].slowed && !withSpeed) continue;
    const model = OPTIONS[option].verifierName;
    const corpusVerifier = model !== undefined;
    if (model && !corpusModels.includes(model)) continue;
    if (!corpusVerifier && OPTIONS[option].verifiers.some((v) => v > 0) && !withVerifier) continue;
    const chosen = choose(scored, option, withRnnoise);
    rows.push({ option, ...chosen, heldOut: held(chosen.setting) });
  }
  printAccuracy(rows);
  const sweepRows = sweep(scored, frontEnds);
  const slowedSweep = withSpeed ? speedSweep(scored, frontEnds) : [];
  const speedRows = calibrationOnly
    ? []
    : perSpeed(
        scored,
        rows.filter((r) => ['default', 'rnnoise'].includes(r.option) || r.option.includes('speed')),
      );
  // The personal verifier at the settings chosen with the household verifier.
  const personalRows = calibrationOnly
    ? []
    : rows
        .filter((r) => ['verifier', 'rnnoise + speed + verifier'].includes(r.option))
        .flatMap((r) => personal(scored, r.option, r.setting));

  const cleanMinutes = corpus.negatives
    .filter((n) => n.condition === 'clean')
    .reduce((sum, n) => sum + n.segments.at(-1)!.endMs / 60000, 0);
  log(
    `\ncorpus: ${corpus.positives.length} positive clips, ${cleanMinutes.toFixed(0)} min of negative speech per condition`,
  );

  const slowedChosen = rows.find((r) => r.option === 'rnnoise + speed')?.setting.slowed;
  const cpu = process.argv.includes('--no-cpu')
    ? []
    : await cpuTable(corpus, slowedChosen ? [slowedChosen] : []);

  const out = join(root, 'bench-results', 'satellite-wake.json');
  mkdirSync(dirname(out), { recursive: true });
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length },
    settings: {
      ...TRIGGER,
      acceptWithinMsAfterPhrase: ACCEPT_AFTER_MS,
      targetFaPerHour: TARGET_FA_PER_HOUR,
    },
    corpus: {
      share,
      positives: corpus.positives.length,
      negativeStreams: corpus.negatives.length,
      cleanNegativeMinutes: cleanMinutes,
    },
    accuracy: rows,
    calibrationSweep: sweepRows,
    perSpeed: speedRows,
    speedVariantSweep: slowedSweep,
    personal: personalRows,
    cpu,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${out} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
