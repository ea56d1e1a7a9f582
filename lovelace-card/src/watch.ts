// What lets a card re-render only when its own entities changed: Home Assistant replaces the
// whole `hass` object on every state change in the house, but keeps the state object of every
// entity that did not change (frontend docs, data.md), so identity tells. Pure.
import type { SatelliteEntities } from './discovery.js';
import type { HassEntities, HassEntity } from './hass.js';

/** The states of `ids` (those that exist). */
export function pick(states: HassEntities, ids: readonly string[]): Record<string, HassEntity> {
  const subset: Record<string, HassEntity> = {};
  for (const id of ids) {
    const entity = states[id];
    if (entity !== undefined) subset[id] = entity;
  }
  return subset;
}

/** The same entities, each the same state object. */
export function sameEntities(a: HassEntities, b: HassEntities): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Keeps `previous` when it holds the same entities as `next`, so its identity says "unchanged". */
export function keepIfSame(previous: HassEntities | undefined, next: HassEntities): HassEntities {
  return previous !== undefined && sameEntities(previous, next) ? previous : next;
}

export function sameSatellite(a: SatelliteEntities | undefined, b: SatelliteEntities): boolean {
  if (a === undefined || a.id !== b.id || a.name !== b.name || a.source !== b.source) return false;
  const roles = Object.keys(a.roles) as (keyof SatelliteEntities['roles'])[];
  return (
    roles.length === Object.keys(b.roles).length && roles.every((r) => a.roles[r] === b.roles[r])
  );
}
