// A voice turn whose speech-to-text is Moonshine, the general engine: what it writes goes to the
// local intents, so an action that opens or unlocks is only ever asked for, and an engine that
// cannot load gives the spoken apology. Real weights, real espeak-ng and flite speech.
import { afterAll, describe, expect, it } from 'vitest';
import { AudioChunk, type Event, type Eventable, Transcript } from 'wyoming-ts';
import { joinPcm, silence, speak, type Voice } from '../../../tests/helpers/speech.js';
import { englishHome } from '../../bench/understanding-home.js';
import { MoonshineEngine } from '../engines/stt/moonshine-engine.js';
import { DEFAULT_SENSITIVE_CONFIDENCE, type SpeechToText } from '../engines/stt/stt.js';
import { EspeakTts } from '../engines/tts/espeak-tts.js';
import { createIntentRecognizer } from '../intents/index.js';
import { Turn } from './turn.js';

const FORMAT = { rate: 16000, width: 2, channels: 1 } as const;
/** A voice Moonshine hears these commands right in (it writes flite's slt "turn on" as "turned on"). */
const VOICE: Voice = { engine: 'espeak-ng', name: 'en-us' };
const moonshine = new MoonshineEngine();
const tts = new EspeakTts();
afterAll(() => Promise.all([moonshine.close(), tts.close()]));

/** `said` (after a pause, as after the chime) through one turn; what was sent and how it ended. */
async function turn(said: string, stt: SpeechToText = moonshine) {
  const home = englishHome();
  const events: Event[] = [];
  const turn = new Turn({
    engines: { stt, tts, recognizer: createIntentRecognizer(), home },
    send: async (event: Event | Eventable) => {
      events.push('toEvent' in event ? event.toEvent() : event);
    },
    conversationId: `general-${said}`,
    area: 'living_room',
    language: 'en',
    timers: () => [],
    sensitiveConfidence: DEFAULT_SENSITIVE_CONFIDENCE,
  });
  const audio = joinPcm(silence(800), (await speak(said, VOICE)).audio, silence(400));
  turn.pushAudio(new AudioChunk({ ...FORMAT, audio: audio.audio }));
  const outcome = await turn.endOfSpeech();
  const transcript = events.find((event) => event.type === 'transcript');
  return { home, events, outcome, transcript: transcript && Transcript.fromEvent(transcript) };
}

describe('a turn heard by Moonshine', () => {
  it('does a command it wrote down', async () => {
    const { home, outcome, transcript } = await turn('turn on the kitchen light');
    expect(transcript?.text.toLowerCase()).toContain('kitchen light');
    expect(outcome).toMatchObject({ intent: 'HassTurnOn', failed: false });
    expect(home.entity('light.kitchen')?.state).toBe('on');
  });

  it.each([
    ['open the garage door', 'cover.garage_door', 'closed'],
    ['turn on the garage door', 'cover.garage_door', 'closed'],
    ['unlock the front door', 'lock.front_door', 'locked'],
  ])('"%s": asked first, never done on its text alone', async (said, entity, state) => {
    const { home, outcome } = await turn(said);
    expect(home.entity(entity)?.state).toBe(state);
    expect(outcome).toMatchObject({ expectsReply: true, failed: false });
    expect(outcome.rejected).toBeUndefined();
    expect(outcome.response).toMatch(/^Do you want me to (open|unlock) the (garage|front) door\?$/);
  });

  it('an engine that cannot load: an error event and the spoken apology, nothing done', async () => {
    const broken = new MoonshineEngine({ modelDir: '/nonexistent' });
    const { home, events, outcome } = await turn('turn on the kitchen light', broken);
    expect(outcome).toMatchObject({ failed: true, errorCode: 'stt-failed', spoke: true });
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['error', 'audio-start', 'audio-stop']),
    );
    expect(home.entity('light.kitchen')?.state).toBe('off');
    await broken.close();
  });
});
