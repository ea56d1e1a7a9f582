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
  resolveWakeWordModels,
} from '../src/engines/wake/builtin-models.js';
import { RnnoiseDenoiser } from '../src/engines/denoise/rnnoise.js';
import { SileroVad } from '../src/engines/vad/silero-vad.js';
import { VadStream } from '../src/engines/vad/vad-stream.js';
import { OpenWakeWord } from '../src/engines/wake/openwakeword.js';
import { type Corpus, wakeCorpus } from './wake-corpus.js';
import { available, enrolmentClips, extractionOrder, firstShare, shareOf } from './wake-size.js';
import { cachedVerifiers, PERSONAL_VOICE } from './wake-enrol.js';
import {
  choose,
  heldOut,
  inSplit,
  measure,
  type Measured,
  OPTIONS,
  type OptionName,
  type Scored,
  type Setting,
  TARGET_FA_PER_HOUR,
  WAKE_THRESHOLDS,
} from './wake-eval.js';
import { type FrontEnd, type Pass, scorePass, vadPass } from './wake-score.js';
import { extractAll } from './wake-features.js';

const TRIGGER = { triggerLevel: DEFAULT_TRIGGER_LEVEL, refractoryMs: DEFAULT_REFRACTORY_MS };
/** A positive counts when detected between the start of "hey jarvis" and 1 s after its end. */
const ACCEPT_AFTER_MS = 1000;
const MIC_CHUNK = 1024;
const CPU_SECONDS = 20;

const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
const describe = (s: Setting) =>
  `${s.frontEnd === 'rnnoise' ? 'RNNoise, ' : ''}wake ${s.wake}` +
  `${s.gate > 0 ? `, gate ${s.gate}` : ''}${s.verifier > 0 ? `, verifier ${s.verifier}` : ''}`;

/** CPU seconds per audio second streaming 1,024-sample chunks: median of 3 runs. */
async function cpuCost(samples: Int16Array, withVad: boolean, withRnnoise: boolean) {
  const detector = await OpenWakeWord.load({
    models: resolveWakeWordModels({ names: ['hey_jarvis'] }),
  });
  const vad = withVad ? new VadStream({ detector: await SileroVad.load() }) : undefined;
  const denoiser = withRnnoise ? await RnnoiseDenoiser.load() : undefined;
  try {
    const audio = samples.subarray(0, 16000 * CPU_SECONDS);
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      detector.reset();
      vad?.reset();
      denoiser?.reset();
      const cpu = process.cpuUsage();
      for (let i = 0; i + MIC_CHUNK <= audio.length; i += MIC_CHUNK) {
        const chunk = audio.subarray(i, i + MIC_CHUNK);
        await detector.process(denoiser ? denoiser.process(chunk) : chunk);
        if (vad) await vad.process(chunk);
      }
      const used = process.cpuUsage(cpu);
      runs.push((used.user + used.system) / 1e6 / (audio.length / 16000));
    }
    const what = ['hey_jarvis', withVad ? 'Silero VAD (gate)' : '', withRnnoise ? 'RNNoise' : ''];
    return {
      what: what.filter(Boolean).join(' + '),
      cpuSecondsPerAudioSecond: [...runs].sort((a, b) => a - b)[1]!,
    };
  } finally {
    denoiser?.close();
    await detector.close();
    await vad?.close();
  }
}

function printAccuracy(
  rows: {
    option: string;
    setting: Setting;
    metTarget: boolean;
    heldOut: ReturnType<typeof heldOut>;
  }[],
) {
  console.log(
    `\nheld-out voices; settings chosen on the calibration voices (target <= ${TARGET_FA_PER_HOUR} false accepts/h on ordinary speech)\n`,
  );
  console.log(
    '| option | setting | audio | false rejects | FA/h ordinary speech | near-miss FA (per h) |',
  );
  console.log('|---|---|---|---:|---:|---:|');
  for (const r of rows) {
    const c = (r as { calibration?: Measured }).calibration;
    if (c) {
      console.log(
        `| ${r.option}: on calibration | ${describe(r.setting)} | all | ${pct(c.falseRejectRate)} | ${c.ordinaryPerHour.toFixed(2)} | ${c.nearMissFalseAccepts} (${c.nearMissPerHour.toFixed(1)}) |`,
      );
    }
    for (const { condition, measured: m } of r.heldOut) {
      const label = `${r.option}${r.metTarget || r.option === 'default' ? '' : ' (aim not met on calibration)'}`;
      console.log(
        `| ${label} | ${describe(r.setting)} | ${condition} | ${pct(m.falseRejectRate)} | ` +
          `${m.ordinaryPerHour.toFixed(2)} | ${m.nearMissFalseAccepts} (${m.nearMissPerHour.toFixed(1)}) |`,
      );
    }
  }
}

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

