// The wake word benchmark's corpus, scored: the clips the options ask for (`--available`,
// `--full`, else the first share), each front end's pass, the VAD's. Shared by the wake
// benchmark and the server's benchmark of the spoken-word check (`-w server -- wake-asr`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_REFRACTORY_MS,
  DEFAULT_TRIGGER_LEVEL,
} from '../src/engines/wake/builtin-models.js';
import type { VerifierFile } from '../src/engines/wake/verifier.js';
import { wakeCorpus } from './wake-corpus.js';
import { type CorpusModel, cachedCorpusVerifiers, type MlpShape } from './wake-corpus-verifier.js';
import { cachedVerifiers } from './wake-enrol.js';
import type { Scored } from './wake-eval.js';
import { type FrontEnd, type Pass, scorePass, vadPass } from './wake-score.js';
import { available, firstShare, shareOf } from './wake-size.js';
import { trainingCorpus } from './wake-training-corpus.js';

export const TRIGGER = { triggerLevel: DEFAULT_TRIGGER_LEVEL, refractoryMs: DEFAULT_REFRACTORY_MS };
/** A positive counts when detected between the start of "hey jarvis" and 1 s after its end. */
export const ACCEPT_AFTER_MS = 1000;

/** `--mlp-shape UNITS,EPOCHS,L2`: the corpus MLP's size and training, when not the default. */
function mlpShape(): MlpShape | undefined {
  if (!process.argv.includes('--mlp-shape')) return undefined;
  const [hidden, epochs, l2] = process.argv[process.argv.indexOf('--mlp-shape') + 1]!.split(',');
  return { hidden: Number(hidden), epochs: Number(epochs), l2: Number(l2) };
}

/** The corpus scored as the command line asks; undefined with `--pass` (it only caches one). */
export async function scoreWakeCorpus(log: (line: string) => void) {
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
  if (process.argv.includes('--pass')) return undefined;
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
  return {
    corpus,
    share,
    scored,
    frontEnds,
    withSpeed,
    withVerifier,
    withRnnoise,
    rnnoiseOnly,
    corpusModels,
    root,
    calibrationOnly,
  };
}
