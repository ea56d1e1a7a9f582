// Early endpointing over a real connection: real Silero VAD with pause marks, the real phrase
// engine (pocketsphinx) constrained to the demo home's sentences, espeak-ng speech. The
// satellite streams the audio as fast as the socket takes it and sends `audio-stop` only where
// a test says so, so a command that ends before it ended early.
import { afterAll, afterEach, beforeAll, describe, expect, it, type Mock, vi } from 'vitest';
import { AudioChunk, AudioStop, type Event, RunPipeline, type Logger } from 'wyoming-ts';
import { WyomingClient, WyomingServer } from 'wyoming-ts/node';
import { SileroVad, VadStream } from '@jarvis/satellite/engines';
import {
  joinPcm,
  silence,
  speak,
  COMMAND_VOICE,
  trimmed,
  type Voice,
} from '../../../tests/helpers/speech.js';
import { PhraseEngine } from '../engines/stt/phrase-engine.js';
import type { SpeechToText, Utterance } from '../engines/stt/stt.js';
import { EspeakTts } from '../engines/tts/espeak-tts.js';
import { DemoHome } from '../home/demo-home.js';
import { createIntentRecognizer } from '../intents/index.js';
import type { TurnOutcome } from '../pipeline/turn.js';
import { WakeArbiter } from './arbiter.js';
import { driveConnection } from './driver.js';
import { SatelliteRegistry } from './registry.js';

const EARLY_ENDPOINT_MS = 300;
/** With the grammar alone, a pause this long ends a rejected command. */
const REJECTED_ENDPOINT_MS = 450;
/** Pauses are transcribed from 100 ms on, and end an accepted command at 300 ms. */
const PAUSE_MARKS_MS = [100, EARLY_ENDPOINT_MS, REJECTED_ENDPOINT_MS];
const CHUNK_BYTES = 2048;
const FORMAT = { rate: 16000, width: 2, channels: 1 } as const;

let phrase: PhraseEngine;
/** The phrase engine as early endpointing calls it: its calls are the speculative ones. */
let speculative: SpeechToText & { transcribe: Mock<SpeechToText['transcribe']> };
/** Speculative transcriptions asked for, and finished. */
const speculations = () => ({
  started: speculative.transcribe.mock.calls.length,
  finished: speculative.transcribe.mock.settledResults.length,
});
let endpoint: WyomingServer;
let uri: string;
let registry: SatelliteRegistry;
/** The same, where nothing but the grammar hears commands: a rejection ends the command. */
let grammarOnlyEndpoint: WyomingServer;
let grammarOnlyUri: string;
const outcomes: TurnOutcome[] = [];
/** Server-side VADs loaded: a session's turns go without one until it is. */
let vads = 0;
const debugLines: string[] = [];
const clients: WyomingClient[] = [];

beforeAll(async () => {
  const home = new DemoHome();
  const recognizer = createIntentRecognizer();
  phrase = new PhraseEngine();
  await phrase.setSentences(recognizer.sentences(home, 'en'));
  speculative = {
    name: phrase.name,
    languages: phrase.languages,
    transcribe: vi.fn((utterance: Utterance, signal?: AbortSignal) =>
      phrase.transcribe(utterance, signal),
    ),
    close: () => Promise.resolve(),
  };
  const logger: Logger = {
    debug: (message) => debugLines.push(message),
    info() {},
    warn() {},
    error() {},
  };
  const deps = {
    engines: { stt: phrase, commandStt: speculative, tts: new EspeakTts(), recognizer, home },
    arbiter: new WakeArbiter({ windowMs: 300, rivals: () => 1 }),
    language: 'en',
    createVad: async () => {
      const vad = new VadStream({ detector: await SileroVad.load(), pauseMarksMs: PAUSE_MARKS_MS });
      vads++;
      return vad;
    },
    createWakeDetector: () => Promise.reject(new Error('not used')),
    earlyEndpointMs: EARLY_ENDPOINT_MS,
    onTurn: (_session: unknown, outcome: TurnOutcome) => outcomes.push(outcome),
    logger,
  };
  registry = new SatelliteRegistry(deps);
  const grammarOnly = new SatelliteRegistry({ ...deps, rejectedEndpointMs: REJECTED_ENDPOINT_MS });
  let connections = 0;
  const serve = (served: SatelliteRegistry) =>
    new WyomingServer({
      uri: 'tcp://127.0.0.1:0',
      handler: async (connection) => {
        const timing = {
          pingIntervalMs: 60_000,
          pingTimeoutMs: 120_000,
          reconnectMinMs: 500,
          reconnectMaxMs: 1000,
        };
        await driveConnection(served, `sat-${++connections}`, connection, timing, logger);
      },
    });
  endpoint = serve(registry);
  uri = await endpoint.start();
  grammarOnlyEndpoint = serve(grammarOnly);
  grammarOnlyUri = await grammarOnlyEndpoint.start();
}, 120_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.disconnect()));
  outcomes.splice(0);
  debugLines.splice(0);
  speculative.transcribe.mockClear();
});

afterAll(async () => {
  await endpoint.stop();
  await grammarOnlyEndpoint.stop();
  await phrase.close();
});

