// Modes and routines heard by the real phrase engine (pocketsphinx, the grammar of the test home
// with the mode and routine sentences added): every new sentence is in the grammar (none dropped
// for unknown words), and flite's voice saying them is acted on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_VOICE, speak } from '../../../tests/helpers/speech.js';
import { PhraseEngine } from '../engines/stt/phrase-engine.js';
import { createIntentRecognizer } from '../intents/recognizer.js';
import { createTestHome, TEST_NOW } from '../intents/test-home.js';
import type { IntentRecognizer } from '../intents/types.js';
import { withRoutines } from '../routines/routine-recognizer.js';
import { TEST_ROUTINES } from '../routines/test-routines.js';
import { ManualClock } from '../speech/clock.js';
import { withModes } from './mode-recognizer.js';
import { ModeStore } from './mode-store.js';

const engine = new PhraseEngine();
const home = createTestHome();
const clock = new ManualClock(TEST_NOW.getTime());
const store = new ModeStore({ clock });
let recognizer: IntentRecognizer;
let summary: Awaited<ReturnType<PhraseEngine['setSentences']>>;

beforeAll(async () => {
  const routines = withRoutines(createIntentRecognizer(), { routines: TEST_ROUTINES });
  recognizer = withModes(routines, { store, clock, language: 'en' });
  summary = await engine.setSentences(recognizer.sentences(home, 'en'));
}, 300_000);
afterAll(() => engine.close());

describe('modes and routines by voice', () => {
  it('every mode and routine sentence is in the grammar', () => {
    expect(summary.dropped).toEqual([]);
  });

  for (const [said, intent] of [
    ['night mode until seven', 'JarvisSetMode'],
    ["don't disturb me", 'JarvisSetMode'],
    ['back to normal', 'JarvisSetMode'],
    ['movie night', 'JarvisRoutine'],
  ] as const) {
    it(`"${said}" heard and acted on`, async () => {
      const heard = await engine.recognize({ audio: (await speak(said, COMMAND_VOICE)).audio });
      expect(heard.text).toBe(said);
      const result = await recognizer.handle(heard.text, {
        home,
        conversationId: 'spoken',
        satellite: 'kitchen',
        now: TEST_NOW,
        timers: [],
      });
      expect(result?.intent).toBe(intent);
    });
  }
});
