// A discriminative check of the heard sentence's slots: the same audio decoded again on two tiny
// grammars, the sentence alone and its slot neighbours (`slot-neighbours.ts`: "ninety" for
// "eighty", "lights" for "light", another name), and the sentence's acoustic margin over the best
// neighbour. The grammar decoder only says the sentence won; the margin says by how much, where
// the sentences differ. A small margin is asked back rather than acted on. Measured and not
// shipped: the sentences misheard on the benchmark win by as much as the right ones.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFsg } from './phrase-grammar.js';
import { differingRun, slotNeighbours } from './slot-neighbours.js';
import type { Hypothesis, SphinxBatch } from './sphinx-batch.js';

export interface SlotMargin {
  /** The sentence's acoustic score minus the best neighbour's, per frame decoded. */
  readonly margin: number;
  /** The same difference per frame of the sentence's words that the neighbour replaces (≥ 10). */
  readonly slotMargin: number;
  readonly frames: number;
  /** The best neighbour ('' when none reached the end of its grammar). */
  readonly neighbour: string;
  /** Neighbours in the grammar. */
  readonly neighbours: number;
}

/** Fewest frames a slot margin is divided by: a one-word insertion has no frames of its own. */
const MIN_SLOT_FRAMES = 10;

export class SlotCheck {
  private readonly sentences: (readonly string[])[];
  private chain: Promise<unknown> = Promise.resolve();

  /**
   * `decoder` takes a grammar per utterance from `dir`, where the utterances are too, and has
   * the dictionary of every word of `sentences` (spoken forms).
   */
  constructor(
    private readonly decoder: SphinxBatch,
    private readonly dir: string,
    sentences: Iterable<string>,
  ) {
    this.sentences = [...sentences].map((spoken) => spoken.split(' '));
  }

  /**
   * The margin of `words` (the grammar decoder's sentence) over its neighbours on utterance `id`;
   * undefined when it has no neighbour. One check at a time: the two grammar files are reused
   * (pocketsphinx keeps each grammar it loaded by name).
   */
  check(
    id: string,
    words: readonly string[],
    signal?: AbortSignal,
  ): Promise<SlotMargin | undefined> {
    const next = this.chain.then(() => this.checkNow(id, words, signal));
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.decoder.close();
  }

  private async checkNow(
    id: string,
    words: readonly string[],
    signal?: AbortSignal,
  ): Promise<SlotMargin | undefined> {
    const neighbours = slotNeighbours(words, this.sentences);
    if (neighbours.length === 0) return undefined;
    await writeFile(join(this.dir, 'slot-own.fsg'), buildFsg([words], 'slot_own'));
    await writeFile(join(this.dir, 'slot-near.fsg'), buildFsg(neighbours, 'slot_near'));
    const own = await this.decoder.decode(id, signal, 'slot-own');
    const near = await this.decoder.decode(id, signal, 'slot-near');
    return marginOf(words, own, near, neighbours.length);
  }
}

/** The margin of `own` (the sentence `words` aligned) over `near` (its best neighbour). */
export function marginOf(
  words: readonly string[],
  own: Hypothesis,
  near: Hypothesis,
  neighbours: number,
): SlotMargin {
  const frames = Math.max(own.frames, near.frames, 1);
  if (own.words.length === 0) {
    // The sentence alone reached no final state on audio the grammar decoder gave it: no margin.
    return { margin: -Infinity, slotMargin: -Infinity, frames, neighbour: '', neighbours };
  }
  if (near.words.length === 0) {
    return { margin: Infinity, slotMargin: Infinity, frames, neighbour: '', neighbours };
  }
  const difference = own.acousticScore - near.acousticScore;
  const run = differingRun(words, near.words);
  const spoken = own.segments.filter((segment) => !segment.filler);
  const slotFrames = run
    ? spoken
        .slice(run.start, Math.max(run.end, run.start + 1))
        .reduce((sum, segment) => sum + Math.max(0, segment.end - segment.start), 0)
    : frames;
  return {
    margin: difference / frames,
    slotMargin: difference / Math.max(slotFrames, MIN_SLOT_FRAMES),
    frames,
    neighbour: near.words.join(' '),
    neighbours,
  };
}
