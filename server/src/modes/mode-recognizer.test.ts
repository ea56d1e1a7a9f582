import { describe, expect, it } from 'vitest';
import { createIntentRecognizer } from '../intents/recognizer.js';
import { createTestHome, describeCall, TEST_NOW } from '../intents/test-home.js';
import { ManualClock } from '../speech/clock.js';
import type { RoomMode } from '../speech/schedule.js';
import { ModeStore } from './mode-store.js';
import { withModes } from './mode-recognizer.js';

interface Row {
  readonly mode: RoomMode;
  readonly say: string;
  /** The satellite that heard it (none: the API). */
  readonly satellite?: string;
  /** null: left to the agent. */
  readonly intent: string | null;
  readonly speech?: string;
  readonly calls?: readonly string[];
}

const ROWS: readonly Row[] = [
  { mode: 'normal', say: 'turn on the coffee maker', intent: 'HassTurnOn' },
  { mode: 'normal', say: 'tell me a joke', intent: null },
  { mode: 'silent', say: 'turn on the coffee maker', intent: 'HassTurnOn' },
  { mode: 'dnd', say: 'tell me a joke', intent: null },
  { mode: 'night', say: 'turn on the kitchen light', intent: 'HassTurnOn' },
  { mode: 'night', say: 'turn off the lights in the bedroom', intent: 'HassTurnOff' },
  { mode: 'night', say: 'lock the front door', intent: 'HassLock' },
  { mode: 'night', say: 'set a timer for 5 minutes', intent: 'HassStartTimer' },
  { mode: 'night', say: 'never mind', intent: 'HassNevermind' },
  { mode: 'night', say: 'remind me in 20 minutes to take my pills', intent: 'JarvisReminderSet' },
  { mode: 'night', say: 'what are my reminders', intent: 'JarvisReminderList' },
  {
    mode: 'night',
    say: 'rappelle-moi dans 20 minutes de sortir le chien',
    intent: 'JarvisReminderSet',
  },
  {
    mode: 'night',
    say: 'turn on the coffee maker',
    intent: 'JarvisModeRefused',
    speech: 'Not at night.',
    calls: [],
  },
  {
    mode: 'night',
    say: 'allume la cafetière',
    intent: 'JarvisModeRefused',
    speech: 'Pas la nuit.',
  },
  { mode: 'night', say: 'pause the tv', intent: 'JarvisModeRefused', calls: [] },
  { mode: 'night', say: 'what time is it', intent: 'JarvisModeRefused' },
  { mode: 'night', say: 'tell me a joke', intent: 'JarvisModeRefused', speech: 'Not at night.' },
  {
    mode: 'night',
    say: 'raconte-moi une blague',
    intent: 'JarvisModeRefused',
    speech: 'Pas la nuit.',
  },
  { mode: 'night', say: 'back to normal', intent: 'JarvisSetMode', speech: 'Back to normal.' },
  { mode: 'dnd', say: 'night mode', intent: 'JarvisSetMode', speech: 'Night mode.' },
];

async function run(row: Row, store: ModeStore, clock: ManualClock) {
  const home = createTestHome();
  const recognizer = withModes(createIntentRecognizer({ newId: () => 'timer-1' }), {
    store,
    clock,
    language: 'en',
  });
  const result = await recognizer.handle(row.say, {
    home,
    area: 'bedroom',
    conversationId: 'table',
    now: TEST_NOW,
    timers: [],
    satellite: row.satellite,
  });
  return { result, homeCalls: home.calls.map(describeCall) };
}

describe('the local intents as the mode lets them through', () => {
  for (const row of ROWS) {
    it(`${row.mode}: "${row.say}" -> ${row.intent ?? 'the agent'}`, async () => {
      const clock = new ManualClock(TEST_NOW.getTime());
      const store = new ModeStore({ clock });
      store.set(row.mode);
      const { result, homeCalls } = await run(row, store, clock);
      expect(result?.intent ?? null).toBe(row.intent);
      if (row.speech) expect(result?.speech).toBe(row.speech);
      if (row.calls) expect(homeCalls).toEqual(row.calls);
    });
  }

  it("a satellite's own mode decides for what it hears; the API follows the house", async () => {
    const clock = new ManualClock(TEST_NOW.getTime());
    const store = new ModeStore({ clock });
    store.set('night');
    store.set('normal', { satellite: 'office' });
    const say = 'turn on the coffee maker';
    expect(
      (await run({ mode: 'night', say, satellite: 'office', intent: null }, store, clock)).result
        ?.intent,
    ).toBe('HassTurnOn');
    expect(
      (await run({ mode: 'night', say, satellite: 'kitchen', intent: null }, store, clock)).result
        ?.intent,
    ).toBe('JarvisModeRefused');
    expect((await run({ mode: 'night', say, intent: null }, store, clock)).result?.intent).toBe(
      'JarvisModeRefused',
    );
  });

  it('"here" sets the mode of the satellite that heard it; without one, the house', async () => {
    const clock = new ManualClock(TEST_NOW.getTime());
    const store = new ModeStore({ clock });
    const here = await run(
      { mode: 'normal', say: 'silent mode here', satellite: 'kitchen', intent: null },
      store,
      clock,
    );
    expect(here.result?.speech).toBe('Silent mode in this room.');
    expect(store.snapshot()).toEqual({
      house: { mode: 'normal' },
      satellites: { kitchen: { mode: 'silent' } },
    });
    const api = await run({ mode: 'normal', say: 'silent mode here', intent: null }, store, clock);
    expect(api.result?.speech).toBe('Silent mode.');
    expect(store.snapshot()).toEqual({ house: { mode: 'silent' }, satellites: {} });
  });

  it('adds the mode sentences to the grammar', () => {
    const clock = new ManualClock(TEST_NOW.getTime());
    const base = createIntentRecognizer();
    const recognizer = withModes(base, { store: new ModeStore({ clock }), clock, language: 'en' });
    const home = createTestHome();
    const sentences = recognizer.sentences(home, 'en');
    const all = new Set(sentences);
    expect(base.sentences(home, 'en').every((sentence) => all.has(sentence))).toBe(true);
    expect(sentences).toContain('night mode until seven');
  });
});
