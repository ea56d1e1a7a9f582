// A stand-in for the piper add-on in tests: a real Wyoming server that speaks with espeak-ng
// (piper's voice names mapped to espeak voices), behaving as wyoming-piper does: `synthesize`
// gets one audio-start/chunks/audio-stop; with streaming on, synthesize-start/chunk/stop get
// one audio stream per sentence as soon as the sentence is complete, then synthesize-stopped,
// and the compatibility `synthesize` inside a stream is ignored.
import {
  AudioChunk,
  AudioStart,
  AudioStop,
  Describe,
  Info,
  Synthesize,
  SynthesizeChunk,
  SynthesizeStart,
  SynthesizeStop,
  SynthesizeStopped,
  WyomingError,
} from 'wyoming-ts';
import { type WyomingConnection, WyomingServer } from 'wyoming-ts/node';
import { EspeakTts } from './espeak-tts.js';
import { SentenceSplitter } from './sentences.js';

export interface FakeTtsOptions {
  /** Say `supports_synthesize_streaming` and honour synthesize-start/chunk/stop (default true). */
  streaming?: boolean;
  /** `silent` reads everything and never answers; `error` answers with an error event. */
  mode?: 'speak' | 'silent' | 'error';
}

/** What the service received and sent, with times (performance.now()). */
export interface FakeTtsLogEntry {
  readonly at: number;
  readonly event: string;
  readonly text?: string;
}

export interface FakeTts {
  readonly uri: string;
  readonly log: FakeTtsLogEntry[];
  stop(): Promise<void>;
}

const ATTRIBUTION = { name: 'test', url: 'https://example.invalid' };
const VOICES: Record<string, { language: string; espeak: string }> = {
  'en_US-lessac-medium': { language: 'en_US', espeak: 'en-us' },
  'fr_FR-siwis-medium': { language: 'fr_FR', espeak: 'fr-fr' },
};

export async function startFakeTts(options: FakeTtsOptions = {}): Promise<FakeTts> {
  const log: FakeTtsLogEntry[] = [];
  const espeak = new EspeakTts();
  const server = new WyomingServer({
    uri: 'tcp://127.0.0.1:0',
    handler: (connection) => new Session(connection, options, espeak, log).serve(),
  });
  const uri = await server.start();
  return {
    uri,
    log,
    stop: async () => {
      await server.stop();
      await espeak.close();
    },
  };
}

class Session {
  private streaming = false;
  private voice: string | undefined;
  private splitter = new SentenceSplitter();

  constructor(
    private readonly connection: WyomingConnection,
    private readonly options: FakeTtsOptions,
    private readonly espeak: EspeakTts,
    private readonly log: FakeTtsLogEntry[],
  ) {}

  async serve(): Promise<void> {
    const streams = this.options.streaming ?? true;
    for await (const event of this.connection) {
      const text = typeof event.data?.text === 'string' ? event.data.text : undefined;
      this.log.push({ at: performance.now(), event: event.type, text });
      if (Describe.isType(event.type)) {
        await this.connection.write(info(streams));
      } else if (this.options.mode === 'silent') {
        continue;
      } else if (this.options.mode === 'error') {
        await this.connection.write(new WyomingError({ text: 'voice failed', code: 'test' }));
      } else if (Synthesize.isType(event.type) && !this.streaming) {
        const synthesize = Synthesize.fromEvent(event);
        await this.speak(synthesize.text, synthesize.voice?.name);
      } else if (streams && SynthesizeStart.isType(event.type)) {
        this.streaming = true;
        this.voice = SynthesizeStart.fromEvent(event).voice?.name;
        this.splitter = new SentenceSplitter();
      } else if (streams && SynthesizeChunk.isType(event.type)) {
        const chunk = SynthesizeChunk.fromEvent(event).text;
        for (const sentence of this.splitter.push(chunk)) await this.speak(sentence, this.voice);
      } else if (streams && SynthesizeStop.isType(event.type)) {
        for (const sentence of this.splitter.flush()) await this.speak(sentence, this.voice);
        this.streaming = false;
        await this.send(new SynthesizeStopped());
      }
    }
  }

  private async speak(text: string, voice: string | undefined): Promise<void> {
    if (!text.trim()) return this.send(new AudioStop()); // as piper does
    const espeakVoice = VOICES[voice ?? 'en_US-lessac-medium']?.espeak ?? 'en-us';
    const audio = await this.espeak.synthesize({ text, voice: espeakVoice });
    const { rate, width, channels } = audio.format;
    await this.send(new AudioStart({ rate, width, channels }));
    for await (const piece of audio.chunks) {
      await this.send(new AudioChunk({ rate, width, channels, audio: piece }));
    }
    await this.send(new AudioStop());
  }

  private async send(
    event: AudioStart | AudioChunk | AudioStop | SynthesizeStopped,
  ): Promise<void> {
    this.log.push({ at: performance.now(), event: `sent:${event.toEvent().type}` });
    await this.connection.write(event);
  }
}

function info(streaming: boolean): Info {
  return new Info({
    tts: [
      {
        name: 'fake-piper',
        attribution: ATTRIBUTION,
        installed: true,
        supports_synthesize_streaming: streaming,
        voices: Object.entries(VOICES).map(([name, voice]) => ({
          name,
          languages: [voice.language],
          attribution: ATTRIBUTION,
          installed: true,
          description: `${name} (espeak-ng ${voice.espeak})`,
        })),
      },
    ],
  });
}
