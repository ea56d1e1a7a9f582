// The decoders one grammar of the phrase engine needs: the grammar decoder and, when asked for,
// the word loop and the slot check. They start and warm up together, and a set that fails to
// warm up is closed at once, so no pocketsphinx process outlives the grammar that failed.
import { unlink, writeFile } from 'node:fs/promises';
import { type DecoderArgs, GRAMMAR_ARGS, WORD_LOOP_ARGS } from './phrase-decoders.js';
import type { PhraseEngineOptions } from './phrase-engine-types.js';
import { buildWordLoop, grammarWords, type PhraseGrammar } from './phrase-grammar.js';
import { SlotCheck } from './slot-check.js';
import type { SphinxBatch } from './sphinx-batch.js';

export interface GrammarDecoders {
  readonly decoder: SphinxBatch;
  readonly wordLoop?: SphinxBatch;
  readonly slots?: SlotCheck;
  /** The decoders' grammar and dictionary files. */
  readonly files: readonly string[];
}

export interface GrammarDecodersOptions {
  readonly grammar: PhraseGrammar;
  /** Where the files go, utterances included. */
  readonly dir: string;
  /** The files' path without extension (`<dir>/grammar-3`). */
  readonly base: string;
  readonly engine: Pick<PhraseEngineOptions, 'wordLoop' | 'slotCheck' | 'grammarArgs'>;
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
  const files = [`${base}.fsg`, `${base}.dict`, `${base}-loop.fsg`];
  const grammarArgs = ['-dict', files[1]!, '-fsg', files[0]!, ...GRAMMAR_ARGS];
  let started: Partial<GrammarDecoders> = { files };
  try {
    await writeFile(files[0]!, grammar.fsg);
    await writeFile(files[1]!, grammar.dictionary);
    if (engine.wordLoop) {
      await writeFile(files[2]!, buildWordLoop(grammarWords(grammar.sentences.keys())));
    }
    const decoder = create(grammarArgs, engine.grammarArgs);
    const wordLoop = engine.wordLoop
      ? create(['-dict', files[1]!, '-fsg', files[2]!, ...WORD_LOOP_ARGS])
      : undefined;
    const slots = engine.slotCheck
      ? new SlotCheck(create(grammarArgs, engine.grammarArgs, true), dir, grammar.sentences.keys())
      : undefined;
    started = { decoder, wordLoop, slots, files };
    await options.warmUp(decoder);
    await wordLoop?.decode('warmup', signal);
    await slots?.warmUp('warmup', signal);
    return { decoder, wordLoop, slots, files };
  } catch (error) {
    await closeGrammarDecoders(started);
    throw error;
  }
}

/** Stops the decoders (once their queued utterances are done) and removes their files. */
export async function closeGrammarDecoders(
  decoders: Partial<GrammarDecoders> | undefined,
): Promise<void> {
  await Promise.all([
    decoders?.decoder?.close(),
    decoders?.wordLoop?.close(),
    decoders?.slots?.close(),
  ]);
  await Promise.all((decoders?.files ?? []).map((file) => unlink(file).catch(() => {})));
}
