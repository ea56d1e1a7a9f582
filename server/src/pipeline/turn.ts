import {
  type AudioChunk,
  AudioChunkConverter,
  concatBytes,
  type Event,
  type Eventable,
  type Logger,
  silentLogger,
  Synthesize,
  Transcribe,
  Transcript,
  VoiceStarted,
  VoiceStopped,
  WyomingError,
} from 'wyoming-ts';
import { DEFAULT_SENSITIVE_CONFIDENCE } from '../engines/stt/stt.js';
import type { SpeechToText, Transcription } from '../engines/stt/stt.js';
import { sentencesOf, speakStreaming } from '../engines/tts/sentences.js';
import type { Language } from '../intents/types.js';
import {
  type ConversationAnswer,
  type ConversationRequest,
  converse,
  fixedAnswer,
} from './conversation.js';
import { lengthenPause, type SpeechEndReason, Speculation } from './endpointing.js';
import { reply, type ReplyKey } from './replies.js';
import { sendAudio } from './speak.js';
import { type TurnMoments, timingsOf } from './timings.js';
import {
  MAX_COMMAND_SECONDS,
  type TurnEngines,
  type TurnOptions,
  type TurnOutcome,
} from './turn-types.js';

export { MAX_COMMAND_SECONDS, type TurnEngines, type TurnOptions, type TurnOutcome };

/** Bytes per second of the audio a turn keeps: 16 kHz, 16-bit, mono. */
const BYTES_PER_SECOND = 16000 * 2;

/**
 * One voice turn on one satellite, after the wake word: collects the command's audio until
 * the end of speech, transcribes it, lets the local intents act, and speaks the answer.
 */
export class Turn {
  readonly moments: TurnMoments = {};
  private readonly chunks: Uint8Array[] = [];
  /** Bytes of audio kept so far, and how many may be. */
  private bytes = 0;
  private readonly maxBytes: number;
  private speechEnded = false;
  private readonly converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
  private readonly abort = new AbortController();
  private readonly now: () => number;
  private readonly logger: Logger;
  private ended: Promise<TurnOutcome> | undefined;
  private speaking = false;
  private readonly speculation: Speculation;
  /** Where the latest pause began in the command's audio (ms), for `voice-stopped`. */
  private pauseAtMs = 0;

  constructor(private readonly options: TurnOptions) {
    this.now = options.now ?? (() => performance.now());
    this.logger = options.logger ?? silentLogger;
    this.moments.wake = options.wakeAt;
    const seconds = options.maxAudioSeconds ?? MAX_COMMAND_SECONDS;
    this.maxBytes = Math.round(seconds * 16000) * 2;
    this.speculation = new Speculation({
      stt: options.engines.commandStt,
      language: options.language,
      timeoutMs: options.sttTimeoutMs ?? 10_000,
      logger: this.logger,
    });
  }

  /** The turn is ours: tell the satellite transcription has begun (it chimes now). */
  async begin(): Promise<void> {
    await this.options.send(new Transcribe({ language: this.options.language }));
  }

  /**
   * A chunk of the command's audio, in any format. Past `maxAudioSeconds` the command ends as
   * if the speaker had stopped, and the rest is dropped: a satellite that never stops streaming
   * does not grow the server's memory.
   */
  pushAudio(chunk: AudioChunk): void {
    if (this.ended || this.bytes >= this.maxBytes) return;
    this.moments.streamStart ??= this.now();
    let pcm = this.converter.convert(chunk).audio;
    const room = this.maxBytes - this.bytes;
    if (pcm.byteLength >= room) pcm = pcm.subarray(0, room);
    this.chunks.push(pcm);
    this.bytes += pcm.byteLength;
    this.detectSpeech(pcm);
    if (this.bytes >= this.maxBytes) {
      this.logger.info(
        `the command reached ${this.maxBytes / BYTES_PER_SECOND} s: answering what was heard`,
      );
      this.endSpeech('max-length');
    }
  }

  private detectSpeech(pcm: Uint8Array): void {
    const vad = this.options.vad;
    if (!vad) return;
    vad.process(pcm).then(
      (result) => {
        for (const event of result.events) {
          if (this.ended || this.speechEnded) return;
          switch (event.type) {
            case 'speech-started':
              void this.send(new VoiceStarted({ timestamp: event.timestampMs }));
              break;
            case 'speech-paused':
              this.pauseAtMs = event.timestampMs;
              this.options.onPause?.(event.silenceMs);
              break;
            case 'speech-resumed':
              this.options.onResume?.();
              break;
            case 'speech-stopped':
              void this.send(new VoiceStopped({ timestamp: event.timestampMs }));
              this.endSpeech('vad');
          }
        }
      },
      (error: Error) => this.logger.debug(`server-side VAD: ${error.message}`),
    );
  }

