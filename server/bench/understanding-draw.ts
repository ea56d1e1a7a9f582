// How each split draws its commands from the bench home's grammar: fixed seeds, and no sentence
// drawn by two splits (at any calibration scale up to MAX_CALIBRATION_SCALE).
import { HELDOUT3_SEEDS } from './understanding-heldout3.js';
import { HELDOUT4_SEEDS } from './understanding-heldout4.js';
import { HELDOUT5_SEEDS } from './understanding-heldout5.js';
import { pick, random } from './understanding-sounds.js';

/**
 * The commands of each split: `commands` sentences each, drawn from `englishOnly` with a fixed
 * seed, then `(calibrationScale - 1) * commands` more for calibration only (`extra`).
 */
export function drawCommands(
  englishOnly: readonly string[],
  commands: number,
  calibrationScale = 1,
): { calibration: string[]; heldout: string[]; extra: string[] } {
  // Above it, calibration would draw the sentences heldout3 was drawn from.
  if (calibrationScale > MAX_CALIBRATION_SCALE) {
    throw new Error(`BENCH_CAL_SCALE ${calibrationScale}: at most ${MAX_CALIBRATION_SCALE}`);
  }
  const next = random(7);
  const shuffled = pick(englishOnly, commands * 2, next);
  const taken = new Set(shuffled);
  const rest = englishOnly.filter((sentence) => !taken.has(sentence));
  const more = Math.max(0, Math.round((calibrationScale - 1) * commands));
  return {
    calibration: shuffled.slice(0, commands),
    heldout: shuffled.slice(commands),
    extra: more > 0 ? pick(rest, more, next) : [],
  };
}

/** The largest `BENCH_CAL_SCALE` whose calibration sentences `heldout3` never draws. */
export const MAX_CALIBRATION_SCALE = 8;

/**
 * `heldout3`'s commands: `commands` sentences drawn with their own seed from those that neither
 * other split draws at any calibration scale up to `MAX_CALIBRATION_SCALE`.
 */
export function drawHeldout3(englishOnly: readonly string[], commands: number): string[] {
  const others = drawCommands(englishOnly, commands, MAX_CALIBRATION_SCALE);
  const taken = new Set([...others.calibration, ...others.heldout, ...others.extra]);
  const fresh = englishOnly.filter((sentence) => !taken.has(sentence));
  return pick(fresh, commands, random(HELDOUT3_SEEDS.commands));
}

/** `heldout4`'s commands: as `heldout3`'s, with their own seed, and none `heldout3` draws. */
export function drawHeldout4(englishOnly: readonly string[], commands: number): string[] {
  const others = drawCommands(englishOnly, commands, MAX_CALIBRATION_SCALE);
  const third = drawHeldout3(englishOnly, commands);
  const taken = new Set([...others.calibration, ...others.heldout, ...others.extra, ...third]);
  const fresh = englishOnly.filter((sentence) => !taken.has(sentence));
  return pick(fresh, commands, random(HELDOUT4_SEEDS.commands));
}

/** `heldout5`'s commands: as `heldout4`'s, with their own seed, and none `heldout4` draws. */
export function drawHeldout5(englishOnly: readonly string[], commands: number): string[] {
  const others = drawCommands(englishOnly, commands, MAX_CALIBRATION_SCALE);
  const taken = new Set([
    ...others.calibration,
    ...others.heldout,
    ...others.extra,
    ...drawHeldout3(englishOnly, commands),
    ...drawHeldout4(englishOnly, commands),
  ]);
  const fresh = englishOnly.filter((sentence) => !taken.has(sentence));
  return pick(fresh, commands, random(HELDOUT5_SEEDS.commands));
}
