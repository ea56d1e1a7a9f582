// A command heard below the phrase engine's acceptance, but near it, is asked back through the
// real app (phrase engine, espeak-ng, the demo home): "Turn on the kitchen light?", nothing done,
// the turn says why; the satellite listens again, a spoken "yes" does it. The engine's thresholds
// are set around what it measures for the command and the "yes" in this voice, so that the
// command falls in the asking band and the "yes" is accepted, whatever the shipped calibration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhraseEngine } from '../server/src/engines/stt/phrase-engine.js';
import { DEMO_AREAS, demoEntities } from '../server/src/home/demo-data.js';
import { DemoHome } from '../server/src/home/demo-home.js';
import { createIntentRecognizer } from '../server/src/intents/index.js';
import { COMMAND_VOICE, joinPcm, silence, speak } from './helpers/speech.js';
import { startVoiceLoop, type VoiceLoop } from './helpers/voice-loop.js';

/** Commands to try, and the entity each turns on. */
const COMMANDS: Readonly<Record<string, string>> = {
  'turn on the kitchen light': 'light.kitchen',
  'turn on the bedroom lamp': 'light.bedroom_lamp',
  'turn on the coffee machine': 'switch.coffee_machine',
  'turn on the bedroom fan': 'fan.bedroom_fan',
  'turn on hue lamp two': 'light.hue_lamp_2',
};

let loop: VoiceLoop;
let home: DemoHome;
let stt: PhraseEngine;
let command: { said: string; audio: Uint8Array };
let yes: Uint8Array;
let heardYes: { text: string; confidence: number };

beforeAll(async () => {
  home = new DemoHome({ areas: [...DEMO_AREAS], entities: demoEntities() });
  const recognizer = createIntentRecognizer();
  const sentences = [...recognizer.sentences(home, 'en'), ...recognizer.answers('en')];
  const probe = new PhraseEngine();
  await probe.setSentences(sentences);
  const pause = silence(300);
  // A "yes" this voice is heard saying.
  heardYes = { text: '', confidence: 0 };
  for (const said of ['yes please', 'yes go ahead', 'sure']) {
    yes = joinPcm(pause, (await speak(said, COMMAND_VOICE)).audio, pause).audio;
    heardYes = await probe.recognize({ audio: yes });
    if (heardYes.text === said) break;
  }
  expect(heardYes.text).not.toBe('');
  // The command this voice is heard saying least surely, and less surely than "yes" (how sure
  // depends on the whole grammar: with the demo home's French aliases out of it, the first three
  // are all heard more surely than "yes please").
  let confidence = heardYes.confidence;
  for (const said of Object.keys(COMMANDS)) {
    const audio = joinPcm(pause, (await speak(said, COMMAND_VOICE)).audio, pause).audio;
    const heard = await probe.recognize({ audio });
    if (heard.text !== said || heard.confidence >= confidence) continue;
    command = { said, audio };
    confidence = heard.confidence;
  }
  await probe.close();
  expect(command).toBeDefined();
  stt = new PhraseEngine({
    minConfidence: (confidence + heardYes.confidence) / 2,
    askConfidence: confidence / 2,
  });
  await stt.setSentences(sentences);
  loop = await startVoiceLoop({
    stt,
    recognizer,
    home,
    satellite: { name: 'kitchen', area: 'Kitchen' },
  });
}, 180_000);

afterAll(async () => {
  await loop?.stop();
  await stt?.close();
});

describe('a command heard unsurely is asked back', () => {
  it('asks it back, does nothing, then does it on a spoken "yes"', async () => {
    const states = () => home.entities().map((entity) => `${entity.entity_id}=${entity.state}`);
    const before = states();
    const asked = await loop.command(joinPcm(silence(1000), command.audio).audio);
    expect(asked.transcript).toBe('');
    const question = `${command.said.charAt(0).toUpperCase()}${command.said.slice(1)}?`;
    expect(asked.outcome).toMatchObject({
      rejected: 'not-understood',
      askedBack: true,
      response: question,
      expectsReply: true,
    });
    expect(states()).toEqual(before);
    // The satellite listens again without the wake word.
    const answered = await loop.stream(yes, 'run-pipeline');
    expect(answered.transcript).toBe(heardYes.text);
    expect(answered.outcome.rejected).toBeUndefined();
    expect(home.entity(COMMANDS[command.said]!)?.state).toBe('on');
  }, 120_000);
});
