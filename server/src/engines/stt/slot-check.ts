// A discriminative check of the heard sentence's slots: the same audio decoded again on two tiny
// grammars, the sentence alone and its slot neighbours (`slot-neighbours.ts`: "ninety" for
// "eighty", "lights" for "light", another name), and the sentence's acoustic margin over the best
// neighbour. The grammar decoder only says the sentence won; the margin says by how much, where
// the sentences differ. A small margin is asked back rather than acted on. Measured and not
// shipped: the sentences misheard on the benchmark win by as much as the right ones.
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFsg } from './phrase-grammar.js';
import { differingRun, slotNeighbours } from './slot-neighbours.js';
import { QueuedDecoder } from './queued-decoder.js';
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

/** Slot checks made in this process: each names its grammar files after its number. */
let checks = 0;

/** The two grammars of a check: the sentence alone, and its neighbours. */
type GrammarName = 'own' | 'near';

export class SlotCheck extends QueuedDecoder {
  private readonly sentences: (readonly string[])[];
  /**
   * Its grammar files' names. Other checks (the next grammar's, warming up) share the folder, so
   * the names are its own; its decoder keeps each grammar it loaded by file name, so it reuses
   * them rather than take new ones.
   */
  private readonly names: Record<GrammarName, string>;

  /**
   * `decoder` takes a grammar per utterance from `dir`, where the utterances are too, and has
   * the dictionary of every word of `sentences` (spoken forms).
   */
  constructor(
    decoder: SphinxBatch,
    private readonly dir: string,
    sentences: Iterable<string>,
  ) {
    super(decoder);
    this.sentences = [...sentences].map((spoken) => spoken.split(' '));
    const base = `slot-${process.pid}-${++checks}`;
    this.names = { own: `${base}-own`, near: `${base}-near` };
  }

  /**
   * The margin of `words` (the grammar decoder's sentence) over its neighbours on utterance `id`;
   * undefined when it has no neighbour. One check at a time.
   */
  check(
    id: string,
    words: readonly string[],
    signal?: AbortSignal,
  ): Promise<SlotMargin | undefined> {
    return this.queue(() => this.checkNow(id, words, signal));
  }

  /** Decodes utterance `id` on the first sentence alone, so the decoder loads now. */
  async warmUp(id: string, signal?: AbortSignal): Promise<void> {
    const first = this.sentences[0];
    if (first) await this.queue(() => this.decodeOn(id, [['own', [first]]], signal));
  }

  private async checkNow(
    id: string,
    words: readonly string[],
    signal?: AbortSignal,
  ): Promise<SlotMargin | undefined> {
    const neighbours = slotNeighbours(words, this.sentences);
    if (neighbours.length === 0) return undefined;
    const grammars = [['own', [words]] as const, ['near', neighbours] as const];
    const [own, near] = await this.decodeOn(id, grammars, signal);
    return marginOf(words, own!, near!, neighbours.length);
  }

  /** Utterance `id` decoded on each grammar (its sentences) in turn; the files removed after. */
  private async decodeOn(
    id: string,
    grammars: readonly (readonly [GrammarName, readonly (readonly string[])[]])[],
    signal?: AbortSignal,
  ): Promise<Hypothesis[]> {
    const file = (grammar: GrammarName) => join(this.dir, `${this.names[grammar]}.fsg`);
    try {
      for (const [grammar, sentences] of grammars) {
        await writeFile(file(grammar), buildFsg(sentences, `slot_${grammar}`));
      }
      const hypotheses: Hypothesis[] = [];
      for (const [grammar] of grammars) {
        hypotheses.push(await this.decoder.decode(id, signal, this.names[grammar]));
      }
      return hypotheses;
    } finally {
      await Promise.all(grammars.map(([grammar]) => unlink(file(grammar)).catch(() => {})));
    }
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
