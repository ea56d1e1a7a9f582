// Speech-to-text by a remote Wyoming ASR service: the whisper add-on (`tcp://core-whisper:10300`)
// or any other. One connection per utterance, as Home Assistant does:
//   -> transcribe, audio-start, audio-chunk*, audio-stop
//   <- transcript                       (the classic answer), or
//   <- transcript-start, transcript-chunk*, transcript-stop [, transcript]   (streaming services)
import {
  type AsrProgram,
  audioToEvents,
  type Event,
  type Logger,
  silentLogger,
  Transcribe,
  Transcript,
  TranscriptChunk,
  TranscriptStart,
  TranscriptStop,
} from 'wyoming-ts';
import { EngineError } from '../../errors.js';
import type { SpeechToText, Transcription, Utterance } from './stt.js';
import {
  describeService,
  WyomingSession,
  type WyomingSessionOptions,
  wyomingSessionOptions,
} from './wyoming-session.js';

export interface WyomingSttOptions {
  /** `tcp://host:port` or `unix://path`. */
  uri: string;
  /** Model to ask for (`transcribe.name`); the service's default otherwise. */
  model?: string;
  /** Language when the utterance gives none; the service decides otherwise. */
  language?: string;
  /** Give up connecting after this long (default 3 s). */
  connectTimeoutMs?: number;
  /** Give up when the service stays silent this long after the audio (default 15 s). */
  responseTimeoutMs?: number;
  /** After `transcript-stop`, how long to wait for the full `transcript` (default 500 ms). */
  finalTranscriptGraceMs?: number;
  logger?: Logger;
}

const FORMAT = { rate: 16000, width: 2, channels: 1 } as const;

export class WyomingStt implements SpeechToText {
  readonly name: string;
  private programs: readonly AsrProgram[] = [];
  private readonly session: WyomingSessionOptions;
  private readonly logger: Logger;

  constructor(private readonly options: WyomingSttOptions) {
    this.session = wyomingSessionOptions(options);
    this.name = this.session.engine;
    this.logger = options.logger ?? silentLogger;
  }

  /** Languages of the service's installed models, as its last `info` said; empty before `describe`. */
  get languages(): readonly string[] {
    const languages = new Set<string>();
    for (const program of this.programs) {
      for (const model of program.models) {
        if (model.installed) for (const language of model.languages) languages.add(language);
      }
    }
    return [...languages];
  }

  /** The service's ASR programs and models, from `describe` -> `info` (kept for `languages`). */
  async describe(signal?: AbortSignal): Promise<readonly AsrProgram[]> {
    const info = await describeService(this.session, signal);
    this.programs = info.asr;
    if (info.asr.length === 0) this.logger.warn(`${this.name}: the service offers no asr`);
    return this.programs;
  }

  async transcribe(utterance: Utterance, signal?: AbortSignal): Promise<Transcription> {
    const language = utterance.language ?? this.options.language;
    const audio = utterance.audio.subarray(0, utterance.audio.byteLength & ~1);
    const session = await WyomingSession.open(this.session, signal);
    try {
      await session.write(
        new Transcribe({ name: this.options.model, language }),
        ...audioToEvents(audio, FORMAT),
      );
      const transcript = await this.readTranscript(session);
      await session.close();
      return {
        text: transcript.text,
        confidence: transcript.text.trim() ? 1 : 0,
        language: transcript.language ?? language,
        engine: this.name,
      };
    } catch (error) {
      session.destroy();
      throw error;
    }
  }

  async close(): Promise<void> {
    // One connection per request: nothing stays open.
  }

  /** Reads until the transcript, in either form. */
  private async readTranscript(session: WyomingSession): Promise<Transcript> {
    let streamed: { parts: string[]; language?: string } | undefined;
    for (;;) {
      const event: Event | null = await session.next();
      if (!event) break;
      if (Transcript.isType(event.type)) return Transcript.fromEvent(event);
      if (TranscriptStart.isType(event.type)) {
        streamed = { parts: [], language: TranscriptStart.fromEvent(event).language };
      } else if (TranscriptChunk.isType(event.type)) {
        (streamed ??= { parts: [] }).parts.push(TranscriptChunk.fromEvent(event).text);
      } else if (TranscriptStop.isType(event.type)) {
        const final = await this.finalTranscript(session);
        const text = (streamed?.parts ?? []).join('');
        return final ?? new Transcript({ text, language: streamed?.language });
      }
    }
    if (streamed)
      return new Transcript({ text: streamed.parts.join(''), language: streamed.language });
    throw new EngineError(this.name, 'the service closed the connection without a transcript', {
      retryable: true,
    });
  }

  /** The full `transcript` a streaming service sends after `transcript-stop`, if it comes soon. */
  private async finalTranscript(session: WyomingSession): Promise<Transcript | undefined> {
    try {
      const event = await session.next(this.options.finalTranscriptGraceMs ?? 500);
      return event && Transcript.isType(event.type) ? Transcript.fromEvent(event) : undefined;
    } catch (error) {
      if (error instanceof EngineError && error.retryable) return undefined;
      throw error;
    }
  }
}
