// Wake word benchmark: hey_jarvis on a generated corpus (13 voices, 3 speeds, clean / 10 dB /
// 5 dB / babble), with and without the speech gate, RNNoise, the verifier and all three; the
// settings chosen on the calibration voices and reported on the held-out voices; the personal
// verifier (one voice enrolled); CPU per audio second. Prints markdown tables and writes
// bench-results/satellite-wake.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_REFRACTORY_MS,
  DEFAULT_TRIGGER_LEVEL,
} from '../src/engines/wake/builtin-models.js';
import { wakeCorpus } from './wake-corpus.js';
import { perSpeed, speedSweep } from './wake-speed-report.js';
import { cpuTable } from './wake-cpu.js';
import { available, enrolmentClips, extractionOrder, firstShare, shareOf } from './wake-size.js';
import { cachedVerifiers } from './wake-enrol.js';
import { type CorpusModel, cachedCorpusVerifiers, type MlpShape } from './wake-corpus-verifier.js';
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
import { type FrontEnd, type Pass, scorePass, vadPass } from './wake-score.js';
import { extractAll } from './wake-features.js';
import { runAsrCheck } from './wake-asr.js';
import { extractVariants } from './wake-variants.js';
import { trainingCorpus, trainingOrder } from './wake-training-corpus.js';
import type { VerifierFile } from '../src/engines/wake/verifier.js';

const TRIGGER = { triggerLevel: DEFAULT_TRIGGER_LEVEL, refractoryMs: DEFAULT_REFRACTORY_MS };
/** A positive counts when detected between the start of "hey jarvis" and 1 s after its end. */
const ACCEPT_AFTER_MS = 1000;

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

/** `--mlp-shape UNITS,EPOCHS,L2`: the corpus MLP's size and training, when not the default. */
function mlpShape(): MlpShape | undefined {
  if (!process.argv.includes('--mlp-shape')) return undefined;
  const [hidden, epochs, l2] = process.argv[process.argv.indexOf('--mlp-shape') + 1]!.split(',');
  return { hidden: Number(hidden), epochs: Number(epochs), l2: Number(l2) };
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
  const whole = await wakeCorpus(log);
  const corpus = process.argv.includes('--full')
    ? whole
    : process.argv.includes('--available')
      ? available(
          whole,
          process.argv.includes('--no-rnnoise')
            ? ['raw']
            : process.argv.includes('--rnnoise-only')
              ? ['rnnoise']
              : ['raw', 'rnnoise'],
          process.argv.includes('--speed-variants'),
        )
      : firstShare(whole);
  const share = shareOf(corpus, whole);
  log(`scoring ${share}`);
  // `-- wake --pass raw` (or rnnoise) only scores and caches that pass: run both at once.
  const only = process.argv[process.argv.indexOf('--pass') + 1];
  // `--rnnoise-only`: only the options through RNNoise (no pass of the audio as heard).
  const rnnoiseOnly = process.argv.includes('--rnnoise-only');
  const kinds = (['raw', 'rnnoise'] as const).filter(
    (k) =>
      (!process.argv.includes('--pass') || k === only) &&
      !(k === 'rnnoise' && process.argv.includes('--no-rnnoise')) &&
      !(k === 'raw' && rnnoiseOnly),
  );
  // `--speed-variants`: the speed variants' options too (their slowed scores cached or computed).
  const withSpeed = process.argv.includes('--speed-variants');
  // `--no-verifier`: without the verifiers (their enrolment clips are not run).
  const withVerifier = !process.argv.includes('--no-verifier');
  // `--corpus-verifier`: the verifier trained on the calibration voices' corpus, through RNNoise;
  // `--corpus-mlp`: its version with a hidden layer too.
  const corpusModels: CorpusModel[] = [
    ...(process.argv.includes('--corpus-verifier') ? (['corpus'] as const) : []),
    ...(process.argv.includes('--corpus-mlp') ? (['corpus-mlp'] as const) : []),
  ];
  // `--training-voices`: the corpus verifiers learn the training-only voices too.
  const training = process.argv.includes('--training-voices')
    ? await trainingCorpus(log)
    : undefined;
  const passes: Partial<Record<FrontEnd, Pass>> = {};
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  for (const kind of kinds) {
    const trainStarted = performance.now();
    const verifiers = withVerifier ? await cachedVerifiers(corpus, kind) : {};
    log(
      `${kind}: verifiers trained in ${((performance.now() - trainStarted) / 1000).toFixed(0)} s`,
    );
    const fromCorpus: Record<string, VerifierFile> = {};
    for (const model of kind === 'rnnoise' ? corpusModels : []) {
      Object.assign(
        fromCorpus,
        await cachedCorpusVerifiers(corpus, kind, model, ACCEPT_AFTER_MS, log, {
          training,
          mlp: mlpShape(),
        }),
      );
      // The one trained on every calibration voice: the file a satellite could ship.
      const out = join(root, 'bench-results', `verifier-hey_jarvis-${model}.json`);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(fromCorpus[model])}\n`);
    }
    passes[kind] = await scorePass(corpus, kind, { ...verifiers, ...fromCorpus }, log, withSpeed);
  }
  if (process.argv.includes('--pass')) return;
  // `--no-rnnoise`: without the RNNoise pass (its options left out, "combined" without it).
  const both = passes as Record<FrontEnd, Pass>;
  const withRnnoise = !process.argv.includes('--no-rnnoise');
  if (!withRnnoise) both.rnnoise = both.raw;
  const frontEnds: FrontEnd[] = rnnoiseOnly
    ? ['rnnoise']
    : withRnnoise
      ? ['raw', 'rnnoise']
      : ['raw'];
  const vad = await vadPass(
    corpus,
    frontEnds.map((k) => both[k]),
    log,
  );
  const scored: Scored = {
    corpus,
    passes: both,
    vad,
    trigger: TRIGGER,
    acceptAfterMs: ACCEPT_AFTER_MS,
  };
  // `--calibration-only`: the settings chosen and measured on the calibration voices, the
  // held-out voices not looked at (for trying the benchmark out before its one held-out run).
  const calibrationOnly = process.argv.includes('--calibration-only');
  if (process.argv.includes('--asr-check')) {
    // `--asr-windows 1500,2000`: the windows Moonshine hears before a detection (ms).
    const at = process.argv.indexOf('--asr-windows');
    const windows = at > 0 ? process.argv[at + 1]!.split(',').map(Number) : [1500, 2000, 2500];
    await runAsrCheck(scored, frontEnds, withSpeed, calibrationOnly, windows, log);
    return;
  }
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
