// Vocal tract length normalisation for the phrase engine: the speech is heard by the free phone
// loop at several frequency warps of pocketsphinx's filter bank (`-warp_type`, `-warp_params`),
// and the grammar decodes it at the warp under which free phones explain it best (maximum
// likelihood, as VTLN chooses a speaker's warp). Nothing is chosen per voice: only by the
// likelihood of each utterance. Pure, so the engine only runs the decoders.
import type { DecoderArgs } from './phrase-decoders.js';
import type { Hypothesis } from './sphinx-batch.js';

export interface VtlnOptions {
  /** The warps tried (pocketsphinx's `-warp_params`); 1 is the filter bank unwarped. */
  readonly warps: readonly number[];
  /** Pocketsphinx's warp shape (default `inverse_linear`: frequencies divided by the warp). */
  readonly type?: 'inverse_linear' | 'affine' | 'piecewise_linear';
  /**
   * The grammar decodes at this many of the warps the loops fit best (default 1), and the
   * sentence that fits best against its own warp's loop is kept.
   */
  readonly tries?: number;
}

/** Warps 0.88 to 1.12 in steps of 0.06 (about ±12 % of vocal tract length). */
export const DEFAULT_VTLN: VtlnOptions = {
  warps: [0.88, 0.94, 1, 1.06, 1.12],
  type: 'inverse_linear',
};

/** The decoder arguments that warp the filter bank by `warp`. */
export function warpArgs(options: VtlnOptions, warp: number): DecoderArgs {
  return ['-warp_type', options.type ?? 'inverse_linear', '-warp_params', String(warp)];
}

/**
 * The index of the phone-loop hypothesis with the highest acoustic score per frame (all hear
 * the same audio; a loop that reached no final state counts last). Ties go to the earlier one.
 */
export function pickWarp(loops: readonly Pick<Hypothesis, 'acousticScore' | 'frames'>[]): number {
  const [best] = rankWarps(loops);
  if (best === undefined) throw new Error('no warp to choose from');
  return best;
}

/** The indices of `loops`, best per frame first (as `pickWarp` ranks them). */
export function rankWarps(
  loops: readonly Pick<Hypothesis, 'acousticScore' | 'frames'>[],
): number[] {
  const perFrame = loops.map((l) => (l.frames > 0 ? l.acousticScore / l.frames : -Infinity));
  return loops.map((_, i) => i).sort((a, b) => perFrame[b]! - perFrame[a]! || a - b);
}

/** The grammar's margin per frame over its warp's loop; -Infinity when it found no words. */
const fitOf = (best: Hypothesis, free: Hypothesis) =>
  best.words.length > 0
    ? (best.acousticScore - free.acousticScore) / Math.max(best.frames, 1)
    : -Infinity;

/** Throws on warps pocketsphinx would misread or that are no warp at all. */
export function checkVtln(options: VtlnOptions, ...argLists: (DecoderArgs | undefined)[]): void {
  if (options.warps.length === 0) throw new Error('vtln: no warps');
  // Decoder arguments override the warps' own (`mergeArgs`): each decoder would run unwarped.
  const flag = argLists.flatMap((args) => args ?? []).find((a) => a.startsWith('-warp_'));
  if (flag) throw new Error(`vtln: ${flag} in the decoder arguments would override the warps`);
  for (const warp of options.warps) {
    if (!(warp >= 0.5 && warp <= 1.5)) throw new Error(`vtln: warp ${warp} outside 0.5-1.5`);
  }
  if (new Set(options.warps).size !== options.warps.length) throw new Error('vtln: warp twice');
}

export interface WarpedDecode {
  /** The grammar's hypothesis and the phone loop's, at the warp chosen. */
  readonly best: Hypothesis;
  readonly free: Hypothesis;
  readonly warp: number;
}

/**
 * Utterance `id` heard by the phone loop at every warp (`loopAt`), then by the grammar decoder
 * of the warp chosen (`grammarAt`); that warp's loop is the baseline of the grammar's scores.
 */
export async function decodeAtBestWarp(
  id: string,
  warps: readonly number[],
  loopAt: (
    warp: number,
  ) => Promise<{ decode: (id: string, s?: AbortSignal) => Promise<Hypothesis> }>,
  grammarAt: (warp: number) => { decode: (id: string, s?: AbortSignal) => Promise<Hypothesis> },
  signal?: AbortSignal,
  tries = 1,
): Promise<WarpedDecode> {
  const loops = await Promise.all(warps.map(async (w) => (await loopAt(w)).decode(id, signal)));
  const chosen = rankWarps(loops).slice(0, Math.max(1, tries));
  const decoded = await Promise.all(
    chosen.map(async (i) => {
      const warp = warps[i]!;
      return { best: await grammarAt(warp).decode(id, signal), free: loops[i]!, warp };
    }),
  );
  return decoded.reduce((a, b) => (fitOf(b.best, b.free) > fitOf(a.best, a.free) ? b : a));
}
