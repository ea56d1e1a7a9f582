import { describe, expect, it } from 'vitest';
import { DEMO_AREAS, demoEntities } from '../home/demo-data.js';
import { HashedEmbedder } from '../memory/hashed-embedder.js';
import { DeviceRetriever, keywords, meaningBonus } from './relevance.js';

const entities = demoEntities();

describe('keywords', () => {
  it('folds, reduces plurals and drops function words', () => {
    expect([...keywords('Allume les lumières du Salon')]).toEqual(['allume', 'lumiere', 'salon']);
    expect([...keywords('Is the kitchen light on?')]).toEqual(['kitchen', 'light']);
  });
});

describe('DeviceRetriever', () => {
  const retriever = new DeviceRetriever({ limit: 4 });
  const table: [string, string | undefined, string[]][] = [
    ['Is the kitchen light on?', 'living_room', ['light.kitchen']],
    ['allume la lumière', 'bedroom', ['light.bedroom_lamp']],
    ['turn on the light', 'living_room', ['light.living_room_ceiling']],
    ['close the blinds', 'bedroom', ['cover.bedroom_blinds']],
    ['mets la télé plus fort', 'bedroom', ['media_player.samsung_tv']],
    ['is the front door locked?', undefined, ['lock.front_door']],
  ];
  it.each(table)('"%s" in %s → first %j', async (text, here, first) => {
    const picked = await retriever.select(text, entities, DEMO_AREAS, here);
    expect(picked.slice(0, first.length).map((e) => e.entity_id)).toEqual(first);
    expect(picked.length).toBeLessThanOrEqual(4);
  });

  it('picks nothing for a question about something else', async () => {
    expect(
      await retriever.select('What is the capital of France?', entities, DEMO_AREAS, 'kitchen'),
    ).toEqual([]);
    expect(
      await retriever.select('Raconte-moi une blague', entities, DEMO_AREAS, 'kitchen'),
    ).toEqual([]);
  });

  it('can weigh meaning through an embedder', async () => {
    // No word of "an espresso" is in a device's names: only meaning links it to the coffee machine.
    expect(
      await retriever.select('I would love an espresso', entities, DEMO_AREAS, undefined),
    ).toEqual([]);
    const withMeaning = new DeviceRetriever({ embedder: new HashedEmbedder(), limit: 12 });
    const picked = await withMeaning.select(
      'I would love an espresso',
      entities,
      DEMO_AREAS,
      undefined,
    );
    expect(picked[0]?.entity_id).toBe('switch.coffee_machine');
  });
});

describe('meaningBonus', () => {
  const table: [string, number[], number, number][] = [
    ['one device stands out', [0.02, 0.03, 0.18, 0.01, 0.02], 2, 2.36],
    ['the others are ordinary', [0.02, 0.03, 0.18, 0.01, 0.02], 0, 0],
    ['all alike at a neural level', [0.42, 0.45, 0.44, 0.43, 0.41], 1, 0],
    ['one neural outlier', [0.42, 0.45, 0.71, 0.43, 0.41], 2, 3.42],
    ['below the floor', [0.01, 0.0, 0.1, 0.0, 0.01], 2, 0],
  ];
  it.each(table)('%s', (_name, similarities, i, expected) => {
    expect(meaningBonus(similarities, i, 0.15)).toBeCloseTo(expected, 5);
  });
});
