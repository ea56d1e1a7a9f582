// Speech-to-text engines tried in order: typically the phrase engine first (fast, exact for the
// home's commands), and general engines (Moonshine, whisper through Wyoming) when the phrase
// engine is not confident enough. The transcription's `engine` says which one answered.
import type { Heard } from './heard.js';
import { type Logger, silentLogger } from 'wyoming-ts';
import { EngineError } from '../../errors.js';
import type { SpeechToText, Transcription, Utterance } from './stt.js';

export interface ChainStage {
  readonly engine: SpeechToText;
  /**
   * Accept this engine's answer at or above this confidence (default 0: any text). Below it, or
   * when the engine rejected the audio, the next stage is asked. The last stage's answer stands
   * whatever its confidence, and a rejection stays a rejection (empty text): nothing invented;
   * when it rejects too, an earlier stage's `unsure` sentence is kept, to be asked back.
   */
  readonly minConfidence?: number;
}

/** What one stage did for one utterance. */
export interface ChainAttempt {
  readonly engine: string;
  readonly ms: number;
  readonly transcription?: Transcription;
  readonly error?: Error;
}

export interface ChainResult {
  readonly transcription: Transcription;
  readonly attempts: readonly ChainAttempt[];
}

export interface SpeechToTextChainOptions {
  readonly stages: readonly ChainStage[];
  readonly logger?: Logger;
}

/** The primary subtag of a language tag, lower-cased: `en-US` and `en_us` -> `en`. */
function primary(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** True when `engine` can take `language` (an engine that lists no languages takes any). */
export function supportsLanguage(engine: SpeechToText, language: string | undefined): boolean {
  if (!language || engine.languages.length === 0) return true;
  return engine.languages.some((candidate) => primary(candidate) === primary(language));
}

/** What a stage found for the next ones (`heard`) is the chain's own: never passed outside. */
function answered({ heard: _heard, ...transcription }: Transcription): Transcription {
  return transcription;
}

function unsure(transcription: Transcription): Transcription {
  return {
    ...answered(transcription),
    text: '',
    rejected: transcription.rejected ?? 'not-understood',
  };
}

/** The last stage's rejection, unless an earlier stage had a sentence to ask back. */
function keepUnsure(last: Transcription, earlier: Transcription | undefined): Transcription {
  return last.rejected && earlier?.unsure ? unsure(earlier) : answered(last);
}

export class SpeechToTextChain implements SpeechToText {
  readonly name = 'chain';
  private readonly stages: readonly ChainStage[];
  private readonly logger: Logger;

  /**
   * A question's answers are heard by the first stage that can hear only them (the phrase
   * engine's grammar of the answers); without one the chain has none, and answers are
   * transcribed freely and matched afterwards.
   */
  readonly forSentences?: (
    sentences: readonly string[],
    signal?: AbortSignal,
  ) => Promise<SpeechToText>;

  constructor(options: SpeechToTextChainOptions) {
    if (options.stages.length === 0) throw new EngineError('chain', 'a chain needs an engine');
    this.stages = options.stages;
    this.logger = options.logger ?? silentLogger;
    const answering = this.stages.find((stage) => stage.engine.forSentences)?.engine;
    if (answering) {
      this.forSentences = (sentences, signal) => answering.forSentences!(sentences, signal);
    }
  }

  /** Phrase engine first; below `threshold`, the general engine when there is one. */
  static phraseFirst(options: {
    phrase: SpeechToText;
    general?: SpeechToText;
    threshold?: number;
    logger?: Logger;
  }): SpeechToTextChain {
    const stages: ChainStage[] = [
      { engine: options.phrase, minConfidence: options.threshold ?? 0.5 },
    ];
    if (options.general) stages.push({ engine: options.general });
    return new SpeechToTextChain({ stages, logger: options.logger });
  }

  get languages(): readonly string[] {
    return [...new Set(this.stages.flatMap((stage) => stage.engine.languages))];
  }

  async transcribe(utterance: Utterance, signal?: AbortSignal): Promise<Transcription> {
    return (await this.transcribeWithAttempts(utterance, signal)).transcription;
  }

  /**
   * Asks each stage that takes the utterance's language, in order, until one is confident
   * enough; what a stage found in the audio (`heard`: the speech, a decode) goes to the next ones
   * with it. When none is and the later stages fail, the answer is a rejection (empty text, and
   * why). Throws when no stage answered at all.
   */
  async transcribeWithAttempts(utterance: Utterance, signal?: AbortSignal): Promise<ChainResult> {
    const stages = this.stages.filter((stage) =>
      supportsLanguage(stage.engine, utterance.language),
    );
    const attempts: ChainAttempt[] = [];
    let best: Transcription | undefined;
    // Only what a stage of this chain found is passed on, never what a caller brought.
    let heard: Heard | undefined;
    for (const [index, stage] of stages.entries()) {
      const started = performance.now();
      let transcription: Transcription;
      try {
        transcription = await stage.engine.transcribe({ ...utterance, heard }, signal);
      } catch (error) {
        signal?.throwIfAborted();
        const failure = error instanceof Error ? error : new Error(String(error));
        attempts.push({
          engine: stage.engine.name,
          ms: performance.now() - started,
          error: failure,
        });
        this.logger.warn(`stt ${stage.engine.name} failed: ${failure.message}`);
        continue;
      }
      attempts.push({ engine: stage.engine.name, ms: performance.now() - started, transcription });
      const last = index === stages.length - 1;
      const accepted =
        !transcription.rejected && transcription.confidence >= (stage.minConfidence ?? 0);
      if (accepted) return { transcription: answered(transcription), attempts };
      // Rejected by the last one too: an earlier stage's nearest sentence may still be asked back.
      if (last) return { transcription: keepUnsure(transcription, best), attempts };
      this.logger.debug(
        `stt ${stage.engine.name}: confidence ${transcription.confidence.toFixed(2)}, trying the next engine`,
      );
      best ??= transcription;
      heard = transcription.heard ?? heard;
    }
    // Every stage that answered was unsure and the later ones failed: say nothing was understood.
    if (best) return { transcription: unsure(best), attempts };
    const lastError = attempts.findLast((attempt) => attempt.error)?.error;
    if (lastError) throw lastError;
    throw new EngineError(this.name, `no engine for language '${utterance.language}'`);
  }

  async close(): Promise<void> {
    await Promise.all(this.stages.map((stage) => stage.engine.close()));
  }
}
