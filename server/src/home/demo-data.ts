// The built-in demo home: four rooms named in English with French aliases, and the devices the
// people who asked for Jarvis described (three Hue lamps and a Samsung TV in the living room).
import type { HomeArea, HomeEntity } from './home.js';

export const DEMO_AREAS: readonly HomeArea[] = [
  { area_id: 'living_room', name: 'Living room', aliases: ['Salon', 'Séjour'] },
  { area_id: 'kitchen', name: 'Kitchen', aliases: ['Cuisine'] },
  { area_id: 'bedroom', name: 'Bedroom', aliases: ['Chambre'] },
  { area_id: 'hallway', name: 'Hallway', aliases: ['Entrée', 'Couloir'] },
];

/** Light attributes as Home Assistant reports them (`supported_color_modes` etc.). */
function dimmableLight(name: string, on: boolean, brightness: number, kelvin: number) {
  return {
    min_color_temp_kelvin: 2000,
    max_color_temp_kelvin: 6535,
    supported_color_modes: ['color_temp'],
    color_mode: on ? 'color_temp' : null,
    brightness: on ? brightness : null,
    color_temp_kelvin: on ? kelvin : null,
    friendly_name: name,
    supported_features: 32,
  };
}

function onOffLight(name: string, on: boolean) {
  return {
    supported_color_modes: ['onoff'],
    color_mode: on ? 'onoff' : null,
    friendly_name: name,
    supported_features: 0,
  };
}

type Seed = Omit<HomeEntity, 'domain'>;

const SEEDS: readonly Seed[] = [
  {
    entity_id: 'light.living_room_ceiling',
    name: 'Living room ceiling',
    aliases: ['Plafonnier du salon', 'Lumière du salon'],
    area_id: 'living_room',
    state: 'off',
    attributes: dimmableLight('Living room ceiling', false, 0, 0),
  },
  ...[1, 2, 3].map((n): Seed => ({
    entity_id: `light.hue_lamp_${n}`,
    name: `Hue lamp ${n}`,
    aliases: [`Lampe Hue ${n}`],
    area_id: 'living_room',
    state: n === 1 ? 'on' : 'off',
    attributes: dimmableLight(`Hue lamp ${n}`, n === 1, 128, 2700),
  })),
  {
    entity_id: 'light.kitchen',
    name: 'Kitchen light',
    aliases: ['Lumière de la cuisine'],
    area_id: 'kitchen',
    state: 'off',
    attributes: onOffLight('Kitchen light', false),
  },
  {
    entity_id: 'light.bedroom_lamp',
    name: 'Bedroom lamp',
    aliases: ['Lampe de chevet', 'Lampe de la chambre'],
    area_id: 'bedroom',
    state: 'off',
    attributes: dimmableLight('Bedroom lamp', false, 0, 0),
  },
  {
    entity_id: 'climate.thermostat',
    name: 'Thermostat',
    aliases: ['Chauffage', 'Heating'],
    area_id: 'hallway',
    state: 'heat',
    attributes: {
      hvac_modes: ['off', 'heat', 'auto'],
      min_temp: 7,
      max_temp: 30,
      target_temp_step: 0.5,
      current_temperature: 20.5,
      temperature: 21,
      friendly_name: 'Thermostat',
      supported_features: 385,
    },
  },
  {
    entity_id: 'lock.front_door',
    name: 'Front door',
    aliases: ["Porte d'entrée", 'Serrure'],
    area_id: 'hallway',
    state: 'locked',
    attributes: { friendly_name: 'Front door', supported_features: 0 },
  },
  {
    entity_id: 'media_player.samsung_tv',
    name: 'Samsung TV',
    aliases: ['Télé', 'Télévision', 'TV'],
    area_id: 'living_room',
    state: 'playing',
    attributes: {
      volume_level: 0.3,
      is_volume_muted: false,
      source: 'TV',
      source_list: ['TV', 'HDMI 1', 'HDMI 2'],
      device_class: 'tv',
      friendly_name: 'Samsung TV',
      supported_features: 24509,
    },
  },
  {
    entity_id: 'sensor.kitchen_temperature',
    name: 'Kitchen temperature',
    aliases: ['Température de la cuisine'],
    area_id: 'kitchen',
    state: '21.5',
    attributes: {
      state_class: 'measurement',
      unit_of_measurement: '°C',
      device_class: 'temperature',
      friendly_name: 'Kitchen temperature',
    },
  },
  {
    entity_id: 'switch.coffee_machine',
    name: 'Coffee machine',
    aliases: ['Machine à café', 'Cafetière'],
    area_id: 'kitchen',
    state: 'off',
    attributes: { friendly_name: 'Coffee machine' },
  },
  {
    entity_id: 'fan.bedroom_fan',
    name: 'Bedroom fan',
    aliases: ['Ventilateur', 'Ventilateur de la chambre'],
    area_id: 'bedroom',
    state: 'off',
    attributes: {
      percentage: 0,
      percentage_step: 25,
      friendly_name: 'Bedroom fan',
      supported_features: 49,
    },
  },
  {
    entity_id: 'cover.bedroom_blinds',
    name: 'Bedroom blinds',
    aliases: ['Volets de la chambre', 'Volets'],
    area_id: 'bedroom',
    state: 'open',
    attributes: {
      current_position: 100,
      device_class: 'blind',
      friendly_name: 'Bedroom blinds',
      supported_features: 15,
    },
  },
];

/** A fresh copy of the demo home's entities, in their initial states. */
export function demoEntities(): HomeEntity[] {
  return SEEDS.map((seed) => ({
    ...seed,
    domain: seed.entity_id.slice(0, seed.entity_id.indexOf('.')),
    attributes: structuredClone(seed.attributes),
  }));
}
