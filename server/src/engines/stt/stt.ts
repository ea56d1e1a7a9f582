import type { Heard } from './heard.js';
import { bestAcceptanceScore, DEFAULT_ACCEPTANCE } from './phrase-confidence.js';

/** 16 kHz mono 16-bit PCM, the format satellites stream. */
export interface Utterance {
  readonly audio: Uint8Array;
  /** Language hint (`en`, `fr`); engines may ignore it. */
  readonly language?: string;
  /**
   * What an earlier engine found in this same audio (a chain passes it on): engines that cut the
   * speech alike, or decode with the same model, may take it instead of doing it again.
   */
  readonly heard?: Heard;
  /**
   * The command so far, transcribed while the speaker may go on (early endpointing): an engine
   * may keep what it decoded for the whole command's transcription, if its speech is the same.
   */
  readonly speculative?: boolean;
}

export interface Transcription {
  readonly text: string;
  /** 0..1; engines that cannot tell give 1 for a non-empty text. */
  readonly confidence: number;
  readonly language?: string;
  /** The engine that produced it (`phrase`, `wyoming:tcp://core-whisper:10300`). */
  readonly engine: string;
  /**
   * Why the text is empty although there was audio: `no-speech` (nothing in it was speech) or
   * `not-understood` (speech, but none of the sentences the engine knows). Never acted on.
   */
  readonly rejected?: 'no-speech' | 'not-understood';
  /**
   * With `not-understood`: the nearest sentence, heard below the acceptance rule but not far
   * below it. It may be asked back ("Turn on the kitchen light?") and acted on after a "yes",
   * never acted on as it is.
   */
  readonly unsure?: string;
  /**
   * How far a second recogniser's transcript of the same speech agreed with the sentence, on
   * phones (1: the same; the phrase engine with a second opinion only).
   */
  readonly agreement?: number;
  /**
   * With a rejection by the phrase engine: where the speech was and what its second opinion
   * wrote down, for the next engine of a chain (`Utterance.heard`); the chain keeps it to itself.
   */
  readonly heard?: Heard;
}

export interface SpeechToText {
  readonly name: string;
  /** Languages it can transcribe. */
  readonly languages: readonly string[];
  transcribe(utterance: Utterance, signal?: AbortSignal): Promise<Transcription>;
  close(): Promise<void>;
  /**
   * A speech-to-text that hears only `sentences` (the answers to a question), to be closed
   * after use. Engines without it transcribe freely, and the answers are matched afterwards.
   */
  forSentences?(sentences: readonly string[], signal?: AbortSignal): Promise<SpeechToText>;
}

/**
 * The confidence a request that opens, unlocks or disarms needs (else: "I didn't catch that").
 * On the phrase engine's calibration split (`npm run bench -w server -- understanding
 * calibrate`) none of the out-of-grammar speech asked for a sensitive action at the acceptance
 * rule itself; a score 1 above it asks a fit of 3, as before the rule was made stricter (the
 * worst word's limit gave way to the worst deficit's), and more than any other request
 * (confidence = 1 / (1 + e^(-score / 3))).
 */
export const DEFAULT_SENSITIVE_CONFIDENCE = 0.583;

/**
 * How far below the acceptance rule (in units of fit) a sentence that is not sensitive is asked
 * back rather than rejected: chosen on the calibration split (`understanding-band.ts`) as the
 * widest band asking back at most 2 % of its out-of-grammar speech.
 */
export const ASK_BAND = 5;

/**
 * The highest confidence the phrase engine gives with the default rule (its worst-deficit limit
 * caps the score): a threshold above it could never be met, so the configuration refuses it.
 */
export const MAX_PHRASE_CONFIDENCE =
  Math.floor(1000 / (1 + Math.exp(-bestAcceptanceScore(DEFAULT_ACCEPTANCE) / 3))) / 1000;

/** The least confidence of a rejected sentence that is asked back: ASK_BAND below the rule. */
export const DEFAULT_ASK_CONFIDENCE = 0.159; // 1 / (1 + e^(5 / 3))

/**
 * `stt.moonshine.min_confidence` by default (with the geometric mean of the token probabilities),
 * chosen on the calibration split (`BENCH_CAL_SCALE=8 npm run bench -w server -- understanding
 * general`: 480 commands, 239 other utterances): after the phrase engine, 0.8 adds 20 commands
 * done right and no action done wrongly, and hands the agent 19 misheard commands where 0.6
 * hands it 112; the least token probability keeps fewer commands for as many handed on.
 */
export const DEFAULT_MOONSHINE_CONFIDENCE = 0.8;
