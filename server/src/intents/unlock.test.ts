import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import { createIntentRecognizer } from './recognizer.js';
import { TEST_NOW, type TestHome, createTestHome, describeCall } from './test-home.js';
import type { HomeEntity } from '../home/home.js';
import type { IntentContext } from './types.js';

const GARAGE_DOOR: HomeEntity = {
  entity_id: 'cover.garage_door',
  domain: 'cover',
  name: 'Garage door',
  aliases: [],
  area_id: 'hallway',
  state: 'closed',
  attributes: { device_class: 'garage' },
};

function setup(home: TestHome = createTestHome(), sensitiveDomains: string[] = []) {
  const recognizer = createIntentRecognizer({ confirmationTimeoutMs: 30_000, sensitiveDomains });
  const say = (text: string, secondsLater = 0, extra: Partial<IntentContext> = {}) =>
    recognizer.handle(text, {
      home,
      area: 'hallway',
      conversationId: 'hallway-satellite',
      now: new Date(TEST_NOW.getTime() + secondsLater * 1000),
      timers: [],
      ...extra,
    });
  return { home, say };
}

describe('unlocking asks first', () => {
  it('asks, then unlocks on "yes"', async () => {
    const { home, say } = setup();
    const ask = await say('unlock the front door');
    expect(ask).toMatchObject({
      intent: 'HassUnlock',
      speech: 'Do you want me to unlock the front door?',
      expectsReply: true,
      calls: [],
    });
    expect(home.calls).toEqual([]);
    const yes = await say('Yes, please.', 5);
    expect(yes).toMatchObject({ intent: 'HassUnlock', speech: 'Unlocked the front door.' });
    expect(yes?.calls.map(describeCall)).toEqual(['lock.unlock lock.front_door']);
    expect(home.entity('lock.front_door')?.state).toBe('unlocked');
  });

  it('takes the "yes" only from the peer that was asked, in the same conversation', async () => {
    const { home, say } = setup();
    const asker = { peer: 'wyoming:192.168.1.20' };
    await say('unlock the front door', 0, asker);
    expect(await say('yes', 1)).toBeUndefined(); // the satellite of that conversation
    expect(await say('yes', 2, { peer: 'wyoming:192.168.1.66' })).toBeUndefined();
    expect(home.calls).toEqual([]);
    const yes = await say('yes', 3, asker);
    expect(yes?.calls.map(describeCall)).toEqual(['lock.unlock lock.front_door']);
  });

  it('asks, then does nothing on "no"', async () => {
    const { home, say } = setup();
    await say('unlock the front door');
    const no = await say('no', 3);
    expect(no).toMatchObject({
      intent: 'HassUnlock',
      speech: "OK, I won't unlock the front door.",
      calls: [],
      expectsReply: false,
    });
    expect(no?.failed).toBeUndefined();
    expect(home.calls).toEqual([]);
    expect(await say('yes', 4)).toBeUndefined();
  });

  it('"never mind" cancels too', async () => {
    const { home, say } = setup();
    await say('unlock the front door');
    expect((await say('never mind', 2))?.speech).toBe("OK, I won't unlock the front door.");
    expect(home.calls).toEqual([]);
  });

  it('a "yes" after the timeout does not unlock', async () => {
    const { home, say } = setup();
    await say('unlock the front door');
    const late = await say('yes', 31);
    expect(late).toMatchObject({
      intent: 'HassUnlock',
      speech: "I didn't unlock the front door: please ask again.",
      failed: true,
      calls: [],
    });
    expect(home.calls).toEqual([]);
    expect(home.entity('lock.front_door')?.state).toBe('locked');
  });

  it('only the same conversation can answer', async () => {
    const { home, say } = setup();
    await say('unlock the front door');
    expect(await say('yes', 1, { conversationId: 'kitchen-satellite' })).toBeUndefined();
    expect(home.calls).toEqual([]);
    expect((await say('yes', 2))?.speech).toBe('Unlocked the front door.');
  });

  it('anything else drops the question and is handled as a new request', async () => {
    const { home, say } = setup();
    await say('unlock the front door');
    const other = await say('turn on the light', 2);
    expect(other?.intent).toBe('HassTurnOn');
    expect(home.calls.map(describeCall)).toEqual(['light.turn_on light.hallway']);
    expect(await say('yes', 3)).toBeUndefined();
    expect(home.entity('lock.front_door')?.state).toBe('locked');
  });

  it('works in French: "déverrouille la porte d\'entrée" then "oui"', async () => {
    const { home, say } = setup();
    const ask = await say("déverrouille la porte d'entrée");
    expect(ask?.speech).toBe("Voulez-vous que je déverrouille la porte d'entrée ?");
    expect(ask?.language).toBe('fr');
    const yes = await say('Oui, vas-y !', 4);
    expect(yes).toMatchObject({ language: 'fr', speech: "J'ai déverrouillé la porte d'entrée." });
    expect(home.calls.map(describeCall)).toEqual(['lock.unlock lock.front_door']);
  });

  it('"non" in French cancels', async () => {
    const { home, say } = setup();
    await say('ouvre la porte');
    expect((await say('non merci', 1))?.speech).toBe(
      "D'accord, je ne déverrouille pas la porte d'entrée.",
    );
    expect(home.calls).toEqual([]);
  });

  it('says so when Home Assistant cannot be reached for the unlock', async () => {
    const home = createTestHome({ failWith: new EngineError('home-assistant', 'socket closed') });
    const { say } = setup(home);
    await say('unlock the front door');
    expect(await say('yes', 1)).toMatchObject({
      speech: "I can't reach Home Assistant right now.",
      failed: true,
      calls: [],
    });
  });

  it('locking needs no confirmation', async () => {
    const { home, say } = setup();
    home.set('lock.front_door', 'unlocked');
    expect(await say('lock the door')).toMatchObject({
      speech: 'Locked the front door.',
      expectsReply: false,
    });
    expect(home.entity('lock.front_door')?.state).toBe('locked');
  });
});

