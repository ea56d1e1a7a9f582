// The voice loop acts only on what it understood: a satellite connected to the real app (phrase
// engine, espeak-ng, the demo home with a garage door) says things that are not commands, or
// only sound like them, after the pause people leave for the chime. Nothing in the home changes,
// the answer is a spoken "Sorry, I didn't catch that" (once), and the turn says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AudioStop, Played } from 'wyoming-ts';
import { DEFAULT_DICTIONARY, PhraseEngine } from '../server/src/engines/stt/phrase-engine.js';
import type { DemoHome } from '../server/src/home/demo-home.js';
import { createIntentRecognizer } from '../server/src/intents/index.js';
import { installedNameLanguage } from '../server/src/intents/word-language.js';
import { COMMAND_VOICE, joinPcm, silence, speak, TEST_VOICES } from './helpers/speech.js';
import { startVoiceLoop, type VoiceLoop } from './helpers/voice-loop.js';
import { nonSpeech, roomNoise } from '../server/bench/understanding-corpus.js';
import { demoHomeWithGarage } from '../server/bench/understanding-home.js';
import { turnEventData } from '../server/src/mqtt/states.js';

let loop: VoiceLoop;
let home: DemoHome;
let stt: PhraseEngine;

/** One turn: the wake word, `audio` streamed, audio-stop; what was transcribed and said. */
const turn = (audio: Uint8Array) => loop.command(audio);

beforeAll(async () => {
  home = demoHomeWithGarage();
  // Names in the grammar of their language, told as the server tells them.
  const { nameLanguage } = await installedNameLanguage({ englishDictionary: DEFAULT_DICTIONARY });
  const recognizer = createIntentRecognizer({ nameLanguage });
  stt = new PhraseEngine();
  await stt.setSentences([...recognizer.sentences(home, 'en'), ...recognizer.answers('en')]);
  loop = await startVoiceLoop({
    stt,
    recognizer,
    home,
    satellite: { name: 'garage', area: 'Garage' },
  });
}, 120_000);

afterAll(async () => {
  await loop?.stop();
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
      // Home Assistant's `jarvis_turn` event says why, without what was said.
      expect(turnEventData('garage', outcome, false)).toMatchObject({
        rejected: 'not-understood',
        intent: null,
      });
      expect(turnEventData('garage', outcome, false)).not.toHaveProperty('transcript');
    }
    expect(states()).toEqual(before);
    // Back to idle once the apology has played.
    while (loop.app.registry.find('garage')?.phase !== 'idle') {
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

  it('"turn on the garage heater" (no such device): nothing done, in any voice', async () => {
    const before = states();
    for (const voice of [COMMAND_VOICE, ...TEST_VOICES.slice(0, 3)]) {
      const speech = (await speak('turn on the garage heater', voice)).audio;
      const { outcome } = await turn(joinPcm(silence(800), speech, silence(300)).audio);
      // "Sorry, I didn't catch that" (rejected, or heard as a sensitive action without the
      // confidence it needs: flite's slt hears "turn on the garage door"), or a question that
      // waits for a yes; never done at once. The demo home's French aliases are not in the
      // English grammar any more: slt heard "turn on the cafetière" and acted when they were.
      const heard = `${voice.name}: ${JSON.stringify(outcome)}`;
      expect(
        outcome.response === "Sorry, I didn't catch that." || outcome.expectsReply,
        heard,
      ).toBe(true);
      expect(outcome.transcript ?? '', heard).not.toMatch(/caf|ventilateur|couloir/);
      // The turn event says why nothing was done, whichever way it was refused.
      if (!outcome.expectsReply) {
        expect(['not-understood', 'not-sure-enough'], heard).toContain(outcome.rejected);
      }
      if (outcome.expectsReply) {
        // The satellite is told to listen again for the answer: say nothing, the question lapses.
        const count = loop.turns.length;
        await loop.next('run-pipeline');
        await loop.satellite.write(new AudioStop());
        await loop.next('audio-stop');
        await loop.satellite.write(new Played());
        while (loop.turns.length === count) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      expect(states(), voice.name).toEqual(before);
    }
  }, 180_000);
});
