// The Home Assistant behind the websocket test server (ha-test-server.ts): a state machine, an
// event bus, the area/device/entity registries (ha-test-registry.ts) and Assist exposure,
// serialised as Home Assistant's websocket API does, and the registry-updated events it fires.
import {
  areaEntry,
  deviceEntry,
  entityEntry,
  isoTime,
  now,
  PARTIAL_KEYS,
  ulid,
  type HaAreaSeed,
  type HaDeviceSeed,
  type HaEntitySeed,
  type Json,
  type RegistryEntry,
} from './ha-test-registry.js';

export type { HaAreaSeed, HaDeviceSeed, HaEntitySeed } from './ha-test-registry.js';
export { isoTime, ulid, USER_ID } from './ha-test-registry.js';

export interface HaStateSeed {
  readonly entity_id: string;
  readonly state: string;
  readonly attributes?: Record<string, unknown>;
}
export interface HaSeed {
  readonly states?: readonly HaStateSeed[];
  readonly areas?: readonly HaAreaSeed[];
  readonly devices?: readonly HaDeviceSeed[];
  /** Entity registry entries; states without one are legacy (YAML) entities. */
  readonly entities?: readonly HaEntitySeed[];
  /** Exposure to Assist (`conversation`), by entity id. */
  readonly exposed?: Readonly<Record<string, boolean>>;
  /** `homeassistant/expose_new_entities/get` for `conversation` (default true). */
  readonly exposeNew?: boolean;
}

export interface HaContext {
  readonly id: string;
  readonly parent_id: string | null;
  readonly user_id: string | null;
}
export interface HaStateJson {
  readonly entity_id: string;
  readonly state: string;
  readonly attributes: Record<string, unknown>;
  readonly last_changed: string;
  readonly last_reported: string;
  readonly last_updated: string;
  readonly context: HaContext;
}
export interface HaEvent {
  readonly event_type: string;
  readonly data: Record<string, unknown>;
  readonly origin: 'LOCAL';
  readonly time_fired: string;
  readonly context: HaContext;
}
export interface HaServiceError {
  readonly code: string;
  readonly message: string;
}

interface StateRecord {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  lastChanged: number;
  lastUpdated: number;
  context: HaContext;
}

const context = (userId: string | null = null): HaContext => ({
  id: ulid(),
  parent_id: null,
  user_id: userId,
});
const domainOf = (entityId: string): string => entityId.slice(0, entityId.indexOf('.'));
const asList = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : [];

export class HaTestHome {
  readonly #states = new Map<string, StateRecord>();
  readonly #areas = new Map<string, Json>();
  readonly #devices = new Map<string, Json>();
  readonly #entities = new Map<string, RegistryEntry>();
  /** Exposure of entities without a registry entry (Home Assistant's own store). */
  readonly #legacyExposed = new Map<string, boolean>();
  readonly #listeners = new Map<string, Set<(event: HaEvent) => void>>();
  exposeNew: boolean;