describe('opening, unlocking or disarming asks first, whatever the verb', () => {
  const withGarage = () => createTestHome({ extraEntities: [GARAGE_DOOR] });

  it.each(['open the garage door', 'turn on the garage door', 'turn the garage door on'])(
    '"%s" asks, then opens on "yes"',
    async (sentence) => {
      const { home, say } = setup(withGarage());
      const ask = await say(sentence);
      expect(ask).toMatchObject({
        speech: 'Do you want me to open the garage door?',
        expectsReply: true,
        calls: [],
      });
      expect(home.calls).toEqual([]);
      const yes = await say('yes', 2);
      expect(yes?.speech).toBe('Opened the garage door.');
      expect(home.calls.map(describeCall)).toEqual(['cover.open_cover cover.garage_door']);
    },
  );

  it('closing a garage door asks too (it moves the door), and "no" leaves it', async () => {
    const { home, say } = setup(withGarage());
    home.set('cover.garage_door', 'open');
    expect((await say('close the garage door'))?.expectsReply).toBe(true);
    expect((await say('no', 1))?.speech).toBe("OK, I won't touch the garage door.");
    expect(home.calls).toEqual([]);
  });

  it('a domain listed as sensitive asks before any action on it', async () => {
    const { home, say } = setup(createTestHome(), ['switch']);
    const ask = await say('turn on the coffee maker');
    expect(ask).toMatchObject({ expectsReply: true, calls: [] });
    expect(ask?.speech).toBe('Do you really want me to do that to the coffee maker?');
    expect((await say('yes', 1))?.speech).toBe('Turned on the coffee maker.');
    expect(home.calls.map(describeCall)).toEqual(['switch.turn_on switch.coffee_maker']);
  });

  it('speech heard too uncertainly for a sensitive action is not acted on, nor asked', async () => {
    const { home, say } = setup(withGarage());
    const unsure = { sureEnoughForSensitive: false };
    expect(await say('unlock the front door', 0, unsure)).toMatchObject({
      speech: "Sorry, I didn't catch that.",
      notSureEnough: true,
      calls: [],
    });
    expect(await say('yes', 1)).toBeUndefined();
    expect((await say('open the garage door', 2, unsure))?.speech).toBe(
      "Sorry, I didn't catch that.",
    );
    expect(home.calls).toEqual([]);
    // Ordinary actions are not held back by it.
    expect((await say('turn on the kitchen light', 3, unsure))?.calls).toHaveLength(1);
  });
});
