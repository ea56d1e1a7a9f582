// Finds the Jarvis entities in Home Assistant's states by their `jarvis_role` and
// `jarvis_satellite` attributes (published by the server's MQTT bridge), never by their ids,
// which users rename. Satellites Home Assistant adopted directly are its `assist_satellite`
// entities. Pure.
//
// Home Assistant drops an entity's extra attributes while it is unavailable (core
// helpers/entity.py, `__async_calculate_state`), so an offline satellite's entities (and every
// entity of a stopped server) lose their roles. The roles seen while they were available are
// remembered (`rememberRoles`) and used for entities that come without them.
import type { HassEntities, HassEntity } from './hass.js';

export const SATELLITE_ROLES = [
  'assist_state',
  'transcript',
  'response',
  'mute',
  'volume',
  'wake_word',
  'mode',
  'listen',
  'ask',
  'announce',
  'turn',
  'latency_wake',
  'latency_stt',
  'latency_response',
  'latency_tts',
  'latency_answer',
  'latency_total',
  'timers',
] as const;

export const BRIDGE_ROLES = [
  'commands',
  'errors',
  'latency_average',
  'latency_p95',
  'satellites_online',
  'agent_health',
  'memory_health',
  'context_health',
  'announce_all',
  'ask',
  'house_mode',
] as const;

export type SatelliteRole = (typeof SATELLITE_ROLES)[number];
export type BridgeRole = (typeof BRIDGE_ROLES)[number];

/** One room's satellite: the entity id of each role it has. */
export interface SatelliteEntities {
  /** The `jarvis_satellite` id, or the `assist_satellite` entity id for one HA drives. */
  readonly id: string;
  readonly name: string;
  /** `jarvis`: published by the bridge; `assist_satellite`: adopted by Home Assistant. */
  readonly source: 'jarvis' | 'assist_satellite';
  readonly roles: Readonly<Partial<Record<SatelliteRole, string>>>;
}

export interface JarvisEntities {
  readonly bridge: Readonly<Partial<Record<BridgeRole, string>>>;
  readonly satellites: readonly SatelliteEntities[];
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

export const domainOf = (entityId: string): string => entityId.slice(0, entityId.indexOf('.'));

function friendlyName(entity: HassEntity | undefined): string | undefined {
  const name = entity?.attributes.friendly_name;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/** The role and satellite (none: the bridge) of each entity, as last seen with them. */
export type RoleMemory = ReadonlyMap<string, readonly [role: string, satellite: string | null]>;

/** At most this many entities remembered (a house has a few dozen Jarvis entities). */
export const MAX_REMEMBERED = 1000;

/** The role and satellite an entity's attributes carry, if any. */
export function rolesIn(entity: HassEntity): readonly [string, string | null] | undefined {
  const { jarvis_role: role, jarvis_satellite: satellite } = entity.attributes;
  if (typeof role !== 'string') return undefined;
  return [role, typeof satellite === 'string' && satellite !== '' ? satellite : null];
}

/** `memory` with the roles `states` show; the same object when nothing is new. */
export function rememberRoles(states: HassEntities, memory: RoleMemory): RoleMemory {
  let next: Map<string, readonly [string, string | null]> | undefined;
  for (const [entityId, entity] of Object.entries(states)) {
    const seen = rolesIn(entity);
    const known = memory.get(entityId);
    if (!seen || (known && known[0] === seen[0] && known[1] === seen[1])) continue;
    next ??= new Map(memory);
    next.delete(entityId);
    next.set(entityId, seen);
  }
  if (!next) return memory;
  for (const oldest of next.keys()) {
    if (next.size <= MAX_REMEMBERED) break;
    next.delete(oldest);
  }
  return next;
}

/** Every Jarvis entity in `states`, grouped by satellite, satellites sorted by name. */
export function discover(states: HassEntities, memory: RoleMemory = new Map()): JarvisEntities {
  const bridge: Partial<Record<BridgeRole, string>> = {};
  const byId = new Map<string, Partial<Record<SatelliteRole, string>>>();
  const adopted: SatelliteEntities[] = [];
  for (const [entityId, entity] of Object.entries(states)) {
    const [role, satellite] = rolesIn(entity) ?? memory.get(entityId) ?? [undefined, null];
    if (role === undefined) {
      if (domainOf(entityId) === 'assist_satellite') {
        const name = friendlyName(entity) ?? entityId;
        adopted.push({ id: entityId, name, source: 'assist_satellite', roles: {} });
      }
      continue;
    }
    if (satellite !== null) {
      if (!isOneOf(SATELLITE_ROLES, role)) continue;
      const roles = byId.get(satellite) ?? {};
      roles[role] ??= entityId;
      byId.set(satellite, roles);
    } else if (isOneOf(BRIDGE_ROLES, role)) {
      bridge[role] ??= entityId;
    }
  }
  const published = [...byId].map(([id, roles]): SatelliteEntities => {
    const main = roles.assist_state === undefined ? undefined : states[roles.assist_state];
    return { id, name: friendlyName(main) ?? id, source: 'jarvis', roles };
  });
  const satellites = [...published, ...adopted].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  return { bridge, satellites };
}

/** The entity ids of one satellite: its roles', or the assist_satellite entity itself. */
export function satelliteEntityIds(satellite: SatelliteEntities): string[] {
  return satellite.source === 'assist_satellite'
    ? [satellite.id]
    : Object.values(satellite.roles).filter((id): id is string => id !== undefined);
}

/**
 * The satellites a config asks for, in its order: each entry names a satellite by its id or by
 * any of its entity ids. No entries: every satellite.
 */
export function selectSatellites(
  found: readonly SatelliteEntities[],
  wanted: readonly string[] | undefined,
): SatelliteEntities[] {
  if (!wanted || wanted.length === 0) return [...found];
  const chosen: SatelliteEntities[] = [];
  for (const entry of wanted) {
    const match = found.find(
      (satellite) => satellite.id === entry || satelliteEntityIds(satellite).includes(entry),
    );
    if (match && !chosen.includes(match)) chosen.push(match);
  }
  return chosen;
}
