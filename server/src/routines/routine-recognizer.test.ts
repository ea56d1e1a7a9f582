import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import type { HomeEntity, ServiceCall } from '../home/home.js';
import { createIntentRecognizer } from '../intents/recognizer.js';
import { createTestHome, TEST_NOW } from '../intents/test-home.js';
import { withRoutines } from './routine-recognizer.js';
import { TEST_ROUTINES } from './test-routines.js';

const extra = (entity_id: string, name: string): HomeEntity => ({
  entity_id,
  domain: entity_id.split('.')[0]!,
  name,
  aliases: [],
  state: 'off',
  attributes: {},
});
const EXTRA = [extra('alarm_control_panel.home', 'Home alarm'), extra('scene.movie', 'Movie')];

/** A call on one line, with its entities or areas. */
const describe_ = (call: ServiceCall) =>
  `${call.domain}.${call.service} ${[...(call.target?.entity_id ?? []), ...(call.target?.area_id ?? [])].join(',')}${call.data ? ` ${JSON.stringify(call.data)}` : ''}`;

interface Row {
  readonly name: string;
  /** Said in turn in one conversation; a number waits that many seconds first. */
  readonly say: readonly (string | number)[];
  readonly speech: readonly string[];
  readonly calls: readonly string[];
  /** The last answer failed. */
  readonly failed?: boolean;
  /** Home Assistant refuses this domain's services. */
  readonly refuse?: string;
  readonly unsure?: boolean;
}

const NIGHT_CALLS = [
  'light.turn_off kitchen,living_room,hallway',
  'light.turn_on light.bedroom_lamp {"brightness_pct":10}',
  'alarm_control_panel.alarm_arm_night alarm_control_panel.home',
];

const ROWS: readonly Row[] = [
  {
    name: 'good night, confirmed',
    say: ['good night', 'yes'],
    speech: ['Shall I get the house ready for the night?', 'Good night.'],
    calls: NIGHT_CALLS,
  },
  {
    name: 'je vais me coucher, confirmé',
    say: ['Je vais me coucher', 'oui'],
    speech: ['Je prépare la maison pour la nuit ?', 'Bonne nuit.'],
    calls: NIGHT_CALLS,
  },
  {
    name: 'good night, declined',
    say: ["jarvis I'm going to bed", 'no thanks'],
    speech: ['Shall I get the house ready for the night?', "OK, I won't."],
    calls: [],
  },
  {
    name: 'good night, then something else',
    say: ['good night', 'turn on the kitchen light'],
    speech: ['Shall I get the house ready for the night?', 'Turned on the kitchen light.'],
    calls: ['light.turn_on light.kitchen'],
  },
  {
    name: 'good night, answered too late',
    say: ['good night', 31, 'yes'],
    speech: ['Shall I get the house ready for the night?', "I didn't do it: please ask again."],
    calls: [],
    failed: true,
  },
  {
    name: 'good night, the alarm refused: the rest is done',
    say: ['good night', 'yes'],
    refuse: 'alarm_control_panel',
    speech: [
      'Shall I get the house ready for the night?',
      'Good night. Not done: Home alarm failed.',
    ],
    calls: NIGHT_CALLS.slice(0, 2),
    failed: true,
  },
  {
    name: 'entities that no longer exist: the others run',
    say: ['movie night'],
    speech: [
      'Enjoy the film. Not done: light.old_lamp no longer exists and light.gone no longer exists.',
    ],
    calls: ['scene.turn_on scene.movie', 'light.turn_off light.hallway'],
    failed: true,
  },
  {
    name: 'arming asks even without a question of its own',
    say: ["I'm leaving", 'sure'],
    speech: ['Do you want me to run leaving?', 'Done.'],
    calls: [
      'lock.lock lock.front_door',
      'alarm_control_panel.alarm_arm_away alarm_control_panel.home',
    ],
  },
  {
    name: 'heard too unsurely to arm',
    say: ["I'm leaving"],
    unsure: true,
    speech: ["Sorry, I didn't catch that."],
    calls: [],
  },
  {
    name: 'nothing sensitive: at once',
    say: ['coffee time please'],
    speech: ['Done.'],
    calls: ['switch.turn_on switch.coffee_maker'],
  },
  {
    name: 'en français',
    say: ["c'est l'heure du café"],
    speech: ["C'est fait."],
    calls: ['switch.turn_on switch.coffee_maker'],
  },
];

describe('routines', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      const home = createTestHome({ extraEntities: EXTRA });
      const made: string[] = [];
      const callService = home.callService.bind(home);
      home.callService = async (call, signal) => {
        if (call.domain === row.refuse) throw new EngineError('home-assistant', 'Not allowed');
        made.push(describe_(call));
        if (call.target?.area_id) return; // the test home knows entities only
        await callService(call, signal);
      };
      const recognizer = withRoutines(createIntentRecognizer(), { routines: TEST_ROUTINES });
      let now = TEST_NOW.getTime();
      const speech: string[] = [];
      let last;
      for (const say of row.say) {
        if (typeof say === 'number') {
          now += say * 1000;
          continue;
        }
        last = await recognizer.handle(say, {
          home,
          area: 'bedroom',
          conversationId: 'bedroom',
          now: new Date(now),
          timers: [],
          sureEnoughForSensitive: !row.unsure,
        });
        speech.push(last?.speech ?? '(none)');
      }
      expect(speech).toEqual(row.speech);
      expect(made).toEqual(row.calls);
      expect(last?.failed ?? false).toBe(row.failed ?? false);
      expect(last?.notSureEnough ?? false).toBe(row.unsure ?? false);
    });
  }

  it('a question is answered only by the peer it was asked of', async () => {
    const home = createTestHome({ extraEntities: EXTRA });
    const recognizer = withRoutines(createIntentRecognizer(), { routines: TEST_ROUTINES });
    const context = { home, conversationId: 'http', now: TEST_NOW, timers: [] };
    await recognizer.handle("I'm leaving", { ...context, peer: 'wyoming:10.0.0.2' });
    expect(
      await recognizer.handle('yes', { ...context, peer: 'wyoming:10.0.0.3' }),
    ).toBeUndefined();
    expect(home.calls).toEqual([]);
  });

  it('adds the trigger sentences to the grammar', () => {
    const base = createIntentRecognizer();
    const recognizer = withRoutines(base, { routines: TEST_ROUTINES });
    const home = createTestHome();
    const en = recognizer.sentences(home, 'en');
    const own = new Set(en);
    expect(base.sentences(home, 'en').every((sentence) => own.has(sentence))).toBe(true);
    for (const sentence of ['movie time', 'movie night', "I'm leaving"])
      expect(own.has(sentence), sentence).toBe(true);
    expect(recognizer.sentences(home, 'fr')).toContain('je vais me coucher');
  });
});