  constructor(seed: HaSeed = {}) {
    this.exposeNew = seed.exposeNew ?? true;
    const t = now();
    for (const s of seed.states ?? []) {
      this.#states.set(s.entity_id, {
        entity_id: s.entity_id,
        state: s.state,
        attributes: { ...(s.attributes ?? {}) },
        lastChanged: t,
        lastUpdated: t,
        context: context(),
      });
    }
    for (const area of seed.areas ?? []) this.#areas.set(area.area_id, areaEntry(area));
    for (const device of seed.devices ?? []) this.#devices.set(device.id, deviceEntry(device));
    for (const entity of seed.entities ?? [])
      this.#entities.set(entity.entity_id, entityEntry(entity));
    for (const [entityId, exposed] of Object.entries(seed.exposed ?? {})) {
      this.#storeExposed(entityId, exposed);
    }
  }

  // --- event bus ---------------------------------------------------------------------------------

  /** Listens for one event type, or every event with `*`; returns the unsubscribe. */
  on(eventType: string, listener: (event: HaEvent) => void): () => void {
    const set = this.#listeners.get(eventType) ?? new Set();
    this.#listeners.set(eventType, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  fire(eventType: string, data: Record<string, unknown>, ctx: HaContext = context()): void {
    const event: HaEvent = {
      event_type: eventType,
      data,
      origin: 'LOCAL',
      time_fired: isoTime(now()),
      context: ctx,
    };
    for (const key of [eventType, '*']) {
      for (const listener of [...(this.#listeners.get(key) ?? [])]) listener(event);
    }
  }

  // --- states ------------------------------------------------------------------------------------

  states(): HaStateJson[] {
    return [...this.#states.values()].map(stateJson);
  }

  state(entityId: string): HaStateJson | undefined {
    const record = this.#states.get(entityId);
    return record && stateJson(record);
  }

  entityIds(): string[] {
    return [...this.#states.keys()];
  }

  /** Sets a state (attributes kept unless given) and fires `state_changed`. */
  setState(
    entityId: string,
    state: string,
    attributes?: Record<string, unknown>,
    ctx = context(),
  ): void {
    const old = this.#states.get(entityId);
    const t = now();
    const next: StateRecord = {
      entity_id: entityId,
      state,
      attributes: { ...(attributes ?? old?.attributes ?? {}) },
      lastChanged: old && old.state === state ? old.lastChanged : t,
      lastUpdated: t,
      context: ctx,
    };
    this.#states.set(entityId, next);
    this.fire(
      'state_changed',
      { entity_id: entityId, old_state: old ? stateJson(old) : null, new_state: stateJson(next) },
      ctx,
    );
  }

  removeState(entityId: string): void {
    const old = this.#states.get(entityId);
    if (!old) return;
    this.#states.delete(entityId);
    this.fire('state_changed', { entity_id: entityId, old_state: stateJson(old), new_state: null });
  }

  // --- registries --------------------------------------------------------------------------------

  areaList(): Json[] {
    return [...this.#areas.values()];
  }

  deviceList(): Json[] {
    return [...this.#devices.values()];
  }

  /** `config/entity_registry/list`: the partial entries (no aliases). */
  entityList(): Json[] {
    return [...this.#entities.values()].map((entry) =>
      Object.fromEntries(PARTIAL_KEYS.map((key) => [key, entry[key]])),
    );
  }

  /** `config/entity_registry/get_entries`: the extended entries, null for unknown ids. */
  entityEntries(entityIds: readonly string[]): Record<string, Json | null> {
    return Object.fromEntries(entityIds.map((id) => [id, this.#entities.get(id) ?? null]));
  }

  /** `config/entity_registry/list_for_display`. */
  entityDisplayList(): Json {
    const entities = [...this.#entities.values()].map((e) => ({
      ei: e.entity_id,
      pl: e['platform'],
      lb: [],
      ...(e['area_id'] ? { ai: e['area_id'] } : {}),
      ...(e['device_id'] ? { di: e['device_id'] } : {}),
      ...(e['entity_category'] ? { ec: e['entity_category'] === 'config' ? 0 : 1 } : {}),
      ...(e['hidden_by'] ? { hb: true } : {}),
      ...(!e['name'] && e['has_entity_name'] ? { en: e['original_name'] } : {}),
    }));
    return { entity_categories: { '0': 'config', '1': 'diagnostic' }, entities };
  }

  /** `homeassistant/expose_entity/list`. */
  exposedList(): Json {
    const result: Record<string, Record<string, boolean>> = {};
    for (const [entityId, exposed] of this.#legacyExposed)
      result[entityId] = { conversation: exposed };
    for (const [entityId, entry] of this.#entities) {
      const options = entry['options'] as Record<string, Record<string, unknown>>;
      const should = options['conversation']?.['should_expose'];
      result[entityId] = typeof should === 'boolean' ? { conversation: should } : {};
    }
    return { exposed_entities: result };
  }

  updateArea(areaId: string, changes: { name?: string; aliases?: readonly string[] }): void {
    const area = this.#mustGet(this.#areas, areaId, 'area');
    if (changes.name !== undefined) area['name'] = changes.name;
    if (changes.aliases !== undefined) area['aliases'] = [...changes.aliases].sort();
    area['modified_at'] = now();
    this.fire('area_registry_updated', { action: 'update', area_id: areaId });
  }

  createArea(seed: HaAreaSeed): void {
    this.#areas.set(seed.area_id, areaEntry(seed));
    this.fire('area_registry_updated', { action: 'create', area_id: seed.area_id });
  }

  updateDevice(
    deviceId: string,
    changes: { area_id?: string | null; name_by_user?: string | null },
  ): void {
    const device = this.#mustGet(this.#devices, deviceId, 'device');
    const old = Object.fromEntries(Object.keys(changes).map((key) => [key, device[key]]));
    Object.assign(device, changes, { modified_at: now() });
    this.fire('device_registry_updated', { action: 'update', device_id: deviceId, changes: old });
  }

  /** Updates a registry entry; a new name is written to the state's friendly_name, as HA does. */
  updateEntity(
    entityId: string,
    changes: { name?: string | null; aliases?: readonly string[]; area_id?: string | null },
  ): void {
    const entry = this.#mustGet(this.#entities, entityId, 'entity');
    const old = Object.fromEntries(Object.keys(changes).map((key) => [key, entry[key]]));
    Object.assign(entry, changes, { modified_at: now() });
    if (changes.aliases) entry['aliases'] = [...changes.aliases];
    this.fire('entity_registry_updated', { action: 'update', entity_id: entityId, changes: old });
    const state = this.#states.get(entityId);
    if (state && changes.name !== undefined) {
      const name = changes.name ?? entry['original_name'] ?? entityId;
      this.setState(entityId, state.state, { ...state.attributes, friendly_name: name });
    }
  }

  /** Exposes an entity to Assist or hides it from Assist (the Voice assistants settings). */
  setExposed(entityId: string, exposed: boolean): void {
    const options = this.#entities.get(entityId)?.['options'];
    this.#storeExposed(entityId, exposed);
    // Registry entries keep it in their options: an entity_registry_updated with the old ones.
    if (options !== undefined) {
      const changes = { options };
      this.fire('entity_registry_updated', { action: 'update', entity_id: entityId, changes });
    }
  }

  #storeExposed(entityId: string, exposed: boolean): void {
    const entry = this.#entities.get(entityId);
    if (!entry) {
      this.#legacyExposed.set(entityId, exposed);
      return;
    }
    const options = entry['options'] as Record<string, Record<string, unknown>>;
    entry['options'] = {
      ...options,
      conversation: { ...options['conversation'], should_expose: exposed },
    };
  }

  #mustGet<T>(map: Map<string, T>, id: string, what: string): T {
    const value = map.get(id);
    if (value === undefined) throw new Error(`HaTestHome: no ${what} ${id}`);
    return value;
  }

  // --- services ----------------------------------------------------------------------------------

  /** The entity ids a call targets (entity, device and area ids, and `all`). */
  resolveTargets(domain: string, target: Json, serviceData: Json): string[] {
    const wanted = new Set<string>();
    const entityIds = [...asList(target['entity_id']), ...asList(serviceData['entity_id'])];
    const areaIds = [...asList(target['area_id']), ...asList(serviceData['area_id'])];
    const deviceIds = [...asList(target['device_id']), ...asList(serviceData['device_id'])];
    for (const id of entityIds) {
      if (id === 'all') this.entityIds().forEach((e) => wanted.add(e));
      else if (this.#states.has(id)) wanted.add(id);
    }
    for (const [entityId, entry] of this.#entities) {
      const deviceId = entry['device_id'] as string | null;
      const device = deviceId ? this.#devices.get(deviceId) : undefined;
      const area = (entry['area_id'] as string | null) ?? (device?.['area_id'] as string | null);
      if ((area && areaIds.includes(area)) || (deviceId && deviceIds.includes(deviceId))) {
        if (this.#states.has(entityId)) wanted.add(entityId);
      }
    }
    return [...wanted].filter((id) => domain === 'homeassistant' || domainOf(id) === domain);
  }
}

function stateJson(r: StateRecord): HaStateJson {
  return {
    entity_id: r.entity_id,
    state: r.state,
    attributes: r.attributes,
    last_changed: isoTime(r.lastChanged),
    last_reported: isoTime(r.lastUpdated),
    last_updated: isoTime(r.lastUpdated),
    context: r.context,
  };
}
