import {
  AudioChunk,
  AudioChunkConverter,
  concatBytes,
  Detect,
  Detection,
  type Event,
  Handled,
  type Info,
  type Logger,
  NotDetected,
  NotHandled,
  silentLogger,
  Synthesize,
  SynthesizeChunk,
  SynthesizeStart,
  Transcribe,
  Transcript,
  WyomingError,
} from 'wyoming-ts';
import type { WyomingConnection } from 'wyoming-ts/node';
import type { WakeDetection, WakeWordDetector } from '@jarvis/satellite/engines';
import type { SpeechToText } from '../engines/stt/stt.js';
import type { TextToSpeech } from '../engines/tts/tts.js';
import type { Home } from '../home/home.js';
import type { IntentRecognizer, Language } from '../intents/types.js';
import { converse, finish } from '../pipeline/conversation.js';
import { sendAudio } from '../pipeline/speak.js';
import type { ConversationAgent } from '../agent/agent.js';
import type { ConversationStore } from '../conversation/store.js';
import type { Metrics } from '../metrics.js';
import { AudioBudget, EVENT_LIMITS } from './limits.js';
import { SynthesisStream } from './synthesis-stream.js';

export interface ServiceDeps {
  stt: SpeechToText;
  tts: TextToSpeech;
  recognizer: IntentRecognizer;
  home: Home;
  agent?: ConversationAgent;
  conversations?: ConversationStore;
  language: Language;
  info: () => Info;
  createWakeDetector: (names?: readonly string[]) => Promise<WakeWordDetector>;
  /** The longest audio one `transcribe` may send (`wyoming.max_audio_seconds`, default 30). */
  maxAudioSeconds?: number;
  /** How long speech-to-text may take (`stt.timeout_ms`, default 10 s). */
  sttTimeoutMs?: number;
  /** Counts Home Assistant's conversation requests (`handle`) with every other way in. */
  metrics?: Metrics;
  logger?: Logger;
}

/** Engines that learn their voices or languages only when asked (espeak-ng, a remote service). */
interface Catalogued {
  loadVoices?(signal?: AbortSignal): Promise<unknown>;
  describe?(signal?: AbortSignal): Promise<unknown>;
}

/**
 * Asks the engines for their voices and languages before `info` is built from them: until
 * then espeak-ng lists no voices and a remote service no languages. A service that does not
 * answer within 3 s leaves its part of `info` as it was.
 */
async function refreshCatalogs(engines: readonly object[], logger: Logger): Promise<void> {
  const signal = AbortSignal.timeout(3000);
  await Promise.all(
    engines.map(async (engine) => {
      const { loadVoices, describe } = engine as Catalogued;
      try {
        await (loadVoices ?? describe)?.call(engine, signal);
      } catch (error) {
        logger.warn(`describe: ${(error as Error).message}`);
      }
    }),
  );
}

/** `work`, or a rejection as soon as `signal` aborts, for engines that finish regardless. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Closes a detector once it has loaded (one that failed to load has nothing to close). */
async function releaseDetector(detector: Promise<WakeWordDetector>): Promise<void> {
  await detector.then((loaded) => loaded.close()).catch(() => {});
}

type Mode =
  | { kind: 'none' }
  | { kind: 'refused' }
  | { kind: 'transcribe'; language?: string; budget: AudioBudget }
  | { kind: 'detect'; detector: Promise<WakeWordDetector>; names?: readonly string[] };

/**
 * Serves one Home Assistant (or other Wyoming client) connection using the server as a
 * service: describe, transcribe, synthesize, detect and handle, as the Wyoming spec has them.
 */
export class ServiceConnection {
  private stream: SynthesisStream | undefined;
  private mode: Mode = { kind: 'none' };
  private audio: Uint8Array[] = [];
  private converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
  private detected = false;
  private readonly logger: Logger;

  constructor(
    private readonly connection: WyomingConnection,
    private readonly deps: ServiceDeps,
  ) {
    this.logger = deps.logger ?? silentLogger;
  }

  async handle(event: Event): Promise<void> {
    switch (event.type) {
      case 'describe':
        await refreshCatalogs([this.deps.tts, this.deps.stt], this.logger);
        return this.connection.write(this.deps.info());
      case 'ping':
        return this.connection.write({ type: 'pong', data: event.data });
      case 'transcribe':
        this.startAudio(this.transcribing(Transcribe.fromEvent(event).language));
        return;
      case 'detect':
        return this.startDetect(Detect.fromEvent(event).names);
      case 'audio-start':
        if (this.mode.kind === 'none') this.startAudio(this.transcribing(undefined));
        this.converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
        return;
      case 'audio-chunk':
        return this.onAudio(AudioChunk.fromEvent(event));
      case 'audio-stop':
        return this.onAudioStop();
      case 'synthesize':
        // During a streamed synthesis, the full-text `synthesize` is only for older services.
        if (this.stream) return;
        return this.synthesize(Synthesize.fromEvent(event));
      case 'synthesize-start': {
        const voice = SynthesizeStart.fromEvent(event).voice;
        this.stream = new SynthesisStream(
          this.deps.tts,
          (e) => this.connection.write(e),
          voice,
          EVENT_LIMITS.maxTextChars,
        );
        return;
      }
      case 'synthesize-chunk':
        this.stream?.push(SynthesizeChunk.fromEvent(event).text);
        return;
      case 'synthesize-stop': {
        const stream = this.stream;
        this.stream = undefined;
        await stream
          ?.finish()
          .catch((error: Error) =>
            this.connection.write(new WyomingError({ text: error.message, code: 'tts-failed' })),
          );
        return;
      }
      case 'transcript':
        return this.converse(Transcript.fromEvent(event));
      default:
        this.logger.debug(`service: ignoring ${event.type}`);
    }
  }

