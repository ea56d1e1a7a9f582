// The devices and areas a model names: by entity or area id, by name or alias (case, accents
// and punctuation ignored), or by every word of a name. Only what the home exposes to Jarvis
// can be found. Pure.
import type { Home, HomeArea, HomeEntity } from '../../home/home.js';
import { fold, words } from '../../intents/normalize.js';

export type Found<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const key = (text: string) => words(text).join(' ');

function namesOf(item: { readonly name: string; readonly aliases: readonly string[] }): string[] {
  return [item.name, ...item.aliases].map(key);
}

/** Among `items`, those named `said` exactly, else those whose name holds all of its words. */
function byName<T extends { readonly name: string; readonly aliases: readonly string[] }>(
  items: readonly T[],
  said: string,
): T[] {
  const wanted = key(said);
  if (!wanted) return [];
  const exact = items.filter((item) => namesOf(item).includes(wanted));
  if (exact.length) return exact;
  const parts = wanted.split(' ');
  return items.filter((item) =>
    namesOf(item).some((name) => {
      const have = new Set(name.split(' '));
      return parts.every((part) => have.has(part));
    }),
  );
}

export function resolveArea(home: Home, said: string): Found<HomeArea> {
  const areas = home.areas();
  const id = areas.find((area) => area.area_id === said.trim());
  if (id) return { ok: true, value: id };
  const named = byName(areas, said);
  if (named.length === 1) return { ok: true, value: named[0]! };
  const known = areas.map((area) => `${area.area_id} (${area.name})`).join(', ');
  if (named.length > 1) {
    return {
      ok: false,
      error: `"${said}" matches several areas: ${named.map((a) => a.area_id).join(', ')}`,
    };
  }
  return { ok: false, error: `unknown area "${said}"; areas: ${known}` };
}

/** An exposed entity by id, name or alias, optionally of one domain. */
export function resolveEntity(home: Home, said: string, domain?: string): Found<HomeEntity> {
  const exposed = home.entities();
  const trimmed = said.trim();
  const id = exposed.find((entity) => entity.entity_id === trimmed);
  if (id) return { ok: true, value: id };
  if (/^[a-z_]+\.[a-z0-9_]+$/.test(trimmed)) {
    return {
      ok: false,
      error: `entity ${trimmed} does not exist or is not exposed to Jarvis; use only the exposed entities (get_states or list_devices lists them)`,
    };
  }
  const candidates = domain ? exposed.filter((e) => e.domain === domain) : exposed;
  let named = byName(candidates, trimmed);
  if (named.length === 0 && domain) named = byName(exposed, trimmed);
  if (named.length === 1) return { ok: true, value: named[0]! };
  if (named.length > 1) {
    const ids = named.map((entity) => entity.entity_id).join(', ');
    return { ok: false, error: `"${said}" matches several devices: ${ids}; pass one entity_id` };
  }
  return {
    ok: false,
    error: `no exposed device is called "${said}"; use get_states or list_devices to find it`,
  };
}

/** The area's name for a reply or a listing, or its id when unknown. */
export function areaName(home: Home, areaId: string | undefined): string | undefined {
  if (!areaId) return undefined;
  return home.areas().find((area) => area.area_id === areaId)?.name ?? areaId;
}

/** Words of a text folded for comparing (accents, case and punctuation gone). */
export function foldedWords(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