  private endSpeech(reason: 'vad' | 'max-length'): void {
    if (this.speechEnded) return;
    this.speechEnded = true;
    this.options.onSpeechEnd?.(reason);
  }

  /**
   * Transcribes the command so far, at the pause `pause`, as it will be if the pause lasts
   * `tailMs`, while the speaker may go on; resolves whether the transcript is a sentence early
   * endpointing may end the command on.
   */
  speculate(pause: number, tailMs: number): Promise<boolean> {
    const audio = lengthenPause(concatBytes(this.chunks), this.pauseAtMs, tailMs);
    return this.speculation.start(pause, audio);
  }

  /**
   * The command is over (audio-stop, the VAD heard it end, or a pause after an accepted
   * speculative transcript, `pause`): answer it.
   */
  endOfSpeech(end: { reason?: SpeechEndReason; pause?: number } = {}): Promise<TurnOutcome> {
    const endedOnRejection = end.reason === 'not-understood';
    this.ended ??= this.answer(end.pause, endedOnRejection).then((outcome) => ({
      ...outcome,
      endpoint: end.reason,
    }));
    return this.ended;
  }

  /** Stops the turn (barge-in, disconnect): engines are aborted, nothing more is sent. */
  cancel(): void {
    this.abort.abort();
    this.ended ??= Promise.resolve(this.outcome({ failed: true, spoke: false }));
  }

  /** `endedOnRejection`: the command ended on the rejection of a speculative transcript. */
  private async answer(pause?: number, endedOnRejection = false): Promise<TurnOutcome> {
    this.moments.speechEnd = this.now();
    if (this.options.replyStt) return this.reply(this.options.replyStt);
    const transcription = await this.transcribe(pause, endedOnRejection);
    if (!transcription) return this.fail('stt-failed', 'sttFailed', this.options.language);
    this.moments.transcript = this.now();
    const text = transcription.text.trim();
    const language = transcription.language ?? this.options.language;
    const agreed = transcription.agreement;
    this.logger.debug(
      `transcript (${transcription.engine}, ${transcription.confidence.toFixed(2)}` +
        `${agreed === undefined ? '' : `, agreement ${agreed.toFixed(2)}`}): ${text}`,
    );
    await this.send(new Transcript({ text, language }));
    if (!text && transcription.unsure) return this.askBack(transcription.unsure, language);
    if (!text) {
      // Nothing understood: said so, and nothing goes to the intents or the agent.
      const rejected = transcription.rejected ?? 'not-understood';
      const outcome = await this.respond(fixedAnswer(reply('notUnderstood', language), language));
      return { ...outcome, rejected };
    }
    const answer = await this.converse(text, transcription.language, {
      sureEnoughForSensitive:
        transcription.confidence >=
        (this.options.sensitiveConfidence ?? DEFAULT_SENSITIVE_CONFIDENCE),
    });
    return this.respond(answer, text, language);
  }

  /**
   * A sentence heard below the acceptance rule but near it: the local intents ask it back
   * ("Turn on the kitchen light?") and do it on a "yes"; nothing is done now.
   */
  private async askBack(sentence: string, language: Language): Promise<TurnOutcome> {
    const answer = await this.converse(sentence, language, {
      sureEnoughForSensitive: false,
      askBack: true,
    });
    const outcome = await this.respond(answer, undefined, language);
    return { ...outcome, rejected: 'not-understood', askedBack: outcome.expectsReply };
  }

  private converse(
    text: string,
    language: Language | undefined,
    how: Pick<ConversationRequest, 'sureEnoughForSensitive' | 'askBack'>,
  ): Promise<ConversationAnswer> {
    return converse(
      { ...this.options.engines, language: this.options.language, logger: this.logger },
      {
        text,
        conversationId: this.options.conversationId,
        satellite: this.options.satellite,
        area: this.options.area,
        language,
        timers: this.options.timers(),
        signal: this.abort.signal,
        ...how,
      },
    );
  }

