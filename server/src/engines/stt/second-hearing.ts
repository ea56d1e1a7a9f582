// The phrase engine's second hearing: the recogniser (Moonshine) transcribes the speech the
// engine cut while its decoders run, and the transcript is compared with the grammar's sentence
// (agreement.ts). A recogniser that fails is no reason to fail the turn: the engine falls back
// to its grammar-only rule for that turn, and says so once in the log.
import { type Logger, silentLogger } from 'wyoming-ts';
import { agreement, type Agreement, contrast, transcriptWords } from './agreement.js';
import { DECISIVE_MIN_PHONES, decisiveRuns } from './decisive-runs.js';
import { fillerRun } from './filler-grammar.js';
import { PhoneBook, readDictionary } from './phone-book.js';
import type { PhraseGrammar } from './phrase-grammar.js';
import {
  DEFAULT_SECOND_OPINION,
  type SecondOpinionRule,
  type SecondRecognizer,
} from './second-opinion.js';
import { neighboursOf, rivalsAt, valueRuns, wordShares } from './value-runs.js';

export interface SecondOpinionOptions {
  /** Created once by the server (MoonshineRecognizer) and closed by it, not by the engine. */
  readonly recognizer: SecondRecognizer;
  readonly rule?: SecondOpinionRule;
  /**
   * Which part of the sentence is compared as its run: `neighbours` (default), the run most of
   * its slot neighbours replace (with `NEIGHBOURS_RUN_RULE`); `worst`, every run that can go
   * wrong, the worst counting (`decisive-runs.ts`; with `WORST_RUNS_RULE`); `values`, its name and value runs
   * (`value-runs.ts`; with `VALUE_RUNS_RULE`).
   */
  readonly runs?: 'neighbours' | 'values' | 'worst';
  /** Shared by the engines of one server (the answers' engines too): the dictionary is big. */
  readonly phoneBook?: PhoneBook;
}

/** What the second recogniser heard, and how far it agrees with the grammar's sentence. */
export interface SecondOpinionResult {
  readonly transcript: string;
  readonly agreement: Agreement;
}

interface GrammarView {
  readonly grammar: PhraseGrammar;
  readonly sentences: readonly (readonly string[])[];
  readonly pronunciations: ReadonlyMap<string, readonly string[]>;
  /** The share of the sentences each word is in: the carrier words are in many. */
  readonly shares: ReadonlyMap<string, number>;
}

export class SecondHearing {
  readonly rule: SecondOpinionRule;
  readonly phoneBook: PhoneBook;
  private view: GrammarView | undefined;
  private warned = false;

  constructor(
    private readonly options: SecondOpinionOptions,
    pronouncing: { dictionary: string; espeak: string | null },
    private readonly logger: Logger = silentLogger,
  ) {
    this.rule = options.rule ?? DEFAULT_SECOND_OPINION;
    this.phoneBook = options.phoneBook ?? new PhoneBook(pronouncing);
  }

  /** The options for another engine hearing with the same recogniser and phone book. */
  get shared(): SecondOpinionOptions {
    return { ...this.options, phoneBook: this.phoneBook };
  }

  /** The transcript of `speech`; undefined when the recogniser failed (or the turn ended). */
  async listen(speech: Uint8Array, signal?: AbortSignal): Promise<string | undefined> {
    try {
      return await this.options.recognizer.transcribe(speech, signal);
    } catch (error) {
      if (signal?.aborted) return undefined;
      if (!this.warned) {
        this.warned = true;
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(`phrase: the second opinion failed (${message}); grammar only meanwhile`);
      }
      return undefined;
    }
  }

  /** How far `transcript` agrees with `spoken` (the sentence's words in `grammar`). */
  async judge(
    transcript: string,
    spoken: readonly string[],
    grammar: PhraseGrammar,
    signal?: AbortSignal,
  ): Promise<SecondOpinionResult> {
    const view = this.viewOf(grammar);
    const words = transcriptWords(transcript);
    const lookup = await this.phoneBook.lookupFor(words, view.pronunciations, signal);
    const { runs: which = 'neighbours' } = this.options;
    if (which === 'worst') {
      const near = neighboursOf(spoken, view.sentences);
      const runs = decisiveRuns(spoken, view.sentences, view.shares, { near });
      const agreed = agreement(spoken, words, lookup, runs, DECISIVE_MIN_PHONES);
      const rivals = rivalsAt(near, runs);
      const contrasted = words.length > 0 ? contrast(spoken, rivals, words, lookup) : undefined;
      return { transcript, agreement: { ...agreed, contrast: contrasted } };
    }
    const runs =
      which === 'values'
        ? valueRuns(spoken, neighboursOf(spoken, view.sentences), view.shares)
        : fillerRun(spoken, view.sentences);
    return { transcript, agreement: agreement(spoken, words, lookup, runs) };
  }

  private viewOf(grammar: PhraseGrammar): GrammarView {
    if (this.view?.grammar === grammar) return this.view;
    const sentences = [...grammar.sentences.keys()].map((spoken) => spoken.split(' '));
    const pronunciations = readDictionary(grammar.dictionary);
    this.view = { grammar, sentences, pronunciations, shares: wordShares(sentences) };
    return this.view;
  }
}
