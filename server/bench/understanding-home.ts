// The home the understanding benchmark talks to: the demo home as an English-speaking household
// names it (no French aliases), with a garage door, so that opening it can be asked for.
import { DEMO_AREAS, demoEntities } from '../src/home/demo-data.js';
import { DemoHome } from '../src/home/demo-home.js';
import type { HomeEntity } from '../src/home/home.js';

const ENGLISH_ALIASES = new Set(['Heating', 'TV']);

export const GARAGE_DOOR: HomeEntity = {
  entity_id: 'cover.garage_door',
  domain: 'cover',
  name: 'Garage door',
  aliases: [],
  area_id: 'garage',
  state: 'closed',
  attributes: { device_class: 'garage', friendly_name: 'Garage door', supported_features: 3 },
};

export function englishHome(): DemoHome {
  const areas = [
    ...DEMO_AREAS.map((area) => ({ ...area, aliases: [] })),
    { area_id: 'garage', name: 'Garage', aliases: [] },
  ];
  const entities = [
    ...demoEntities().map((entity) => ({
      ...entity,
      aliases: entity.aliases.filter((alias) => ENGLISH_ALIASES.has(alias)),
    })),
    structuredClone(GARAGE_DOOR),
  ];
  return new DemoHome({ areas, entities });
}
