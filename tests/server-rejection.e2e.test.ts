// The voice loop acts only on what it understood: a satellite connected to the real app (phrase
// engine, espeak-ng, the demo home with a garage door) says things that are not commands, or
// only sound like them, after the pause people leave for the chime. Nothing in the home changes,
// the answer is a spoken "Sorry, I didn't catch that" (once), and the turn says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AudioChunk,
  AudioStop,
  Detection,
  type Event,
  Info,
  Played,
  RunPipeline,
  Transcript,
} from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';
import { type RunningApp, startApp } from '../server/src/app.js';
import { ConfigSchema } from '../server/src/config/schema.js';
import { PhraseEngine } from '../server/src/engines/stt/phrase-engine.js';
import { EspeakTts } from '../server/src/engines/tts/espeak-tts.js';
import { DEMO_AREAS, demoEntities } from '../server/src/home/demo-data.js';
import { DemoHome } from '../server/src/home/demo-home.js';
import { createIntentRecognizer } from '../server/src/intents/index.js';
import type { TurnOutcome } from '../server/src/pipeline/turn.js';
import { COMMAND_VOICE, joinPcm, silence, speak, TEST_VOICES } from './helpers/speech.js';
import { nonSpeech, roomNoise } from '../server/bench/understanding-corpus.js';
import { GARAGE_DOOR } from '../server/bench/understanding-home.js';

let app: RunningApp;
let home: DemoHome;
let stt: PhraseEngine;
let satellite: WyomingClient;
let events: AsyncIterator<Event>;
const turns: TurnOutcome[] = [];

async function next(type: string): Promise<Event> {
  for (;;) {
    const { value, done } = await events.next();
    if (done) throw new Error(`connection closed while waiting for ${type}`);
    if (value.type === 'ping') await satellite.write({ type: 'pong', data: value.data });
    if (value.type === type) return value;
  }
}

/** One turn: the wake word, `audio` streamed, audio-stop; what was transcribed and said. */
async function turn(audio: Uint8Array): Promise<{ transcript: string; outcome: TurnOutcome }> {
  const before = turns.length;
  await satellite.write(new Detection({ name: 'hey_jarvis', context: { score: 0.9 } }));
  await satellite.write(new RunPipeline({ start_stage: 'asr', end_stage: 'tts' }));
  await next('transcribe');
  for (let offset = 0; offset < audio.length; offset += 2048) {
    const chunk = audio.subarray(offset, offset + 2048);
    await satellite.write(new AudioChunk({ rate: 16000, width: 2, channels: 1, audio: chunk }));
  }
  await satellite.write(new AudioStop());
  const transcript = Transcript.fromEvent(await next('transcript')).text;
  await next('audio-stop');
  await satellite.write(new Played());
  while (turns.length === before) await new Promise((resolve) => setTimeout(resolve, 10));
  return { transcript, outcome: turns[before]! };
}

beforeAll(async () => {
  home = new DemoHome({
    areas: [...DEMO_AREAS, { area_id: 'garage', name: 'Garage', aliases: [] }],
    entities: [...demoEntities(), structuredClone(GARAGE_DOOR)],
  });
  const recognizer = createIntentRecognizer();
  stt = new PhraseEngine();
  await stt.setSentences(recognizer.sentences(home, 'en'));
  const config = ConfigSchema.parse({
    wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false },
    http: { host: '127.0.0.1', port: 0, token: 'rejection-test-token' },
    discovery: { zeroconf: false },
  });
  app = await startApp(config, { stt, tts: new EspeakTts(), recognizer, home });
  app.bus.on((event) => {
    if (event.type === 'turn') turns.push(event as unknown as TurnOutcome);
  });
  satellite = await WyomingClient.connect(app.wyomingUri);
  await satellite.write(
    new Info({
      satellite: {
        name: 'garage',
        area: 'Garage',
        attribution: { name: 'test', url: '' },
        installed: true,
      },
    }),
  );
  events = satellite.events()[Symbol.asyncIterator]();
  await next('run-satellite');
}, 120_000);

afterAll(async () => {
  await satellite?.disconnect();
  await app?.stop();
  await stt?.close();
});

describe('the voice loop acts only on what it understood', () => {
  const states = () => home.entities().map((entity) => `${entity.entity_id}=${entity.state}`);

  it('out-of-grammar speech after a long silent pause: "I didn\'t catch that", nothing done', async () => {
    const before = states();
    for (const [i, said] of [
      'tell me a joke about cats',
      'who wrote the lord of the rings',
    ].entries()) {
      const speech = (await speak(said, [COMMAND_VOICE, TEST_VOICES[0]!][i])).audio;
      const { transcript, outcome } = await turn(
        joinPcm(silence(1500), speech, silence(300)).audio,
      );
      expect(transcript).toBe('');
      expect(outcome).toMatchObject({
        rejected: 'not-understood',
        response: "Sorry, I didn't catch that.",
      });
      expect(outcome.intent).toBeUndefined();
    }
    expect(states()).toEqual(before);
    // Back to idle once the apology has played.
    while (app.registry.find('garage')?.phase !== 'idle') {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }, 120_000);

  it('a cough, a door slam, room noise: no speech heard, nothing done', async () => {
    const before = states();
    const sounds = [
      ...nonSpeech('heldout')
        .slice(0, 2)
        .map((s) => s.audio),
      roomNoise(1500, -45, 9),
    ];
    for (const sound of sounds) {
      const { transcript, outcome } = await turn(joinPcm(silence(500), sound, silence(300)).audio);
      expect(transcript).toBe('');
      expect(outcome.rejected).toBeDefined();
      expect(outcome.response).toBe("Sorry, I didn't catch that.");
    }
    expect(states()).toEqual(before);
  }, 120_000);

  it('"turn on the garage heater" (no such device) never opens the garage door', async () => {
    for (const voice of [COMMAND_VOICE, ...TEST_VOICES.slice(0, 3)]) {
      const speech = (await speak('turn on the garage heater', voice)).audio;
      const { outcome } = await turn(joinPcm(silence(800), speech, silence(300)).audio);
      // Rejected, or at most a question that waits for a yes: never an opened door.
      expect(home.entity('cover.garage_door')?.state).toBe('closed');
      if (!outcome.rejected) expect(outcome.expectsReply).toBe(true);
      if (outcome.expectsReply) {
        // The satellite listens again for the answer: say nothing, the question lapses.
        const count = turns.length;
        await next('transcribe');
        await satellite.write(new AudioStop());
        await next('audio-stop');
        await satellite.write(new Played());
        while (turns.length === count) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  }, 180_000);
});
