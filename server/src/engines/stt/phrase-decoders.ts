// The phrase engine's pocketsphinx arguments: what both decoders share (the front end, so the
// grammar's and the phone loop's scores are comparable), what each adds, and overrides merged by
// flag (pocketsphinx refuses a flag given twice); and the check that pocketsphinx is installed.
import { access } from 'node:fs/promises';
import { EngineError } from '../../errors.js';

/** `-flag value` pairs, in order. */
export type DecoderArgs = readonly string[];

/**
 * Both decoders. Spectral noise subtraction off: it misjudges the noise after silence, and the
 * speech is already cut out of it (with its faint noise floor, dither is not needed). Eight
 * Gaussians per senone rather than four: synthetic and accented voices fit better.
 */
export const SHARED_ARGS: DecoderArgs = ['-dither', 'no', '-remove_noise', 'no', '-topn', '8'];

/**
 * The grammar decoder. Wide beams: with narrower ones accented voices often reach no final state,
 * and voices the model hears badly lose the right sentence's path (`understanding sweep`,
 * calibration split: 1e-100 acted correctly on 53 of 60 commands, 1e-80 on 49, 1e-60 on 51,
 * each with its own calibrated rule), at about 40 % more decoding time than 1e-80.
 */
export const GRAMMAR_ARGS: DecoderArgs = [
  ...['-beam', '1e-100', '-pbeam', '1e-100', '-wbeam', '1e-80', '-bestpath', 'no'],
];

/** The free phone loop: narrower beams and every other frame's scores are enough for a baseline. */
export const PHONE_LOOP_ARGS: DecoderArgs = [
  ...['-beam', '1e-20', '-pbeam', '1e-20', '-wbeam', '1e-15', '-ds', '2', '-bestpath', 'no'],
];

/**
 * `base` with every flag of each override set to the override's value (later overrides win),
 * new flags appended in order. Throws on a flag without a value.
 */
export function mergeArgs(base: DecoderArgs, ...overrides: (DecoderArgs | undefined)[]): string[] {
  const values = new Map<string, string>();
  for (const args of [base, ...overrides]) {
    if (!args) continue;
    if (args.length % 2 !== 0)
      throw new Error(`decoder arguments come in pairs: ${args.join(' ')}`);
    for (let i = 0; i < args.length; i += 2) {
      const flag = args[i]!;
      if (!flag.startsWith('-')) throw new Error(`not a decoder flag: ${flag}`);
      values.set(flag, args[i + 1]!); // an overridden flag keeps its place
    }
  }
  return [...values].flat();
}

/**
 * The word loop (any sequence of the grammar's words): a baseline like the phone loop, so its
 * beams are narrow; wide ones make it many times slower than the grammar.
 */
export const WORD_LOOP_ARGS: DecoderArgs = [
  ...['-beam', '1e-30', '-pbeam', '1e-30', '-wbeam', '1e-20', '-maxhmmpf', '3000'],
  ...['-bestpath', 'no'],
];

const INSTALL_HINT = 'install it with: apt-get install pocketsphinx pocketsphinx-en-us';

/** Throws `EngineError` naming the first of `required` ([what, path, access mode]) missing. */
export async function checkInstallation(
  engine: string,
  required: readonly (readonly [string, string, number])[],
): Promise<void> {
  for (const [what, path, mode] of required) {
    try {
      await access(path, mode);
    } catch (cause) {
      throw new EngineError(engine, `${what} not found at ${path}; ${INSTALL_HINT}`, { cause });
    }
  }
}
