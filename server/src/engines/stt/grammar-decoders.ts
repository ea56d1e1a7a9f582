// The decoders one grammar of the phrase engine needs: the grammar decoder and, when asked for,
// the word loop, the slot check and the filler check. They start and warm up together, and a
// set that fails to warm up is closed at once, so no pocketsphinx process outlives the grammar
// that failed.
import { unlink, writeFile } from 'node:fs/promises';
import type { Logger } from 'wyoming-ts';
import { type DecoderArgs, GRAMMAR_ARGS, WORD_LOOP_ARGS } from './phrase-decoders.js';
import type { PhraseEngineOptions } from './phrase-engine-types.js';
import { buildFsg, buildWordLoop, grammarWords, type PhraseGrammar } from './phrase-grammar.js';
import { FillerCheck, type FillerMargin } from './filler-check.js';
import { fillerDictionary } from './filler-grammar.js';
import { SlotCheck, type SlotMargin } from './slot-check.js';
import type { Hypothesis, SphinxBatch } from './sphinx-batch.js';
import { warpArgs } from './warp-selection.js';

export interface GrammarDecoders {
  readonly decoder: SphinxBatch;
  /** With `vtln`: a grammar decoder per warp (`decoder` is the one of warp 1 when tried). */
  readonly warped?: ReadonlyMap<number, SphinxBatch>;
  readonly wordLoop?: SphinxBatch;
  readonly slots?: SlotCheck;
  readonly filler?: FillerCheck;
  /** The decoders' grammar and dictionary files. */
  readonly files: readonly string[];
}

export interface GrammarDecodersOptions {
  readonly grammar: PhraseGrammar;
  /** Where the files go, utterances included. */
  readonly dir: string;
  /** The files' path without extension (`<dir>/grammar-3`). */
  readonly base: string;
  readonly engine: Pick<
    PhraseEngineOptions,
    'wordLoop' | 'slotCheck' | 'fillerCheck' | 'fillerPhoneProbability' | 'grammarArgs' | 'vtln'
  >;
  /** A decoder with `args` and the engine's, `own` overriding them. */
  readonly decoder: (
    args: DecoderArgs,
    own?: DecoderArgs,
    grammarPerUtterance?: boolean,
  ) => SphinxBatch;
  /** Decodes the `warmup` utterance on the grammar decoder (and whatever loads with it). */
  readonly warmUp: (decoder: SphinxBatch) => Promise<void>;
  readonly signal?: AbortSignal;
}

/** The decoders of `grammar`, loaded; on any error they are closed and the error thrown. */
export async function startGrammarDecoders(
  options: GrammarDecodersOptions,
): Promise<GrammarDecoders> {
  const { grammar, dir, base, engine, decoder: create, signal } = options;
  const files = [
    ...[`${base}.fsg`, `${base}.dict`, `${base}-loop.fsg`],
    ...[`${base}-filler.fsg`, `${base}-filler.dict`],
  ];
  const grammarArgs = ['-dict', files[1]!, '-fsg', files[0]!, ...GRAMMAR_ARGS];
  let started: Partial<GrammarDecoders> = { files };
  try {
    await writeFile(files[0]!, grammar.fsg);
    await writeFile(files[1]!, grammar.dictionary);
    if (engine.wordLoop) {
      await writeFile(files[2]!, buildWordLoop(grammarWords(grammar.sentences.keys())));
    }
    if (engine.fillerCheck) {
      // Starts on one sentence: each check brings its own grammar.
      const first = [...grammar.sentences.keys()].slice(0, 1).map((spoken) => spoken.split(' '));
      await writeFile(files[3]!, buildFsg(first, 'filler'));
      await writeFile(files[4]!, grammar.dictionary + fillerDictionary());
    }
    const { vtln } = engine;
    const warped =
      vtln &&
      new Map(
        vtln.warps.map((w) => [
          w,
          create([...grammarArgs, ...warpArgs(vtln, w)], engine.grammarArgs),
        ]),
      );
    // With vtln only the warped decoders decode: no unwarped one is started for nothing.
    const decoder =
      (warped && (warped.get(1) ?? [...warped.values()][0])) ??
      create(grammarArgs, engine.grammarArgs);
    const wordLoop = engine.wordLoop
      ? create(['-dict', files[1]!, '-fsg', files[2]!, ...WORD_LOOP_ARGS])
      : undefined;
    const slots = engine.slotCheck
      ? new SlotCheck(create(grammarArgs, engine.grammarArgs, true), dir, grammar.sentences.keys())
      : undefined;
    const filler = engine.fillerCheck
      ? new FillerCheck(
          create(
            ['-dict', files[4]!, '-fsg', files[3]!, ...GRAMMAR_ARGS],
            engine.grammarArgs,
            true,
          ),
          dir,
          grammar.sentences.keys(),
          engine.fillerPhoneProbability,
        )
      : undefined;
    started = { decoder, warped, wordLoop, slots, filler, files };
    await options.warmUp(decoder);
    for (const other of warped?.values() ?? []) {
      if (other !== decoder) await other.decode('warmup', signal);
    }
    await wordLoop?.decode('warmup', signal);
    await slots?.warmUp('warmup', signal);
    await filler?.warmUp('warmup', signal);
    return { decoder, warped, wordLoop, slots, filler, files };
  } catch (error) {
    await closeGrammarDecoders(started);
    throw error;
  }
}

/** Stops the decoders (once their queued utterances are done) and removes their files. */
export async function closeGrammarDecoders(
  decoders: Partial<GrammarDecoders> | undefined,
): Promise<void> {
  const grammar = new Set([decoders?.decoder, ...(decoders?.warped?.values() ?? [])]);
  await Promise.all([
    ...[...grammar].map((decoder) => decoder?.close()),
    decoders?.wordLoop?.close(),
    decoders?.slots?.close(),
    decoders?.filler?.close(),
  ]);
  await Promise.all((decoders?.files ?? []).map((file) => unlink(file).catch(() => {})));
}

/** The slot and filler checks (those on) of `best`, the grammar decoder's hypothesis of `id`. */
export async function checkHeard(
  decoders: Partial<GrammarDecoders>,
  id: string,
  best: Hypothesis,
  logger: Logger,
  signal?: AbortSignal,
): Promise<{ slot?: SlotMargin; filler?: FillerMargin }> {
  const { slots, filler } = decoders;
  return {
    slot:
      slots && (await orNone('slot', () => slots.check(id, best.words, signal), logger, signal)),
    filler:
      filler && (await orNone('filler', () => filler.check(id, best, signal), logger, signal)),
  };
}

/**
 * A check's result, or undefined when it fails: the decoding it checks worked and stands
 * without it. An abort still throws. Pocketsphinx's error may quote a grammar word: debug only.
 */
async function orNone<T>(
  check: string,
  run: () => Promise<T>,
  logger: Logger,
  signal?: AbortSignal,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (signal?.aborted) throw error;
    logger.warn(`phrase: the ${check} check failed; answering without it`);
    logger.debug(`phrase: ${check} check error: ${(error as Error).message}`);
    return undefined;
  }
}
