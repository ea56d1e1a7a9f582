// What each kind of target means in Home Assistant domains, and the services that act on them.
import type { TargetKind } from './languages/language.js';

const ON_OFF = ['light', 'switch', 'fan', 'input_boolean', 'media_player', 'climate', 'cover'];

export const TARGET_DOMAINS: Readonly<Record<TargetKind, readonly string[] | undefined>> = {
  onoff: [...ON_OFF, 'humidifier', 'siren'],
  light: ['light'],
  fan: ['fan'],
  cover: ['cover'],
  lock: ['lock'],
  climate: ['climate'],
  media: ['media_player'],
  everything: ['light', 'switch', 'fan'],
  temperature: ['sensor', 'climate'],
  any: undefined,
};

/** When the room has none of these, "the door" means every door of the home. */
export const HOME_WIDE_ALL: ReadonlySet<TargetKind> = new Set(['lock']);
/** When the room has none of these, the home's only one is meant. */
export const HOME_WIDE_SINGLE: ReadonlySet<TargetKind> = new Set([
  'climate',
  'media',
  'temperature',
]);

export function domainsOf(kind: TargetKind | undefined): readonly string[] | undefined {
  return kind ? TARGET_DOMAINS[kind] : undefined;
}

export function onOffService(domain: string, on: boolean): string {
  if (domain === 'cover') return on ? 'open_cover' : 'close_cover';
  return on ? 'turn_on' : 'turn_off';
}

/** Entity ids grouped by domain, in first-seen order: one service call per domain. */
export function byDomain(entities: readonly { entity_id: string; domain: string }[]) {
  const groups = new Map<string, string[]>();
  for (const entity of entities) {
    const ids = groups.get(entity.domain) ?? [];
    ids.push(entity.entity_id);
    groups.set(entity.domain, ids);
  }
  return [...groups];
}
