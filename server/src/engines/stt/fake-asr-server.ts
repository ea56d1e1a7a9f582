// A stand-in for the whisper add-on in tests: a real Wyoming server (real sockets, real
// framing) that answers `describe` with an ASR `info` and transcribes audio with a function the
// test gives it. It can answer in the classic form, the streaming form, or not at all.
import {
  AudioChunk,
  AudioStop,
  Describe,
  Info,
  Transcribe,
  Transcript,
  TranscriptChunk,
  TranscriptStart,
  TranscriptStop,
  WyomingError,
} from 'wyoming-ts';
import { type WyomingConnection, WyomingServer } from 'wyoming-ts/node';

export type FakeAsrMode =
  /** `transcript`. */
  | 'transcript'
  /** `transcript-start`, `transcript-chunk`s, `transcript`, `transcript-stop` (the spec's order). */
  | 'streaming'
  /** `transcript-start`, `transcript-chunk`s, `transcript-stop`, with no full `transcript`. */
  | 'chunks-only'
  /** Reads everything and never answers. */
  | 'silent'
  /** Answers with a Wyoming `error` event. */
  | 'error';

export interface FakeAsrOptions {
  transcribe?: (audio: Uint8Array, request: Transcribe) => string | Promise<string>;
  mode?: FakeAsrMode;
  languages?: string[];
}

export interface FakeAsr {
  readonly uri: string;
  /** Every `transcribe` request received, with the audio that followed it. */
  readonly requests: { request: Transcribe; audio: Uint8Array }[];
  stop(): Promise<void>;
}

const ATTRIBUTION = { name: 'test', url: 'https://example.invalid' };

export function fakeAsrInfo(languages: string[]): Info {
  return new Info({
    asr: [
      {
        name: 'fake-whisper',
        attribution: ATTRIBUTION,
        installed: true,
        supports_transcript_streaming: true,
        models: [
          { name: 'tiny-int8', languages, attribution: ATTRIBUTION, installed: true },
          { name: 'large', languages: ['de'], attribution: ATTRIBUTION, installed: false },
        ],
      },
    ],
  });
}

/** Starts a fake ASR service on a free port of 127.0.0.1. */
export async function startFakeAsr(options: FakeAsrOptions = {}): Promise<FakeAsr> {
  const requests: FakeAsr['requests'] = [];
  const server = new WyomingServer({
    uri: 'tcp://127.0.0.1:0',
    handler: (connection) => serve(connection, options, requests),
  });
  const uri = await server.start();
  return { uri, requests, stop: () => server.stop() };
}

async function serve(
  connection: WyomingConnection,
  options: FakeAsrOptions,
  requests: FakeAsr['requests'],
): Promise<void> {
  let request = new Transcribe();
  let audio: Uint8Array[] = [];
  for await (const event of connection) {
    if (Describe.isType(event.type)) {
      await connection.write(fakeAsrInfo(options.languages ?? ['en', 'fr']));
    } else if (Transcribe.isType(event.type)) {
      request = Transcribe.fromEvent(event);
      audio = [];
    } else if (AudioChunk.isType(event.type)) {
      audio.push(AudioChunk.fromEvent(event).audio);
    } else if (AudioStop.isType(event.type)) {
      const bytes = Buffer.concat(audio);
      requests.push({ request, audio: bytes });
      const text = (await options.transcribe?.(bytes, request)) ?? '';
      await answer(connection, options.mode ?? 'transcript', text, request.language);
    }
  }
}

async function answer(
  connection: WyomingConnection,
  mode: FakeAsrMode,
  text: string,
  language: string | undefined,
): Promise<void> {
  const words = text.split(/(?<= )/);
  switch (mode) {
    case 'transcript':
      return connection.write(new Transcript({ text, language }));
    case 'streaming':
    case 'chunks-only':
      await connection.write(new TranscriptStart({ language }));
      for (const word of words) await connection.write(new TranscriptChunk({ text: word }));
      if (mode === 'streaming') await connection.write(new Transcript({ text, language }));
      return connection.write(new TranscriptStop());
    case 'error':
      return connection.write(new WyomingError({ text: 'model failed', code: 'test' }));
    case 'silent':
      return;
  }
}
