import {
  AudioChunk,
  AudioChunkConverter,
  AudioStart,
  AudioStop,
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
  Transcribe,
  Transcript,
  WyomingError,
} from 'wyoming-ts';
import type { WyomingConnection } from 'wyoming-ts/node';
import type { WakeWordDetector } from '@jarvis/satellite/engines';
import type { SpeechToText } from '../engines/stt/stt.js';
import type { TextToSpeech } from '../engines/tts/tts.js';
import type { Home } from '../home/home.js';
import type { IntentRecognizer, Language } from '../intents/types.js';

export interface ServiceDeps {
  stt: SpeechToText;
  tts: TextToSpeech;
  recognizer: IntentRecognizer;
  home: Home;
  language: Language;
  info: () => Info;
  createWakeDetector: (names?: readonly string[]) => Promise<WakeWordDetector>;
  logger?: Logger;
}

type Mode =
  | { kind: 'none' }
  | { kind: 'transcribe'; language?: string }
  | { kind: 'detect'; detector: Promise<WakeWordDetector>; names?: readonly string[] };

/**
 * Serves one Home Assistant (or other Wyoming client) connection using the server as a
 * service: describe, transcribe, synthesize, detect and handle, as the Wyoming spec has them.
 */
export class ServiceConnection {
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
        return this.connection.write(this.deps.info());
      case 'ping':
        return this.connection.write({ type: 'pong', data: event.data });
      case 'transcribe':
        this.startAudio({ kind: 'transcribe', language: Transcribe.fromEvent(event).language });
        return;
      case 'detect': {
        const names = Detect.fromEvent(event).names;
        this.startAudio({ kind: 'detect', detector: this.deps.createWakeDetector(names), names });
        return;
      }
      case 'audio-start':
        if (this.mode.kind === 'none') this.startAudio({ kind: 'transcribe' });
        this.converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
        return;
      case 'audio-chunk':
        return this.onAudio(AudioChunk.fromEvent(event));
      case 'audio-stop':
        return this.onAudioStop();
      case 'synthesize':
        return this.synthesize(Synthesize.fromEvent(event));
      case 'transcript':
        return this.converse(Transcript.fromEvent(event));
      default:
        this.logger.debug(`service: ignoring ${event.type}`);
    }
  }

  private startAudio(mode: Mode): void {
    this.mode = mode;
    this.audio = [];
    this.detected = false;
    this.converter = new AudioChunkConverter({ rate: 16000, width: 2, channels: 1 });
  }

  private async onAudio(chunk: AudioChunk): Promise<void> {
    const pcm = this.converter.convert(chunk).audio;
    if (this.mode.kind === 'transcribe') {
      this.audio.push(pcm);
    } else if (this.mode.kind === 'detect' && !this.detected) {
      const detector = await this.mode.detector;
      const samples = new Int16Array(
        pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength),
      );
      const [detection] = await detector.process(samples);
      if (detection && !this.detected) {
        this.detected = true;
        await this.connection.write(
          new Detection({ name: detection.name, timestamp: detection.timestampMs }),
        );
      }
    }
  }

  private async onAudioStop(): Promise<void> {
    const mode = this.mode;
    this.mode = { kind: 'none' };
    if (mode.kind === 'transcribe') {
      try {
        const result = await this.deps.stt.transcribe({
          audio: concatBytes(this.audio),
          language: mode.language,
        });
        await this.connection.write(
          new Transcript({ text: result.text, language: result.language ?? mode.language }),
        );
      } catch (error) {
        await this.connection.write(
          new WyomingError({ text: (error as Error).message, code: 'stt-failed' }),
        );
      }
    } else if (mode.kind === 'detect') {
      if (!this.detected) await this.connection.write(new NotDetected());
      await (await mode.detector).close();
    }
    this.audio = [];
  }

  private async synthesize(request: Synthesize): Promise<void> {
    try {
      const language = request.voice?.language;
      const audio = await this.deps.tts.synthesize({
        text: request.text,
        language,
        voice: request.voice?.name,
      });
      const { rate, width, channels } = audio.format;
      await this.connection.write(new AudioStart({ rate, width, channels, timestamp: 0 }));
      let sent = 0;
      for await (const piece of audio.chunks) {
        for (let offset = 0; offset < piece.length; offset += 2048) {
          const part = piece.subarray(offset, offset + 2048);
          const timestamp = Math.round((sent / (rate * width * channels)) * 1000);
          await this.connection.write(
            new AudioChunk({ rate, width, channels, audio: part, timestamp }),
          );
          sent += part.length;
        }
      }
      await this.connection.write(
        new AudioStop({ timestamp: Math.round((sent / (rate * width * channels)) * 1000) }),
      );
    } catch (error) {
      await this.connection.write(
        new WyomingError({ text: (error as Error).message, code: 'tts-failed' }),
      );
    }
  }

  /** Home Assistant's conversation agent: a transcript in, `handled` or `not-handled` out. */
  private async converse(transcript: Transcript): Promise<void> {
    const conversationId =
      typeof transcript.context?.conversation_id === 'string'
        ? transcript.context.conversation_id
        : this.connection.remote;
    try {
      const result = await this.deps.recognizer.handle(transcript.text, {
        home: this.deps.home,
        conversationId,
        now: new Date(),
        timers: [],
        language: transcript.language,
      });
      const context = { conversation_id: conversationId };
      if (result) await this.connection.write(new Handled({ text: result.speech, context }));
      else await this.connection.write(new NotHandled({ text: "I can't do that yet.", context }));
    } catch (error) {
      await this.connection.write(new NotHandled({ text: (error as Error).message }));
    }
  }
}
