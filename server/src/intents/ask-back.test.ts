import { describe, expect, it } from 'vitest';
import { createIntentRecognizer } from './recognizer.js';
import { TEST_NOW, createTestHome, describeCall } from './test-home.js';
import type { IntentContext } from './types.js';

function setup() {
  const home = createTestHome();
  const recognizer = createIntentRecognizer({ confirmationTimeoutMs: 30_000 });
  const say = (text: string, secondsLater = 0, extra: Partial<IntentContext> = {}) =>
    recognizer.handle(text, {
      home,
      area: 'hallway',
      conversationId: 'kitchen-satellite',
      now: new Date(TEST_NOW.getTime() + secondsLater * 1000),
      timers: [],
      ...extra,
    });
  const unsure = (text: string, secondsLater = 0, extra: Partial<IntentContext> = {}) =>
    say(text, secondsLater, { askBack: true, sureEnoughForSensitive: false, ...extra });
  return { home, say, unsure };
}

describe('a sentence heard unsurely is asked back', () => {
  it('asks "Turn on the kitchen light?", does nothing, then does it on "yes"', async () => {
    const { home, say, unsure } = setup();
    const asked = await unsure('turn on the kitchen light');
    expect(asked).toMatchObject({
      speech: 'Turn on the kitchen light?',
      expectsReply: true,
      calls: [],
    });
    expect(home.calls).toEqual([]);
    const yes = await say('yes', 4);
    expect(yes?.calls.map(describeCall)).toEqual(['light.turn_on light.kitchen']);
    expect(yes?.speech).toMatch(/kitchen/i);
  });

  it('does nothing on "no", and a late "yes" does nothing either', async () => {
    const { home, say, unsure } = setup();
    await unsure('turn on the kitchen light');
    expect(await say('no', 2)).toMatchObject({ speech: 'OK.', calls: [] });
    await unsure('turn on the kitchen light', 10);
    expect(await say('yes', 60)).toMatchObject({
      speech: "I didn't do it: please ask again.",
      failed: true,
      calls: [],
    });
    expect(home.calls).toEqual([]);
  });

  it('asks in French, with French typography', async () => {
    const { say, unsure } = setup();
    const asked = await unsure('allume la lumière de la cuisine', 0, { language: 'fr' });
    expect(asked?.speech).toBe('Allume la lumière de la cuisine ?');
    expect(await say('non', 2, { language: 'fr' })).toMatchObject({ speech: "D'accord." });
  });

  it('never asks back what could open, unlock or disarm: "I didn\'t catch that"', async () => {
    const { home, say, unsure } = setup();
    for (const text of ['unlock the front door', 'lock the front door']) {
      const heard = await unsure(text);
      expect(heard).toMatchObject({ speech: "Sorry, I didn't catch that.", expectsReply: false });
    }
    expect(await say('yes', 2)).toBeUndefined();
    expect(home.calls).toEqual([]);
  });

  it('an unsure "yes" never answers a waiting question, which keeps waiting', async () => {
    const { home, say, unsure } = setup();
    await say('unlock the front door');
    expect(await unsure('yes', 1)).toBeUndefined();
    expect(home.calls).toEqual([]);
    const yes = await say('yes', 2);
    expect(yes?.calls.map(describeCall)).toEqual(['lock.unlock lock.front_door']);
  });

  it('puts the answers to its questions in the grammar, beside the commands', () => {
    const recognizer = createIntentRecognizer();
    expect(recognizer.answers('en')).toEqual(expect.arrayContaining(['yes please', 'no thanks']));
    expect(recognizer.answers('fr')).toEqual(expect.arrayContaining(['oui', 'non']));
  });
});
