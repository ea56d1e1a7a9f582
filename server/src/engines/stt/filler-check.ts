// The filler check: the heard sentence's audio decoded again on a tiny grammar where its name
// or value run is free phones (`filler-grammar.ts`), and the sentence's acoustic score over that
// per frame of the run. A name said fits close to free phones; a name the home does not have,
// heard as the nearest one it has, fits far worse there. The same margin for the words around
// the run (they free phones, the run kept) measures how well the model hears this voice at all:
// `relative`, the run's margin less theirs, takes the voice out.
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { around, buildFillerFsg, fillerRun, type WordRun } from './filler-grammar.js';
import { buildFsg } from './phrase-grammar.js';
import { QueuedDecoder } from './queued-decoder.js';
import type { Hypothesis, SphinxBatch } from './sphinx-batch.js';

export interface FillerMargin {
  /** The sentence's acoustic score minus the filler path's, per frame of the run (≥ 10). */
  readonly margin: number;
  /** Frames the sentence's run of words took. */
  readonly runFrames: number;
  /** Words in the run. */
  readonly runWords: number;
  /** The same margin for the words around the run, per frame of theirs (none: no such words). */
  readonly carrier?: number;
}

/** What a threshold judges: the run's margin, or (`relative`) its margin less the carrier's. */
export function fillerScore(filler: FillerMargin, relative = false): number {
  // A carrier decode with no complete path gives no reference (an infinite margin).
  const carrier = filler.carrier;
  return relative && carrier !== undefined && Number.isFinite(carrier)
    ? filler.margin - carrier
    : filler.margin;
}

/** Fewest frames a margin is divided by. */
const MIN_RUN_FRAMES = 10;

let checks = 0;

export class FillerCheck extends QueuedDecoder {
  private readonly sentences: (readonly string[])[];
  /** Its grammar file's name (its decoder reloads the file of that name for every utterance). */
  private readonly name = `filler-${process.pid}-${++checks}`;

  /**
   * `decoder` takes a grammar per utterance from `dir`, where the utterances are too, and its
   * dictionary has every word of `sentences` (spoken forms) and the phone words.
   */
  constructor(
    decoder: SphinxBatch,
    private readonly dir: string,
    sentences: Iterable<string>,
    private readonly phoneProbability?: number,
  ) {
    super(decoder);
    this.sentences = [...sentences].map((spoken) => spoken.split(' '));
  }

  /**
   * The margin of `best` (the grammar decoder's hypothesis of utterance `id`) over its filler
   * path; undefined when no other sentence replaces any of its words. One check at a time.
   */
  check(id: string, best: Hypothesis, signal?: AbortSignal): Promise<FillerMargin | undefined> {
    const run = fillerRun(best.words, this.sentences);
    if (!run) return Promise.resolve(undefined);
    const options = { phoneProbability: this.phoneProbability };
    const fsg = buildFillerFsg(best.words, run, options);
    const carrier = around(best.words.length, run);
    return this.queue(async () => {
      const found = fillerMargin(best, [run], await this.decodeOn(id, fsg, signal));
      if (carrier.length === 0) return found;
      const other = buildFillerFsg(best.words, carrier, options);
      const reference = fillerMargin(best, carrier, await this.decodeOn(id, other, signal));
      return { ...found, carrier: reference.margin };
    });
  }

  /** Decodes utterance `id` on the first sentence alone, so the decoder loads now. */
  async warmUp(id: string, signal?: AbortSignal): Promise<void> {
    const first = this.sentences[0];
    if (first) await this.queue(() => this.decodeOn(id, buildFsg([first], 'filler'), signal));
  }

  private async decodeOn(id: string, fsg: string, signal?: AbortSignal): Promise<Hypothesis> {
    const file = join(this.dir, `${this.name}.fsg`);
    try {
      await writeFile(file, fsg);
      return await this.decoder.decode(id, signal, this.name);
    } finally {
      await unlink(file).catch(() => {});
    }
  }
}

/** Frames the words [run.start, run.end) of `hypothesis` take (silences and noises left out). */
export function runFrames(hypothesis: Hypothesis, run: WordRun): number {
  return hypothesis.segments
    .filter((segment) => !segment.filler)
    .slice(run.start, run.end)
    .reduce((sum, segment) => sum + Math.max(0, segment.end - segment.start), 0);
}

/** The margin of `best` over `filler` (its filler path) per frame of `runs`. */
export function fillerMargin(
  best: Hypothesis,
  runs: readonly WordRun[],
  filler: Hypothesis,
): FillerMargin {
  const frames = runs.reduce((sum, run) => sum + runFrames(best, run), 0);
  const margin =
    filler.words.length === 0
      ? Infinity // the filler path reached no end: nothing fits the run better than the name
      : (best.acousticScore - filler.acousticScore) / Math.max(frames, MIN_RUN_FRAMES);
  const words = runs.reduce((sum, run) => sum + run.end - run.start, 0);
  return { margin, runFrames: frames, runWords: words };
}
