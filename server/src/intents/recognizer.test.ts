import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import type { HomeEntity } from '../home/home.js';
import { createIntentRecognizer } from './recognizer.js';
import { TEST_NOW, createTestHome, describeCall } from './test-home.js';
import type { IntentContext } from './types.js';

const recognizer = createIntentRecognizer();

function context(overrides: Partial<IntentContext> = {}): IntentContext {
  return {
    home: createTestHome(),
    area: 'kitchen',
    conversationId: 'test',
    now: TEST_NOW,
    timers: [],
    ...overrides,
  };
}

function light(id: string, name: string, area: string, extra: Partial<HomeEntity> = {}) {
  return {
    entity_id: `light.${id}`,
    domain: 'light',
    name,
    aliases: [],
    area_id: area,
    state: 'off',
    attributes: {},
    ...extra,
  };
}

describe('language', () => {
  it('is detected from the sentence when not given', async () => {
    expect((await recognizer.handle('what time is it', context()))?.language).toBe('en');
    expect((await recognizer.handle('quelle heure est-il', context()))?.language).toBe('fr');
  });

  it('is the one given when given, region or not', async () => {
    const fr = await recognizer.handle('quelle heure est-il', context({ language: 'fr-FR' }));
    expect(fr).toMatchObject({ intent: 'HassGetCurrentTime', language: 'fr' });
    expect(
      await recognizer.handle('quelle heure est-il', context({ language: 'en' })),
    ).toBeUndefined();
  });

  it('is detected when the one given is not known', async () => {
    const result = await recognizer.handle('what time is it', context({ language: 'de' }));
    expect(result?.language).toBe('en');
  });

  it('lists the languages it understands', () => {
    expect(recognizer.languages).toEqual(['en', 'fr']);
  });
});

describe('tolerance', () => {
  it.each([
    'Éteins la lumière de l’Entrée !',
    'eteins la lumiere de l entree',
    'ÉTEINS  LA LUMIÈRE DE L’ENTRÉE...',
    'éteins la lumière dans l’entrée',
  ])('%s', async (say) => {
    const result = await recognizer.handle(say, context());
    expect(result?.calls.map(describeCall)).toEqual(['light.turn_off light.hallway']);
  });

  it('takes names, aliases and areas live from the home', async () => {
    const extra = light('aquarium', 'Aquarium', 'living_room', { aliases: ['Bac à poissons'] });
    const home = createTestHome({ extraEntities: [extra] });
    const on = await recognizer.handle('turn on the aquarium', context({ home }));
    expect(on?.calls.map(describeCall)).toEqual(['light.turn_on light.aquarium']);
    const off = await recognizer.handle('éteins le bac a poissons', context({ home }));
    expect(off?.speech).toBe("J'ai éteint le bac à poissons.");
  });

  it('matches names with numbers said in words or digits', async () => {
    const home = createTestHome({ extraEntities: [light('hue_2', 'Hue lamp 2', 'living_room')] });
    for (const say of [
      'turn on hue lamp two',
      'turn on the Hue lamp 2',
      'allume la hue lamp deux',
    ]) {
      const result = await recognizer.handle(say, context({ home }));
      expect(result?.calls.map(describeCall)).toEqual(['light.turn_on light.hue_2']);
    }
  });

  it('finds the area of the satellite by id, name or alias', async () => {
    for (const area of ['bedroom', 'Bedroom', 'chambre']) {
      const result = await recognizer.handle('turn off the light', context({ area }));
      expect(result?.calls.map(describeCall)).toEqual(['light.turn_off light.bedroom_lamp']);
    }
  });
});

describe('devices with the same name', () => {
  const home = () =>
    createTestHome({
      extraEntities: [
        light('desk_kitchen', 'Desk lamp', 'kitchen'),
        light('desk_bedroom', 'Desk lamp', 'bedroom'),
      ],
    });

  it('are told apart by the satellite area', async () => {
    const result = await recognizer.handle('turn on the desk lamp', context({ home: home() }));
    expect(result?.calls.map(describeCall)).toEqual(['light.turn_on light.desk_kitchen']);
  });

  it('are ambiguous elsewhere', async () => {
    const result = await recognizer.handle(
      'turn on the desk lamp',
      context({ home: home(), area: 'hallway' }),
    );
    expect(result).toMatchObject({
      intent: 'HassTurnOn',
      failed: true,
      calls: [],
      speech: 'Several devices are called desk lamp. Which one do you mean?',
    });
  });
});

describe('Home Assistant out of reach', () => {
  const down = new EngineError('home-assistant', 'connection refused', { retryable: true });

  it.each([
    ['turn on the kitchen light', "I can't reach Home Assistant right now."],
    ['allume la lumière du salon à 50 %', "Je n'arrive pas à joindre Home Assistant."],
    ['set the temperature to 20 degrees', "I can't reach Home Assistant right now."],
  ])('%s', async (say, speech) => {
    const home = createTestHome({ failWith: down });
    const result = await recognizer.handle(say, context({ home }));
    expect(result).toMatchObject({ speech, failed: true, calls: [], expectsReply: false });
  });

  it('is not called at all when it is known to be disconnected', async () => {
    const home = createTestHome({ connected: false });
    const result = await recognizer.handle('turn on the kitchen light', context({ home }));
    expect(result).toMatchObject({
      failed: true,
      speech: "I can't reach Home Assistant right now.",
    });
    expect(home.calls).toEqual([]);
  });

  it('lets other errors through: they are bugs, not outages', async () => {
    const home = createTestHome({ failWith: new TypeError('oops') });
    await expect(recognizer.handle('turn on the kitchen light', context({ home }))).rejects.toThrow(
      'oops',
    );
  });
});

describe('colour temperature', () => {
  it('stays within what the lights can do', async () => {
    const narrow = light('narrow', 'Narrow lamp', 'kitchen', {
      attributes: { min_color_temp_kelvin: 3000, max_color_temp_kelvin: 4500 },
    });
    const home = createTestHome({ extraEntities: [narrow] });
    const warm = await recognizer.handle('set the narrow lamp to warm', context({ home }));
    expect(warm?.calls[0]?.data).toEqual({ color_temp_kelvin: 3000 });
    const cold = await recognizer.handle('set the narrow lamp to daylight', context({ home }));
    expect(cold?.calls[0]?.data).toEqual({ color_temp_kelvin: 4500 });
  });
});

describe('no match', () => {
  it.each(['', '   ', '?!', 'tell me a joke', 'raconte-moi une blague', 'turn', 'yes', 'oui'])(
    '%j',
    async (say) => {
      expect(await recognizer.handle(say, context())).toBeUndefined();
    },
  );
});