  /** The reply to a question: its transcript only, for whoever asked. */
  private async reply(stt: SpeechToText): Promise<TurnOutcome> {
    const transcription = await this.transcribe(undefined, false, stt);
    this.moments.transcript = this.now();
    const text = transcription?.text.trim() ?? '';
    const language = transcription?.language ?? this.options.language;
    await this.send(new Transcript({ text, language }));
    return this.outcome({
      transcript: text,
      language,
      reply: true,
      failed: !transcription,
      spoke: false,
    });
  }

  /** The speculative transcript of `pause` when there is one, else the whole command's. */
  private async transcribe(
    pause?: number,
    endedOnRejection = false,
    stt: SpeechToText = this.options.engines.stt,
  ): Promise<Transcription | undefined> {
    // Ended on a rejected speculative transcript: the whole command is decoded once more, so a
    // miss of the speculative decode (cut at the pause) never loses a command it would hear.
    if (endedOnRejection) await this.send(new VoiceStopped({ timestamp: this.pauseAtMs }));
    const speculative =
      pause === undefined || endedOnRejection ? undefined : await this.speculation.take(pause);
    if (speculative) {
      // The satellite's VAD has not heard the end yet: told here, the transcript stops its stream.
      await this.send(new VoiceStopped({ timestamp: this.pauseAtMs }));
      return speculative;
    }
    const audio = concatBytes(this.chunks);
    const timeout = AbortSignal.timeout(this.options.sttTimeoutMs ?? 10_000);
    try {
      return await stt.transcribe(
        { audio, language: this.options.language },
        AbortSignal.any([this.abort.signal, timeout]),
      );
    } catch (error) {
      this.logger.error(`speech-to-text failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Speaks the answer as it streams in, then waits for how it ended. */
  private async respond(
    answer: ConversationAnswer,
    transcript?: string,
    speechLanguage?: Language,
  ): Promise<TurnOutcome> {
    const spoke = await this.say(answer.text, speechLanguage ?? this.options.language);
    const outcome = await answer.done;
    if (outcome.errorCode) this.logger.warn(`answer failed: ${outcome.errorCode}`);
    return this.outcome({
      transcript,
      intent: outcome.intent,
      response: outcome.speech,
      language: outcome.language,
      timer: outcome.timer,
      expectsReply: spoke && outcome.expectsReply,
      failed: outcome.failed || !spoke,
      errorCode: outcome.errorCode,
      spoke,
      ...(outcome.notSureEnough && { rejected: 'not-sure-enough' as const }),
    });
  }

  /** An engine failed: an `error` event, then an apology where speech still works. */
  private async fail(code: string, key: ReplyKey, language: Language): Promise<TurnOutcome> {
    const text = reply(key, language);
    await this.send(new WyomingError({ text, code }));
    const spoke = await this.say(fixedAnswer(text, language).text, language);
    return this.outcome({ response: text, language, failed: true, errorCode: code, spoke });
  }

  /**
   * Speaks text as it comes, sentence by sentence: the first sentence is synthesized (and its
   * audio sent) while the rest is still being written.
   */
  private async say(text: AsyncIterable<string>, language: Language): Promise<boolean> {
    if (this.abort.signal.aborted || this.speaking) return false;
    this.speaking = true;
    const signal = this.abort.signal;
    try {
      const sentences = this.announced(sentencesOf(text), language);
      const audio = await speakStreaming(this.options.engines.tts, sentences, { language, signal });
      await sendAudio(
        audio,
        (event) => this.options.send(event),
        () => {
          this.moments.firstAudio = this.now();
        },
      );
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      this.logger.error(`text-to-speech failed: ${(error as Error).message}`);
      await this.send(new WyomingError({ text: 'text-to-speech failed', code: 'tts-failed' }));
      return false;
    }
  }

  /** Marks the response start and sends `synthesize` with the first sentence, as it passes. */
  private async *announced(sentences: AsyncIterable<string>, language: Language) {
    let first = true;
    for await (const sentence of sentences) {
      if (first) {
        first = false;
        this.moments.responseStart = this.now();
        await this.send(new Synthesize({ text: sentence, voice: { language } }));
      }
      yield sentence;
    }
  }

  private async send(event: Event | Eventable): Promise<void> {
    if (this.abort.signal.aborted) return;
    await this.options
      .send(event)
      .catch((error: Error) => this.logger.warn(`send failed: ${error.message}`));
  }

  private outcome(
    partial: Partial<TurnOutcome> & { failed: boolean; spoke: boolean },
  ): TurnOutcome {
    this.moments.responseStart ??= this.moments.firstAudio;
    this.moments.end = this.now();
    return { expectsReply: false, ...partial, timings: timingsOf(this.moments) };
  }
}