  /**
   * The client has gone: releases a wake-word detector still open. Home Assistant closes the
   * connection as soon as it has its `detection`, without `audio-stop`.
   */
  async close(): Promise<void> {
    const mode = this.mode;
    this.mode = { kind: 'none' };
    if (mode.kind === 'detect') await releaseDetector(mode.detector);
  }

  private transcribing(language: string | undefined): Mode {
    return {
      kind: 'transcribe',
      language,
      budget: new AudioBudget(this.deps.maxAudioSeconds ?? 30),
    };
  }

  private startAudio(mode: Mode): void {
    if (this.mode.kind === 'detect') void releaseDetector(this.mode.detector);
    this.mode = mode;
    this.audio = [];
    this.detected = false;
    this.converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
  }

  /** Loads the detector for `names`; a name it does not know is refused with an `error`. */
  private async startDetect(names: readonly string[] | undefined): Promise<void> {
    let detector: Promise<WakeWordDetector>;
    try {
      detector = this.deps.createWakeDetector(names);
    } catch (error) {
      return this.refuseDetect(error as Error);
    }
    detector.catch(() => {}); // a failed load is answered when the audio comes
    this.startAudio({ kind: 'detect', detector, names });
  }

  /** No wake-word detection on this stream: its audio is dropped until `audio-stop`. */
  private async refuseDetect(error: Error): Promise<void> {
    this.startAudio({ kind: 'refused' });
    await this.connection.write(new WyomingError({ text: error.message, code: 'wake-failed' }));
  }

  private async onAudio(chunk: AudioChunk): Promise<void> {
    if (this.mode.kind === 'refused') return;
    if (this.mode.kind === 'transcribe') {
      const over = this.mode.budget.spend(chunk);
      if (over) return this.refuseAudio(over);
    }
    const pcm = this.converter.convert(chunk).audio;
    if (this.mode.kind === 'transcribe') {
      this.audio.push(pcm);
    } else if (this.mode.kind === 'detect' && !this.detected) {
      let detector: WakeWordDetector;
      try {
        detector = await this.mode.detector;
      } catch (error) {
        return this.refuseDetect(error as Error);
      }
      const samples = new Int16Array(
        pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength),
      );
      let detection: WakeDetection | undefined;
      try {
        [detection] = await detector.process(samples);
      } catch (error) {
        return this.refuseDetect(error as Error);
      }
      if (detection && !this.detected) {
        this.detected = true;
        await this.connection.write(
          new Detection({ name: detection.name, timestamp: detection.timestampMs }),
        );
      }
    }
  }

  /** Too much audio for one request: says so, and drops the rest until `audio-stop`. */
  private async refuseAudio(reason: string): Promise<void> {
    this.logger.info(`${this.connection.remote}: transcribe refused: ${reason}`);
    this.startAudio({ kind: 'refused' });
    await this.connection.write(new WyomingError({ text: reason, code: 'audio-too-long' }));
  }

  private async onAudioStop(): Promise<void> {
    const mode = this.mode;
    this.mode = { kind: 'none' };
    if (mode.kind === 'transcribe') {
      const audio = concatBytes(this.audio);
      this.audio = [];
      await this.transcribe(audio, mode.language);
    } else if (mode.kind === 'detect') {
      await releaseDetector(mode.detector);
      if (!this.detected) await this.connection.write(new NotDetected());
    }
    this.audio = [];
  }

  /** Speech-to-text within `stt.timeout_ms`; a failure or a timeout is an `error` event. */
  private async transcribe(audio: Uint8Array, language: string | undefined): Promise<void> {
    const timeoutMs = this.deps.sttTimeoutMs ?? 10_000;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const result = await abortable(this.deps.stt.transcribe({ audio, language }, signal), signal);
      await this.connection.write(
        new Transcript({ text: result.text, language: result.language ?? language }),
      );
    } catch (error) {
      const timedOut = signal.aborted;
      const text = timedOut ? `no transcript within ${timeoutMs} ms` : (error as Error).message;
      await this.connection.write(
        new WyomingError({ text, code: timedOut ? 'stt-timeout' : 'stt-failed' }),
      );
    }
  }

  private async synthesize(request: Synthesize): Promise<void> {
    try {
      const voice = request.voice;
      const audio = await this.deps.tts.synthesize({
        text: request.text,
        language: voice?.language,
        voice: voice?.name,
      });
      await sendAudio(audio, (event) => this.connection.write(event));
    } catch (error) {
      await this.connection.write(
        new WyomingError({ text: (error as Error).message, code: 'tts-failed' }),
      );
    }
  }

  /**
   * Home Assistant's conversation agent: a transcript in, `handled` or `not-handled` out. The
   * conversation is the peer's own (HA opens one connection per request, so the peer is its
   * address): an id another peer chooses never reaches it, nor answers its questions.
   */
  private async converse(transcript: Transcript): Promise<void> {
    const given = transcript.context?.conversation_id;
    const conversationId = typeof given === 'string' ? given : this.connection.remote;
    const peer = `wyoming:${this.connection.remoteAddress ?? 'local'}`;
    const started = performance.now();
    const answer = await converse(this.deps, {
      text: transcript.text,
      conversationId: `${peer}/${conversationId}`,
      peer,
      language: transcript.language,
      timers: [],
    });
    const outcome = await finish(answer);
    const timings = { transcript_to_response_ms: Math.round(performance.now() - started) };
    this.deps.metrics?.recordTurn('wyoming', timings, outcome);
    const context = { conversation_id: conversationId };
    if (outcome.handledBy !== 'none' && !outcome.failed)
      await this.connection.write(new Handled({ text: outcome.speech, context }));
    else await this.connection.write(new NotHandled({ text: outcome.speech, context }));
  }
}