/** The personal verifier: one voice enrolled, its held-out clips against everyone else's. */
function personal(s: Scored, setting: Setting) {
  const mine = (x: { voice: string }) => x.voice === PERSONAL_VOICE;
  const rows: { who: string; verifier: string; measured: Measured }[] = [];
  for (const withVerifier of [false, true]) {
    const use: Setting = withVerifier
      ? { ...setting, verifierName: 'personal' }
      : { ...setting, verifier: 0 };
    const label = withVerifier ? `personal, ${setting.verifier}` : 'none';
    rows.push({ who: PERSONAL_VOICE, verifier: label, measured: measure(s, use, mine) });
    rows.push({
      who: 'the 12 others',
      verifier: label,
      measured: measure(s, use, (x) => !mine(x)),
    });
  }
  console.log(
    `\npersonal verifier: ${PERSONAL_VOICE} enrolled alone (6 clips + 12 sentences), wake ${setting.wake}\n`,
  );
  console.log('| whose clips | verifier | positives | rejected | FA/h ordinary | near-miss FA |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const m = r.measured;
    const fa = m.negativeHours > 0 ? m.ordinaryPerHour.toFixed(2) : 'none run';
    const near = m.negativeHours > 0 ? String(m.nearMissFalseAccepts) : 'none run';
    console.log(
      `| ${r.who} | ${r.verifier} | ${m.positives} | ${pct(m.falseRejectRate)} | ${fa} | ${near} |`,
    );
  }
  return rows;
}

/** CPU per audio second with and without the gate and RNNoise, printed. */
async function cpuTable(corpus: Corpus) {
  const speech = corpus.audio(corpus.negatives.find((n) => n.condition === '10 dB')!);
  const cpu = [];
  for (const [vadOn, rnnoise] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const) {
    cpu.push(await cpuCost(speech, vadOn, rnnoise));
  }
  console.log('\n| streaming, 1,024-sample mic chunks | CPU s per audio s |');
  console.log('|---|---:|');
  for (const c of cpu) console.log(`| ${c.what} | ${c.cpuSecondsPerAudioSecond.toFixed(4)} |`);
  return cpu;
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
    await cpuTable(await wakeCorpus(log));
    return;
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
    const items = extractionOrder(all);
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
      ? available(whole, process.argv.includes('--no-rnnoise') ? ['raw'] : ['raw', 'rnnoise'])
      : firstShare(whole);
  const share = shareOf(corpus, whole);
  log(`scoring ${share}`);
  // `-- wake --pass raw` (or rnnoise) only scores and caches that pass: run both at once.
  const only = process.argv[process.argv.indexOf('--pass') + 1];
  const kinds = (['raw', 'rnnoise'] as const).filter(
    (k) =>
      (!process.argv.includes('--pass') || k === only) &&
      !(k === 'rnnoise' && process.argv.includes('--no-rnnoise')),
  );
  const passes: Partial<Record<FrontEnd, Pass>> = {};
  for (const kind of kinds) {
    const trainStarted = performance.now();
    const verifiers = await cachedVerifiers(corpus, kind);
    log(
      `${kind}: verifiers trained in ${((performance.now() - trainStarted) / 1000).toFixed(0)} s`,
    );
    passes[kind] = await scorePass(corpus, kind, verifiers, log);
  }
  if (process.argv.includes('--pass')) return;
  // `--no-rnnoise`: without the RNNoise pass (its options left out, "combined" without it).
  const both = passes as Record<FrontEnd, Pass>;
  const withRnnoise = !process.argv.includes('--no-rnnoise');
  if (!withRnnoise) both.rnnoise = both.raw;
  const vad = await vadPass(corpus, withRnnoise ? [both.raw, both.rnnoise] : [both.raw], log);
  const scored: Scored = {
    corpus,
    passes: both,
    vad,
    trigger: TRIGGER,
    acceptAfterMs: ACCEPT_AFTER_MS,
  };
  const rows = [];
  const defaultSetting: Setting = { frontEnd: 'raw', wake: 0.5, gate: 0, verifier: 0 };
  rows.push({
    option: 'default',
    setting: defaultSetting,
    metTarget: false,
    heldOut: heldOut(scored, defaultSetting),
  });
  if (withRnnoise) {
    // RNNoise at the default threshold, to see what it does alone.
    const denoised: Setting = { ...defaultSetting, frontEnd: 'rnnoise' };
    rows.push({
      option: 'default',
      setting: denoised,
      metTarget: false,
      heldOut: heldOut(scored, denoised),
    });
  }
  for (const option of Object.keys(OPTIONS) as OptionName[]) {
    if (option !== 'combined' && OPTIONS[option].frontEnd === 'rnnoise' && !withRnnoise) continue;
    const chosen = choose(scored, option, withRnnoise);
    rows.push({ option, ...chosen, heldOut: heldOut(scored, chosen.setting) });
  }
  printAccuracy(rows);
  const sweepRows = sweep(scored, withRnnoise ? ['raw', 'rnnoise'] : ['raw']);
  const verifierRow = rows.find((r) => r.option === 'verifier')!;
  const personalRows = personal(scored, verifierRow.setting);

  const cleanMinutes = corpus.negatives
    .filter((n) => n.condition === 'clean')
    .reduce((sum, n) => sum + n.segments.at(-1)!.endMs / 60000, 0);
  log(
    `\ncorpus: ${corpus.positives.length} positive clips, ${cleanMinutes.toFixed(0)} min of negative speech per condition`,
  );

  const cpu = process.argv.includes('--no-cpu') ? [] : await cpuTable(corpus);

  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
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
    personal: personalRows,
    cpu,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${out} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
