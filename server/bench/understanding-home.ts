// The home the understanding benchmark talks to: the demo home as an English-speaking household
// names it (no French aliases), with a garage door, so that opening it can be asked for;
// `BENCH_HOME=demo`: the demo home as shipped, French aliases and all, with the same garage door.
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

/** The demo home as shipped (English names, French aliases) with a garage and its door. */
export function demoHomeWithGarage(): DemoHome {
  return new DemoHome({
    areas: [...DEMO_AREAS, { area_id: 'garage', name: 'Garage', aliases: [] }],
    entities: [...demoEntities(), structuredClone(GARAGE_DOOR)],
  });
}

/** `BENCH_HOME=demo`: the benchmark hears and acts in the demo home with its French aliases. */
export const DEMO_ALIASES = process.env.BENCH_HOME === 'demo';

/** The home whose names the benchmark's grammar holds and whose devices it acts on. */
export function benchHome(): DemoHome {
  return DEMO_ALIASES ? demoHomeWithGarage() : englishHome();
}
