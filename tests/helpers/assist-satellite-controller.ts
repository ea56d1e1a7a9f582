// A test double of Home Assistant's Wyoming assist_satellite: it connects to a satellite, sends
// run-satellite and describe, pings every 2 s, and plays the server side of a pipeline run with
// the real event flow (transcribe, voice-started/stopped, transcript, synthesize, TTS audio).
import {
  AudioChunk,
  AudioStart,
  AudioStop,
  concatBytes,
  Describe,
  type Event,
  Info,
  Ping,
  RunSatellite,
  Synthesize,
  Transcribe,
  Transcript,
  VoiceStarted,
  VoiceStopped,
} from 'wyoming-ts';
import { WyomingClient, type WyomingConnection } from 'wyoming-ts/node';

/** Either side of a Wyoming socket: a client we opened, or a connection a server accepted. */
interface Channel {
  write(event: Event | { toEvent(): Event }): Promise<void>;
  events(): AsyncIterable<Event>;
  close(): Promise<void>;
}

function channelOf(connection: WyomingConnection): Channel {
  return {
    write: (e) => connection.write(e),
    events: () => connection,
    close: () => connection.close(),
  };
}

export interface TtsAudio {
  rate: number;
  width: number;
  channels: number;
  audio: Uint8Array;
}

export class AssistSatelliteController {
  /** Every event received, audio chunks included, in order. */
  readonly received: Event[] = [];
  private readonly waiters: Array<{ type: string; resolve: (event: Event) => void }> = [];
  private pinger: ReturnType<typeof setInterval> | undefined;
  private reading: Promise<void> | undefined;
  /** How many events of each type `waitFor` has handed out. */
  private readonly taken = new Map<string, number>();

  private constructor(private readonly client: Channel) {}

  /** Drives a satellite that connected in (`--server` mode). */
  static over(connection: WyomingConnection): AssistSatelliteController {
    return new AssistSatelliteController(channelOf(connection));
  }

  /** Connects, retrying while the satellite process starts. */
  static async connect(uri: string, timeoutMs = 60_000): Promise<AssistSatelliteController> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const client = await WyomingClient.connect(uri);
        return new AssistSatelliteController({
          write: (e) => client.write(e),
          events: () => client.events(),
          close: () => client.disconnect(),
        });
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** run-satellite, describe -> info, and pings every 2 s, as Home Assistant does. */
  async start(): Promise<Info> {
    this.reading ??= this.read();
    await this.client.write(new RunSatellite());
    await this.client.write(new Describe());
    const info = Info.fromEvent(await this.waitFor('info'));
    this.pinger = setInterval(
      () => void this.client.write(new Ping({ text: 'ha' })).catch(() => {}),
      2000,
    );
    return info;
  }

  send(event: Event | { toEvent(): Event }): Promise<void> {
    return this.client.write(event);
  }

  /** Pings the satellite with `text` and waits for its pong: the satellite still answers us. */
  async roundTrip(text: string, timeoutMs = 20_000): Promise<void> {
    const answered = () =>
      this.received.some((event) => event.type === 'pong' && event.data.text === text);
    await this.client.write(new Ping({ text }));
    const deadline = Date.now() + timeoutMs;
    while (!answered()) {
      if (Date.now() > deadline) throw new Error(`no pong '${text}' within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Resolves once the satellite's side of the connection has ended (it closed us). */
  ended(): Promise<void> {
    return this.reading ?? Promise.resolve();
  }

  /** The next event of `type` (or one already received and not yet taken). */
  waitFor(type: string, timeoutMs = 20_000): Promise<Event> {
    const taken = this.taken.get(type) ?? 0;
    const matches = this.received.filter((event) => event.type === type);
    if (matches.length > taken) {
      this.taken.set(type, taken + 1);
      return Promise.resolve(matches[taken]!);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        type,
        resolve: (event: Event) => {
          clearTimeout(timer);
          this.taken.set(type, (this.taken.get(type) ?? 0) + 1);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Types received, without audio chunks and keep-alives. */
  eventTypes(): string[] {
    return (
      this.received
        .map((event) => event.type)
        // Jarvis's own `satellite-mute` is no Wyoming event: Home Assistant ignores it.
        .filter((type) => type !== 'audio-chunk' && type !== 'pong' && type !== 'satellite-mute')
    );
  }

  /** Microphone audio the satellite streamed after its run-pipeline. */
  streamedAudio(): Uint8Array {
    const start = this.received.findIndex((event) => event.type === 'run-pipeline');
    return concatBytes(
      this.received
        .slice(start)
        .filter((event) => event.type === 'audio-chunk')
        .map((event) => AudioChunk.fromEvent(event).audio),
    );
  }

  /**
   * The server side of one asr -> tts run after the satellite's run-pipeline: waits for the end
   * of speech (the satellite's audio-stop), answers with the transcript and the TTS audio in
   * 2048-byte chunks, and waits for `played`.
   */
  async answer(transcript: string, tts: TtsAudio): Promise<void> {
    await this.send(new Transcribe({ language: 'en' }));
    await this.send(new VoiceStarted({ timestamp: 0 }));
    await this.waitFor('audio-stop');
    await this.send(new VoiceStopped({ timestamp: 0 }));
    await this.send(new Transcript({ text: transcript }));
    await this.send(new Synthesize({ text: 'The kitchen light is on.', voice: { name: 'en-us' } }));
    await this.send(
      new AudioStart({ rate: tts.rate, width: tts.width, channels: tts.channels, timestamp: 0 }),
    );
    for (let offset = 0; offset < tts.audio.length; offset += 2048) {
      const audio = tts.audio.subarray(offset, offset + 2048);
      await this.send(
        new AudioChunk({ ...tts, audio, timestamp: Math.round((offset / 2 / tts.rate) * 1000) }),
      );
    }
    await this.send(
      new AudioStop({ timestamp: Math.round((tts.audio.length / 2 / tts.rate) * 1000) }),
    );
    await this.waitFor('played');
  }

  /** Starts reading without sending anything (a satellite that connects in speaks first). */
  listen(): void {
    this.reading ??= this.read();
  }

  async close(): Promise<void> {
    clearInterval(this.pinger);
    await this.client.close();
    await this.reading;
  }

  private async read(): Promise<void> {
    try {
      for await (const event of this.client.events()) {
        this.received.push(event);
        const index = this.waiters.findIndex((waiter) => waiter.type === event.type);
        if (index >= 0) {
          this.waiters.splice(index, 1)[0]!.resolve(event);
        }
      }
    } catch {
      // the satellite went away; waiters time out with a clear message
    }
  }
}