/** A satellite whose turn has begun: what the server sent it is collected in `seen`. */
async function startTurn(to = uri) {
  const loaded = vads;
  const client = await WyomingClient.connect(to);
  clients.push(client);
  await vi.waitFor(() => expect(vads).toBe(loaded + 1));
  const seen: Event[] = [];
  void (async () => {
    for await (const event of client.events()) seen.push(event);
  })().catch(() => {});
  await client.write(new RunPipeline({ start_stage: 'asr', end_stage: 'tts' }));
  await vi.waitFor(() => expect(seen.map((e) => e.type)).toContain('transcribe'));
  const stream = async (audio: Uint8Array) => {
    for (let offset = 0; offset < audio.byteLength; offset += CHUNK_BYTES) {
      const piece = audio.subarray(offset, offset + CHUNK_BYTES);
      await client.write(new AudioChunk({ ...FORMAT, audio: piece }));
    }
  };
  return { client, seen, stream };
}

const said = async (text: string, voice?: Voice) => trimmed((await speak(text, voice)).audio);

/** The turn's outcome, once the session has reported it. */
async function outcome(): Promise<TurnOutcome> {
  await vi.waitFor(() => expect(outcomes).toHaveLength(1), { timeout: 20_000 });
  return outcomes[0]!;
}

describe('early endpointing', () => {
  it('ends a command the grammar accepts after a short pause, without waiting for audio-stop', async () => {
    const turn = await startTurn();
    // 400 ms of silence: past the early endpoint, short of the 700 ms that end speech.
    await turn.stream(
      joinPcm(silence(300), await said('turn on the kitchen light', COMMAND_VOICE), silence(400))
        .audio,
    );

    const ended = await outcome();

    expect(ended).toMatchObject({ endpoint: 'early', transcript: 'turn on the kitchen light' });
    expect(ended.intent).toBe('HassTurnOn');
    // The satellite is told the speech is over, then the transcript (which stops its stream).
    const types = turn.seen.map((e) => e.type);
    expect(types.indexOf('voice-stopped')).toBeGreaterThan(-1);
    expect(types.indexOf('voice-stopped')).toBeLessThan(types.indexOf('transcript'));
    const transcript = turn.seen.find((e) => e.type === 'transcript')!;
    expect(transcript.data.text).toBe('turn on the kitchen light');
  }, 60_000);

  it('keeps listening through the pause when the speculative transcript is rejected, and ends at audio-stop', async () => {
    const turn = await startTurn();
    await turn.stream(
      joinPcm(silence(300), await said('who wrote the lord of the rings'), silence(400)).audio,
    );
    // The pause was transcribed and the grammar did not accept it.
    await vi.waitFor(
      () => {
        const { started, finished } = speculations();
        expect(started).toBeGreaterThan(0);
        expect(finished).toBe(started);
        expect(debugLines.some((line) => /speculative transcript not accepted/.test(line))).toBe(
          true,
        );
      },
      { timeout: 20_000 },
    );
    expect(registry.list()[0]!.phase).toBe('listening');
    expect(turn.seen.map((e) => e.type)).not.toContain('transcript');

    await turn.client.write(new AudioStop());
    const ended = await outcome();

    expect(ended).toMatchObject({ endpoint: 'audio-stop', rejected: 'not-understood' });
    expect(ended.intent).toBeUndefined();
  }, 60_000);

  it('with the grammar alone, ends a command it rejects once the pause lasts, without waiting for audio-stop', async () => {
    const turn = await startTurn(grammarOnlyUri);
    // 600 ms of silence: past the rejected endpoint, short of the 700 ms that end speech.
    await turn.stream(
      joinPcm(silence(300), await said('who wrote the lord of the rings'), silence(600)).audio,
    );

    const ended = await outcome();

    expect(ended).toMatchObject({ endpoint: 'not-understood', rejected: 'not-understood' });
    expect(ended.intent).toBeUndefined();
    expect(ended.response).toMatch(/didn.t catch that/i);
    // Rejected speculatively, which ended the command; the whole command decoded once more.
    expect(speculations().started).toBe(1);
    const types = turn.seen.map((e) => e.type);
    expect(types.indexOf('voice-stopped')).toBeGreaterThan(-1);
    expect(types.indexOf('voice-stopped')).toBeLessThan(types.indexOf('transcript'));
    expect(turn.seen.find((e) => e.type === 'transcript')!.data.text).toBe('');
  }, 60_000);

  it('does not cut a command at a pause followed by more speech', async () => {
    const turn = await startTurn();
    // "turn on the kitchen light" is a whole command by itself: its pause is transcribed, and
    // that transcript is dropped when the speaker goes on.
    const first = await said('turn on the kitchen light');
    const rest = await said('to fifty percent');
    await turn.stream(joinPcm(silence(300), first, silence(200), rest, silence(400)).audio);

    const ended = await outcome();

    expect(speculations().started).toBeGreaterThanOrEqual(2);
    expect(ended).toMatchObject({
      endpoint: 'early',
      transcript: 'turn on the kitchen light to fifty percent',
    });
    const dropped = debugLines.filter((line) => line.endsWith('speculative transcript is dropped'));
    expect(dropped.length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
