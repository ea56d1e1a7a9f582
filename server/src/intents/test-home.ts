// A small in-memory home for the intent tests: four rooms named in English with French aliases,
// one or two devices of each kind. Service calls are recorded and change the states.
import type { Home, HomeArea, HomeEntity, ServiceCall } from '../home/home.js';

export interface TestHome extends Home {
  readonly calls: ServiceCall[];
  /** Changes an entity's state or attributes, as if Home Assistant reported it. */
  set(entityId: string, state: string, attributes?: Record<string, unknown>): void;
}

export interface TestHomeOptions {
  /** Every service call rejects with this (an `EngineError` when Home Assistant is down). */
  readonly failWith?: Error;
  readonly connected?: boolean;
  readonly extraEntities?: readonly HomeEntity[];
}

const AREAS: readonly HomeArea[] = [
  { area_id: 'kitchen', name: 'Kitchen', aliases: ['Cuisine'] },
  { area_id: 'living_room', name: 'Living room', aliases: ['Salon', 'Lounge'] },
  { area_id: 'bedroom', name: 'Bedroom', aliases: ['Chambre'] },
  { area_id: 'hallway', name: 'Hallway', aliases: ['Entrée'] },
];

const DIMMABLE = { min_color_temp_kelvin: 2200, max_color_temp_kelvin: 6500 };

function entity(
  entity_id: string,
  name: string,
  aliases: string[],
  area_id: string | undefined,
  state: string,
  attributes: Record<string, unknown> = {},
): HomeEntity {
  const domain = entity_id.split('.')[0] ?? '';
  return { entity_id, domain, name, aliases, area_id, state, attributes };
}

export const TEST_ENTITIES: readonly HomeEntity[] = [
  entity('light.kitchen', 'Kitchen light', [], 'kitchen', 'off'),
  entity('switch.coffee_maker', 'Coffee maker', ['Cafetière'], 'kitchen', 'off'),
  entity('sensor.kitchen_temperature', 'Kitchen temperature', [], 'kitchen', '21.5', {
    device_class: 'temperature',
    unit_of_measurement: '°C',
  }),
  entity(
    'light.living_room_ceiling',
    'Living room ceiling',
    ['Plafonnier', 'Lumière du salon'],
    'living_room',
    'off',
    DIMMABLE,
  ),
  entity('light.floor_lamp', 'Floor lamp', ['Lampadaire'], 'living_room', 'on', DIMMABLE),
  entity('media_player.tv', 'TV', ['Télé'], 'living_room', 'playing', { volume_level: 0.4 }),
  entity('climate.thermostat', 'Thermostat', ['Chauffage'], 'living_room', 'heat', {
    current_temperature: 19.5,
    temperature: 20,
  }),
  entity('light.bedroom_lamp', 'Bedroom lamp', ['Lampe de chevet'], 'bedroom', 'off', DIMMABLE),
  entity('fan.ceiling_fan', 'Ceiling fan', ['Ventilateur'], 'bedroom', 'off'),
  entity('cover.bedroom_blinds', 'Bedroom blinds', ['Volets de la chambre'], 'bedroom', 'closed'),
  entity('lock.front_door', 'Front door', ["Porte d'entrée"], 'hallway', 'locked'),
  entity('light.hallway', 'Hallway light', [], 'hallway', 'off'),
];

const STATES: Readonly<Record<string, string>> = {
  turn_on: 'on',
  turn_off: 'off',
  open_cover: 'open',
  close_cover: 'closed',
  lock: 'locked',
  unlock: 'unlocked',
  media_pause: 'paused',
  media_play: 'playing',
};

/** The attributes a call's data changes. */
function attributesOf(call: ServiceCall): Record<string, unknown> {
  const data = call.data ?? {};
  const changed: Record<string, unknown> = {};
  if (typeof data.brightness_pct === 'number') {
    changed.brightness = Math.round((data.brightness_pct * 255) / 100);
  }
  for (const name of ['color_temp_kelvin', 'temperature', 'volume_level']) {
    if (name in data) changed[name] = data[name];
  }
  return changed;
}

export function createTestHome(options: TestHomeOptions = {}): TestHome {
  const entities = new Map(
    [...TEST_ENTITIES, ...(options.extraEntities ?? [])].map((e) => [e.entity_id, e]),
  );
  const listeners = new Set<() => void>();
  const calls: ServiceCall[] = [];
  const set = (entityId: string, state: string, attributes: Record<string, unknown> = {}) => {
    const current = entities.get(entityId);
    if (!current) throw new Error(`test home: no entity ${entityId}`);
    entities.set(entityId, {
      ...current,
      state,
      attributes: { ...current.attributes, ...attributes },
    });
    listeners.forEach((listener) => listener());
  };
  return {
    kind: 'test home',
    connected: options.connected ?? true,
    calls,
    set,
    areas: () => AREAS,
    entities: () => [...entities.values()],
    entity: (entityId) => entities.get(entityId),
    async callService(call) {
      if (options.failWith) throw options.failWith;
      calls.push(call);
      for (const id of call.target?.entity_id ?? []) {
        const current = entities.get(id);
        if (!current) throw new Error(`test home: no entity ${id}`);
        set(id, STATES[call.service] ?? current.state, attributesOf(call));
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

/** `light.turn_on light.kitchen,light.hallway {"brightness_pct":50}`: a call on one line. */
export function describeCall(call: ServiceCall): string {
  const ids = call.target?.entity_id?.join(',') ?? '';
  const data = call.data ? ` ${JSON.stringify(call.data)}` : '';
  return `${call.domain}.${call.service} ${ids}${data}`;
}

/** Wednesday 15 January 2025, 15:05, local time. */
export const TEST_NOW = new Date(2025, 0, 15, 15, 5);
