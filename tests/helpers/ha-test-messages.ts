// Messages of the Home Assistant test server that are more than a result: the compressed states
// and diffs of `subscribe_entities` (websocket_api/messages.py) and the `get_config` payload.
import type { HaStateJson } from './ha-test-home.js';

type Json = Record<string, unknown>;

const seconds = (iso: string): number => Date.parse(iso) / 1000;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The compressed state of `subscribe_entities`: `s`, `a`, `c` (an id alone when it can), `lc`, `lu`. */
export function compressState(state: HaStateJson): Json {
  const { context } = state;
  const c = context.parent_id === null && context.user_id === null ? context.id : context;
  const lu = state.last_updated === state.last_changed ? {} : { lu: seconds(state.last_updated) };
  return { s: state.state, a: state.attributes, c, lc: seconds(state.last_changed), ...lu };
}

/** A `subscribe_entities` event for one `state_changed`: `a` added, `r` removed, `c` diff. */
export function entitiesEvent(
  old: HaStateJson | null,
  next: HaStateJson | null,
  entityId: string,
): Json {
  if (!next) return { r: [entityId] };
  if (!old) return { a: { [entityId]: compressState(next) } };
  const plus: Json = {};
  if (old.state !== next.state) plus['s'] = next.state;
  if (old.last_changed !== next.last_changed) plus['lc'] = seconds(next.last_changed);
  else if (old.last_updated !== next.last_updated) plus['lu'] = seconds(next.last_updated);
  const ctx: Json = {};
  if (old.context.parent_id !== next.context.parent_id) ctx['parent_id'] = next.context.parent_id;
  if (old.context.user_id !== next.context.user_id) ctx['user_id'] = next.context.user_id;
  if (old.context.id !== next.context.id) {
    plus['c'] = Object.keys(ctx).length > 0 ? { ...ctx, id: next.context.id } : next.context.id;
  } else if (Object.keys(ctx).length > 0) plus['c'] = ctx;
  const attributes: Json = {};
  for (const [key, value] of Object.entries(next.attributes)) {
    if (!same(old.attributes[key], value)) attributes[key] = value;
  }
  if (Object.keys(attributes).length > 0) plus['a'] = attributes;
  const removed = Object.keys(old.attributes).filter((key) => !(key in next.attributes));
  const diff: Json = { '+': plus, ...(removed.length > 0 ? { '-': { a: removed } } : {}) };
  return { c: { [entityId]: diff } };
}

/** `get_config`: the core configuration, as Home Assistant returns it. */
export function haConfig(version: string): Json {
  return {
    allowlist_external_dirs: ['/media', '/config/www'],
    allowlist_external_urls: [],
    components: ['api', 'config', 'conversation', 'homeassistant', 'websocket_api', 'wyoming'],
    config_dir: '/config',
    config_source: 'storage',
    country: 'FR',
    currency: 'EUR',
    debug: false,
    elevation: 35,
    external_url: null,
    internal_url: null,
    language: 'fr',
    latitude: 48.8566,
    location_name: 'Home',
    longitude: 2.3522,
    radius: 100,
    recovery_mode: false,
    safe_mode: false,
    state: 'RUNNING',
    time_zone: 'Europe/Paris',
    unit_system: {
      length: 'km',
      accumulated_precipitation: 'mm',
      area: 'm²',
      mass: 'g',
      pressure: 'Pa',
      temperature: '°C',
      volume: 'L',
      wind_speed: 'm/s',
    },
    version,
  };
}
