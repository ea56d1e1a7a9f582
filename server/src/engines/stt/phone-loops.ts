// The phrase engine's free phone loops (the baseline of every score), one per warp of the filter
// bank when `vtln` is on, else one unwarped; and the grammar's decode of an utterance with them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DecoderArgs, PHONE_LOOP_ARGS } from './phrase-decoders.js';
import type { GrammarDecoders } from './grammar-decoders.js';
import { buildPhoneLoop } from './phrase-grammar.js';
import type { Hypothesis, SphinxBatch } from './sphinx-batch.js';
import { decodeAtBestWarp, type VtlnOptions, warpArgs } from './warp-selection.js';

export class PhoneLoops {
  private readonly loops = new Map<number | undefined, SphinxBatch>();
  private files: Promise<DecoderArgs> | undefined;
  private closed = false;

  constructor(
    private readonly dir: () => Promise<string>,
    /** A decoder with these arguments (the engine's added). */
    private readonly create: (dir: string, args: DecoderArgs) => SphinxBatch,
    private readonly vtln?: VtlnOptions,
  ) {}

  /** The loop of `warp` (undefined: unwarped), started on first use. */
  async at(warp?: number): Promise<SphinxBatch> {
    const files = await (this.files ??= this.write());
    const dir = await this.dir();
    // Looked up after the awaits: two first uses at once must share one process.
    const running = this.loops.get(warp);
    if (running) return running;
    if (this.closed) throw new Error('phone loops closed');
    const warping = warp === undefined ? [] : warpArgs(this.vtln!, warp);
    const loop = this.create(dir, [...files, ...PHONE_LOOP_ARGS, ...warping]);
    this.loops.set(warp, loop);
    return loop;
  }

  /** Every loop this engine uses hears `id`, one after another (models load now). */
  async warmUp(id: string, signal?: AbortSignal): Promise<void> {
    for (const warp of this.vtln?.warps ?? [undefined])
      await (await this.at(warp)).decode(id, signal);
  }

  /**
   * The grammar's and the phone loop's hypotheses of `id`: both at once, or with `vtln` the
   * loops at every warp first, then the grammar at the warp chosen.
   */
  async decode(
    decoders: Pick<GrammarDecoders, 'decoder' | 'warped'>,
    id: string,
    signal?: AbortSignal,
  ): Promise<{ best: Hypothesis; free: Hypothesis; warp?: number }> {
    const { vtln } = this;
    const { warped } = decoders;
    if (vtln && warped) {
      const grammarAt = (warp: number) => warped.get(warp)!;
      const loopAt = (warp: number) => this.at(warp);
      return decodeAtBestWarp(id, vtln.warps, loopAt, grammarAt, signal, vtln.tries);
    }
    const [best, free] = await Promise.all([
      decoders.decoder.decode(id, signal),
      (await this.at()).decode(id, signal),
    ]);
    return { best, free };
  }

  async close(): Promise<void> {
    this.closed = true;
    const loops = [...this.loops.values()];
    this.loops.clear();
    await Promise.all(loops.map((loop) => loop.close()));
  }

  private async write(): Promise<DecoderArgs> {
    const dir = await this.dir();
    const { fsg, dictionary } = buildPhoneLoop();
    await writeFile(join(dir, 'phone-loop.fsg'), fsg);
    await writeFile(join(dir, 'phone-loop.dict'), dictionary);
    return ['-dict', join(dir, 'phone-loop.dict'), '-fsg', join(dir, 'phone-loop.fsg')];
  }
}
