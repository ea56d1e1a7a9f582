// Text-to-speech by a remote Wyoming TTS service: the piper add-on (`tcp://core-piper:10200`)
// or any other. One connection per request.
//
// `synthesize` (whole text):  -> synthesize        <- audio-start, audio-chunk*, audio-stop
//
// `synthesizeStream` (text as it is written, e.g. an LLM's deltas), when the service's `info`
// says `supports_synthesize_streaming`:
//   -> synthesize-start, synthesize-chunk* (each piece as it comes), synthesize (the whole text,
//      for older services, as the spec asks), synthesize-stop
//   <- per sentence: audio-start, audio-chunk*, audio-stop; then synthesize-stopped
// The service finds the sentences and speaks each as soon as it ends, so audio for the first
// sentence flows while later text is still being sent. Services that cannot stream get one
// `synthesize` per sentence instead (split here), which streams almost as well.
import {
  AudioChunk,
  AudioChunkConverter,
  type AudioFormat,
  AudioStart,
  AudioStop,
  type Logger,
  silentLogger,
  Synthesize,
  SynthesizeChunk,
  SynthesizeStart,
  SynthesizeStop,
  SynthesizeStopped,
  type SynthesizeVoice,
  type TtsProgram,
} from 'wyoming-ts';
import { EngineError } from '../../errors.js';
import {
  describeService,
  WyomingSession,
  type WyomingSessionOptions,
  wyomingSessionOptions,
} from '../stt/wyoming-session.js';
import { sentencesOf } from './sentences.js';
import { speakStreaming } from './speak-streaming.js';
import type { SynthesisRequest, SynthesizedAudio, TextToSpeech, VoiceInfo } from './tts.js';

export interface WyomingTtsOptions {
  /** `tcp://host:port` or `unix://path`. */
  uri: string;
  /** Voice per language (primary subtag), e.g. `{ fr: 'fr_FR-siwis-medium' }`. */
  voices?: Readonly<Record<string, string>>;
  /** Voice when a request names neither voice nor language; the service's default otherwise. */
  voice?: string;
  /** Speaker of multi-speaker voices. */
  speaker?: string;
  /** Give up connecting after this long (default 3 s). */
  connectTimeoutMs?: number;
  /** Give up when the service stays silent this long (default 15 s). */
  responseTimeoutMs?: number;
  logger?: Logger;
}

/** Text options of `synthesizeStream`. */
export interface StreamRequest {
  readonly language?: string;
  readonly voice?: string;
}

/** Longest wait allowed by timers: while text is still being written, silence is normal. */
const WHILE_WRITING_MS = 2 ** 31 - 1;
const EMPTY_FORMAT: AudioFormat = { rate: 22050, width: 2, channels: 1 };

function primary(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0] ?? '';
}

export class WyomingTts implements TextToSpeech {
  readonly name: string;
  private programs: readonly TtsProgram[] | undefined;
  private readonly session: WyomingSessionOptions;
  private readonly logger: Logger;

  constructor(private readonly options: WyomingTtsOptions) {
    this.session = wyomingSessionOptions(options);
    this.name = this.session.engine;
    this.logger = options.logger ?? silentLogger;
  }

  /** Installed voices, as the service's last `info` said; empty before `describe`. */
  voices(): readonly VoiceInfo[] {
    return (this.programs ?? []).flatMap((program) =>
      program.voices
        .filter((voice) => voice.installed)
        .map((voice) => ({
          name: voice.name,
          languages: voice.languages,
          ...(voice.description ? { description: voice.description } : {}),
        })),
    );
  }

  /** True when the service's `info` says it takes streamed text. */
  get supportsStreaming(): boolean {
    return (this.programs ?? []).some((program) => program.supports_synthesize_streaming);
  }

  /** The service's TTS programs and voices, from `describe` -> `info`. */
  async describe(signal?: AbortSignal): Promise<readonly TtsProgram[]> {
    const info = await describeService(this.session, signal);
    this.programs = info.tts;
    if (info.tts.length === 0) this.logger.warn(`${this.name}: the service offers no tts`);
    return info.tts;
  }

  async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesizedAudio> {
    const session = await WyomingSession.open(this.session, signal);
    try {
      await session.write(new Synthesize({ text: request.text, voice: this.voiceFor(request) }));
      const timeout = () => this.session.responseTimeoutMs;
      const format = await this.firstAudio(session, timeout);
      if (!format) {
        // Nothing to say (piper answers blank text with a lone audio-stop).
        await session.close();
        return { format: EMPTY_FORMAT, chunks: (async function* () {})() };
      }
      return { format, chunks: this.audio(session, format, 'single', timeout, () => undefined) };
    } catch (error) {
      session.destroy();
      throw error;
    }
  }

