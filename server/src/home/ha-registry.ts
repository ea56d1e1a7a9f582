// Home Assistant's registries (areas, devices, entities) and Assist exposure, as its websocket
// API returns them, and the pure functions that turn them plus a state into Jarvis's view.
import type { HaState } from './ha-states.js';
import type { HomeArea, HomeEntity } from './home.js';

/** `config/area_registry/list` items (the fields Jarvis reads). */
export interface HaAreaEntry {
  readonly area_id: string;
  readonly name: string;
  readonly aliases?: readonly string[] | null;
}

/** `config/device_registry/list` items. */
export interface HaDeviceEntry {
  readonly id: string;
  readonly area_id?: string | null;
}

/** `config/entity_registry/get_entries` values (the extended entries, with aliases). */
export interface HaEntityEntry {
  readonly entity_id: string;
  readonly name?: string | null;
  readonly original_name?: string | null;
  readonly aliases?: readonly (string | null)[] | null;
  readonly area_id?: string | null;
  readonly device_id?: string | null;
  readonly disabled_by?: string | null;
  readonly hidden_by?: string | null;
  readonly entity_category?: string | null;
  readonly device_class?: string | null;
  readonly original_device_class?: string | null;
}

/** `homeassistant/expose_entity/list` and `homeassistant/expose_new_entities/get`. */
export interface HaExposure {
  /** `{ "light.kitchen": { "conversation": true } }` */
  readonly exposedEntities: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Whether new entities are exposed to Assist by default. */
  readonly exposeNew: boolean;
}

export interface HaRegistry {
  readonly areas: readonly HaAreaEntry[];
  readonly devices: readonly HaDeviceEntry[];
  readonly entities: readonly HaEntityEntry[];
  readonly exposure: HaExposure;
}

export interface RegistryIndex {
  readonly areas: readonly HomeArea[];
  readonly areaIds: ReadonlySet<string>;
  readonly deviceAreas: ReadonlyMap<string, string>;
  readonly entries: ReadonlyMap<string, HaEntityEntry>;
  readonly exposure: HaExposure;
}

const ASSISTANT = 'conversation';

// Home Assistant's defaults for entities nobody has exposed or hidden yet
// (homeassistant/components/homeassistant/exposed_entities.py).
const DEFAULT_EXPOSED_DOMAINS = new Set([
  'climate',
  'cover',
  'fan',
  'humidifier',
  'light',
  'lock',
  'scene',
  'script',
  'switch',
  'vacuum',
  'water_heater',
]);
const DEFAULT_EXPOSED_CLASSES: Readonly<Record<string, ReadonlySet<string>>> = {
  binary_sensor: new Set([
    'door',
    'garage_door',
    'lock',
    'motion',
    'opening',
    'presence',
    'window',
  ]),
  sensor: new Set([
    'aqi',
    'co',
    'co2',
    'humidity',
    'pm10',
    'pm25',
    'temperature',
    'volatile_organic_compounds',
  ]),
};

function cleanNames(names: readonly (string | null)[] | null | undefined): string[] {
  const out: string[] = [];
  for (const name of names ?? []) {
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (trimmed && !out.includes(trimmed)) out.push(trimmed);
  }
  return out;
}

export function indexRegistry(registry: HaRegistry): RegistryIndex {
  const areas = registry.areas.map((area): HomeArea => ({
    area_id: area.area_id,
    name: area.name,
    aliases: cleanNames(area.aliases).filter((alias) => alias !== area.name),
  }));
  const deviceAreas = new Map<string, string>();
  for (const device of registry.devices) {
    if (device.area_id) deviceAreas.set(device.id, device.area_id);
  }
  return {
    areas,
    areaIds: new Set(areas.map((area) => area.area_id)),
    deviceAreas,
    entries: new Map(registry.entities.map((entry) => [entry.entity_id, entry])),
    exposure: registry.exposure,
  };
}

const domainOf = (entityId: string): string => entityId.slice(0, entityId.indexOf('.'));

/** Whether Assist may see this entity, the way Home Assistant decides it. */
export function isExposed(state: HaState, index: RegistryIndex): boolean {
  const entry = index.entries.get(state.entity_id);
  const setting = index.exposure.exposedEntities[state.entity_id]?.[ASSISTANT];
  if (typeof setting === 'boolean') return setting;
  if (!index.exposure.exposeNew) return false;
  if (entry && (entry.entity_category || entry.hidden_by)) return false;
  const domain = domainOf(state.entity_id);
  if (DEFAULT_EXPOSED_DOMAINS.has(domain)) return true;
  const deviceClass =
    entry?.device_class ?? entry?.original_device_class ?? state.attributes['device_class'];
  return (
    typeof deviceClass === 'string' && DEFAULT_EXPOSED_CLASSES[domain]?.has(deviceClass) === true
  );
}

/** The registry name set by the user, else the state's friendly_name, else the integration's. */
function entityName(state: HaState, entry: HaEntityEntry | undefined): string {
  const candidates = [entry?.name, state.attributes['friendly_name'], entry?.original_name];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate.trim()) return candidate.trim();
  }
  const objectId = state.entity_id.slice(state.entity_id.indexOf('.') + 1);
  return objectId.replace(/_/g, ' ');
}

/** Jarvis's view of one state, or undefined when it is disabled or not exposed. */
export function toHomeEntity(
  state: HaState,
  index: RegistryIndex,
  exposedOnly: boolean,
): HomeEntity | undefined {
  const entry = index.entries.get(state.entity_id);
  if (entry?.disabled_by) return undefined;
  if (exposedOnly && !isExposed(state, index)) return undefined;
  const name = entityName(state, entry);
  const ownArea = entry?.area_id ?? undefined;
  const deviceArea = entry?.device_id ? index.deviceAreas.get(entry.device_id) : undefined;
  const areaId = ownArea ?? deviceArea;
  return {
    entity_id: state.entity_id,
    domain: domainOf(state.entity_id),
    name,
    aliases: cleanNames(entry?.aliases).filter((alias) => alias !== name),
    ...(areaId && index.areaIds.has(areaId) ? { area_id: areaId } : {}),
    state: state.state,
    attributes: state.attributes,
  };
}
