// Moonshine as a general speech-to-text engine: what the phrase grammar rejects is written down
// as Moonshine hears it, so the local intents and the agent get the words, not a forced sentence.
// Only the speech is decoded (cut with the server's VAD, and given the noise floor, as the phrase
// engine does), and a text heard below `minConfidence` is a rejection: an empty transcript, never
// a guess. After the phrase engine in a chain, what it found (`Utterance.heard`: the speech, and
// its second opinion's decode by the same model) is taken instead of being found again.
import type { VoiceActivityDetector } from '@jarvis/satellite/engines';
import { type Logger, silentLogger } from 'wyoming-ts';
import { EngineError } from '../../errors.js';
import type { Heard } from './heard.js';
import { type MoonshineDecode, type MoonshineOptions, MoonshineRecognizer } from './moonshine.js';
import {
  type SpeechSpan,
  speechIn,
  type Trimming,
  trimmingFor,
  withNoiseFloor,
} from './speech-span.js';
import type { SpeechToText, Transcription, Utterance } from './stt.js';

/**
 * How the decoder's token probabilities become a confidence: `mean`, the geometric mean of the
 * probabilities of the tokens it chose, end token included (exp of the mean log-probability);
 * `least`, the probability of the least likely of them. Both are 0..1, and 0 when the decoder
 * ran to its length bound without ending (it was repeating itself).
 */
export type ConfidenceRule = 'mean' | 'least';

export function moonshineConfidence(decoded: MoonshineDecode, rule: ConfidenceRule): number {
  const { logProbs } = decoded;
  if (!decoded.ended || logProbs.length === 0) return 0;
  const log =
    rule === 'least'
      ? Math.min(...logProbs)
      : logProbs.reduce((sum, p) => sum + p, 0) / logProbs.length;
  return Math.exp(log);
}

/** The rule shipped, with `DEFAULT_MOONSHINE_CONFIDENCE` (stt.ts says how both were chosen). */
export const DEFAULT_CONFIDENCE_RULE: ConfidenceRule = 'mean';

/** What the engine needs of a Moonshine model (tests count its decodes through it). */
export type MoonshineModel = Pick<MoonshineRecognizer, 'model' | 'decode' | 'close'>;

export interface MoonshineEngineOptions extends MoonshineOptions {
  /** Below this confidence the text is rejected (`not-understood`); default 0 (the server: 0.8). */
  readonly minConfidence?: number;
  readonly confidenceRule?: ConfidenceRule;
  /** The VAD that finds the speech; `null`: decode the whole utterance. Default: Silero. */
  readonly createVad?: (() => Promise<VoiceActivityDetector>) | null;
  /** Loads the recognizer (default: `MoonshineRecognizer.load` with these options). */
  readonly loadRecognizer?: () => Promise<MoonshineModel>;
  readonly logger?: Logger;
}

/** What the engine heard, with the numbers behind its confidence (benchmarks read them). */
export interface MoonshineResult extends Transcription {
  /** The text whatever its confidence ('' when there was no speech). */
  readonly written: string;
  readonly decoded?: MoonshineDecode;
}

export class MoonshineEngine implements SpeechToText {
  readonly name = 'moonshine';
  readonly languages = ['en'] as const;
  private readonly trimming: Trimming;
  private readonly logger: Logger;
  private recognizer: Promise<MoonshineModel> | undefined;
  private closed = false;
  /** One decode at a time: a second satellite's turn waits rather than halving both. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: MoonshineEngineOptions = {}) {
    this.trimming = trimmingFor(options.createVad);
    this.logger = options.logger ?? silentLogger;
  }

  /** Loads the model now (else on the first utterance); throws EngineError when it cannot. */
  async load(): Promise<void> {
    await this.model();
  }

  async transcribe(utterance: Utterance, signal?: AbortSignal): Promise<Transcription> {
    const {
      written: _written,
      decoded: _decoded,
      ...transcription
    } = await this.hear(utterance, signal);
    return transcription;
  }

  /** The transcription, and the text and token probabilities behind it. */
  async hear(utterance: Utterance, signal?: AbortSignal): Promise<MoonshineResult> {
    const nothing = { text: '', confidence: 0, language: 'en', engine: this.name, written: '' };
    // English only: French speech would come out as confident English words.
    if (utterance.language && !/^en\b/i.test(utterance.language)) {
      return { ...nothing, rejected: 'not-understood' };
    }
    const whole = utterance.audio.subarray(0, utterance.audio.byteLength & ~1);
    const given = this.takes(utterance.heard, utterance.audio) ? utterance.heard : undefined;
    const span = given ? given.speech : await speechIn(this.trimming, whole);
    signal?.throwIfAborted();
    if (!span) return { ...nothing, rejected: 'no-speech' };
    const decoded = await this.decode(whole, span, given, signal);
    const confidence = moonshineConfidence(
      decoded,
      this.options.confidenceRule ?? DEFAULT_CONFIDENCE_RULE,
    );
    const written = decoded.text;
    if (!written) return { ...nothing, decoded, rejected: 'no-speech' };
    if (confidence < (this.options.minConfidence ?? 0)) {
      this.logger.debug(`moonshine: rejected at confidence ${confidence.toFixed(2)}`);
      return { ...nothing, confidence, written, decoded, rejected: 'not-understood' };
    }
    return { ...nothing, text: written, confidence, written, decoded };
  }

  /** Whether `heard` was found in this audio, cut as this engine cuts it. */
  private takes(heard: Heard | undefined, audio: Uint8Array): heard is Heard {
    return (
      !!heard &&
      this.trimming.name !== undefined &&
      heard.trimming === this.trimming.name &&
      heard.audioBytes === audio.byteLength
    );
  }

  /** The speech at `span` decoded, or the decode `given` with it when the model is the same. */
  private async decode(
    whole: Uint8Array,
    span: SpeechSpan,
    given: Heard | undefined,
    signal?: AbortSignal,
  ): Promise<MoonshineDecode> {
    const recognizer = await this.model();
    if (given?.decoded && given.decoded.model === recognizer.model) {
      this.logger.debug("moonshine: decoded already (the phrase engine's second opinion)");
      const { model: _model, ...decoded } = given.decoded;
      return decoded;
    }
    return this.serially(() => {
      signal?.throwIfAborted(); // it may have waited behind another satellite's turn
      return recognizer.decode(withNoiseFloor(whole.subarray(span.start, span.end)), signal);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    const recognizer = await this.recognizer?.catch(() => undefined);
    this.recognizer = undefined;
    await Promise.all([recognizer?.close(), this.trimming.finder?.close()]);
  }

  private model(): Promise<MoonshineModel> {
    if (this.closed) return Promise.reject(new EngineError(this.name, 'closed'));
    const { loadRecognizer, modelDir, size, threads } = this.options;
    this.recognizer ??= (
      loadRecognizer ?? (() => MoonshineRecognizer.load({ modelDir, size, threads }))
    )();
    return this.recognizer.catch((error: unknown) => {
      this.recognizer = undefined; // the next utterance tries again
      throw error instanceof EngineError
        ? error
        : new EngineError(this.name, String(error), { cause: error });
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