  /**
   * Speaks text that is still being written: each piece of `texts` is sent as it comes, and
   * the audio of each finished sentence comes back while the rest is being written. Resolves
   * when the first audio starts. Describes the service first if that has not been done.
   */
  async synthesizeStream(
    texts: AsyncIterable<string>,
    request: StreamRequest = {},
    signal?: AbortSignal,
  ): Promise<SynthesizedAudio> {
    if (!this.programs) await this.describe(signal);
    if (!this.supportsStreaming) {
      return speakStreaming(this, sentencesOf(texts), { ...request, signal });
    }
    const session = await WyomingSession.open(this.session, signal);
    const voice = this.voiceFor(request);
    let writing = true;
    let writeError: unknown;
    const writer = (async () => {
      const whole: string[] = [];
      await session.write(new SynthesizeStart({ voice }));
      for await (const text of texts) {
        if (!text) continue;
        whole.push(text);
        await session.write(new SynthesizeChunk({ text }));
      }
      await session.write(new Synthesize({ text: whole.join(''), voice }), new SynthesizeStop());
    })().then(
      () => (writing = false),
      (error: unknown) => {
        writing = false;
        writeError = error;
        session.destroy();
      },
    );
    const timeout = () => (writing ? WHILE_WRITING_MS : this.session.responseTimeoutMs);
    const failed = () => writeError;
    try {
      const format = await this.firstAudio(session, timeout);
      if (!format) {
        await writer;
        if (failed() !== undefined) throw failed();
        return { format: EMPTY_FORMAT, chunks: (async function* () {})() };
      }
      return { format, chunks: this.audio(session, format, 'stream', timeout, failed) };
    } catch (error) {
      session.destroy();
      await writer;
      throw failed() ?? error;
    }
  }

  async close(): Promise<void> {
    // One connection per request: nothing stays open.
  }

  /** Picks the voice: the request's, else the one for its language, else the default. */
  private voiceFor(request: { voice?: string; language?: string }): SynthesizeVoice | undefined {
    const speaker = this.options.speaker;
    if (request.voice) return { name: request.voice, speaker };
    if (request.language) {
      const wanted = primary(request.language);
      const name =
        this.options.voices?.[wanted] ??
        this.voices().find((voice) => voice.languages.some((l) => primary(l) === wanted))?.name;
      return { name, language: request.language, speaker };
    }
    return this.options.voice ? { name: this.options.voice, speaker } : undefined;
  }

  /** Reads up to the first `audio-start`; undefined when the stream ends without audio. */
  private async firstAudio(
    session: WyomingSession,
    timeout: () => number | undefined,
  ): Promise<AudioFormat | undefined> {
    for (;;) {
      const event = await session.next(timeout());
      if (!event) throw this.error('the service closed the connection without audio', true);
      if (AudioStart.isType(event.type)) {
        const { rate, width, channels } = AudioStart.fromEvent(event);
        return { rate, width, channels };
      }
      if (SynthesizeStopped.isType(event.type) || AudioStop.isType(event.type)) return undefined;
    }
  }

  /**
   * The audio of one answer: until `audio-stop` (single) or `synthesize-stopped` (stream, where
   * each sentence has its own audio-start/stop). Chunks in another format are converted.
   */
  private async *audio(
    session: WyomingSession,
    format: AudioFormat,
    mode: 'single' | 'stream',
    timeout: () => number | undefined,
    writeError: () => unknown,
  ): AsyncGenerator<Uint8Array> {
    const converter = new AudioChunkConverter(format);
    let finished = false;
    try {
      for (;;) {
        const event = await session.next(timeout());
        if (!event) {
          if (writeError() !== undefined) throw writeError();
          throw this.error('the service closed the connection mid-audio', true);
        }
        if (AudioChunk.isType(event.type)) {
          const chunk = converter.convert(AudioChunk.fromEvent(event));
          if (chunk.audio.byteLength > 0) yield chunk.audio;
        } else if (
          (mode === 'single' && AudioStop.isType(event.type)) ||
          (mode === 'stream' && SynthesizeStopped.isType(event.type))
        ) {
          finished = true;
          return;
        }
      }
    } finally {
      // Left early (or failed): drop the connection rather than wait for the rest of the audio.
      if (finished) await session.close();
      else session.destroy();
    }
  }

  private error(message: string, retryable = false): EngineError {
    return new EngineError(this.name, message, { retryable });
  }
}
