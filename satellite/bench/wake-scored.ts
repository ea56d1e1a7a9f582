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

/** How the corpus is scored: the wake benchmark's command-line options (`wakeCorpusOptions`). */
export interface WakeCorpusOptions {
  /** `--full`: every clip; `--available`: the clips whose features are cached; else a share. */
  readonly clips: 'full' | 'available' | 'share';
  /** `--pass raw` (or rnnoise): only score and cache that pass (run both at once). */
  readonly pass?: FrontEnd;
  /** `--no-rnnoise`: without the RNNoise pass (its options left out, "combined" without it). */
  readonly noRnnoise: boolean;
  /** `--rnnoise-only`: only the options through RNNoise (no pass of the audio as heard). */
  readonly rnnoiseOnly: boolean;
  /** `--speed-variants`: the speed variants' options too (slowed scores cached or computed). */
  readonly withSpeed: boolean;
  /** `--no-verifier` sets it false: without the verifiers (their enrolment clips are not run). */
  readonly withVerifier: boolean;
  /**
   * `--corpus-verifier`: the verifier trained on the calibration voices' corpus, through
   * RNNoise; `--corpus-mlp`: its version with a hidden layer too.
   */
  readonly corpusModels: readonly CorpusModel[];
  /** `--mlp-shape UNITS,EPOCHS,L2`: the corpus MLP's size and training, when not the default. */
  readonly mlp?: MlpShape;
  /** `--training-voices`: the corpus verifiers learn the training-only voices too. */
  readonly trainingVoices: boolean;
  /**
   * `--calibration-only`: the settings chosen and measured on the calibration voices, the
   * held-out voices not looked at (for trying the benchmark out before its one held-out run).
   */
  readonly calibrationOnly: boolean;
}

/** The scoring options in command-line arguments (an entry point's `process.argv`). */
export function wakeCorpusOptions(args: readonly string[]): WakeCorpusOptions {
  const has = (flag: string) => args.includes(flag);
  const after = (flag: string) => (has(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const mlp = after('--mlp-shape')?.split(',').map(Number);
  return {
    clips: has('--full') ? 'full' : has('--available') ? 'available' : 'share',
    pass: has('--pass') ? (after('--pass') as FrontEnd) : undefined,
    noRnnoise: has('--no-rnnoise'),
    rnnoiseOnly: has('--rnnoise-only'),
    withSpeed: has('--speed-variants'),
    withVerifier: !has('--no-verifier'),
    corpusModels: [
      ...(has('--corpus-verifier') ? (['corpus'] as const) : []),
      ...(has('--corpus-mlp') ? (['corpus-mlp'] as const) : []),
    ],
    mlp: mlp && { hidden: mlp[0]!, epochs: mlp[1]!, l2: mlp[2]! },
    trainingVoices: has('--training-voices'),
    calibrationOnly: has('--calibration-only'),
  };
}

/** The corpus scored as `options` ask; undefined with `pass` (it only caches one). */
export async function scoreWakeCorpus(options: WakeCorpusOptions, log: (line: string) => void) {
  const { withSpeed, withVerifier, corpusModels, rnnoiseOnly, calibrationOnly } = options;
  const whole = await wakeCorpus(log);
  const corpus =
    options.clips === 'full'
      ? whole
      : options.clips === 'available'
        ? available(
            whole,
            options.noRnnoise ? ['raw'] : rnnoiseOnly ? ['rnnoise'] : ['raw', 'rnnoise'],
            withSpeed,
          )
        : firstShare(whole);
  const share = shareOf(corpus, whole);
  log(`scoring ${share}`);
  const kinds = (['raw', 'rnnoise'] as const).filter(
    (k) =>
      (options.pass === undefined || k === options.pass) &&
      !(k === 'rnnoise' && options.noRnnoise) &&
      !(k === 'raw' && rnnoiseOnly),
  );
  const training = options.trainingVoices ? await trainingCorpus(log) : undefined;
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
          mlp: options.mlp,
        }),
      );
      // The one trained on every calibration voice: the file a satellite could ship.
      const out = join(root, 'bench-results', `verifier-hey_jarvis-${model}.json`);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(fromCorpus[model])}\n`);
    }
    passes[kind] = await scorePass(corpus, kind, { ...verifiers, ...fromCorpus }, log, withSpeed);
  }
  if (options.pass !== undefined) return undefined;
  const both = passes as Record<FrontEnd, Pass>;
  const withRnnoise = !options.noRnnoise;
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
