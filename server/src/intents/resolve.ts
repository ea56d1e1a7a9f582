// Which devices a request means: a name or alias said (narrowed by area when several share it),
// a kind of device in a named area, or in the satellite's own area ("turn off the light").
import type { Home, HomeArea, HomeEntity } from '../home/home.js';
import { HOME_WIDE_ALL, HOME_WIDE_SINGLE, domainsOf } from './domains.js';
import type { TargetKind } from './languages/language.js';
import { fold } from './normalize.js';
import type { AreaMatch, NameMatch, SlotValue } from './slots.js';

/** How a reply names what was acted on. */
export type TargetPhrase =
  | {
      readonly kind: 'name';
      readonly said: string;
      /** Names to choose from when none was said: the one in the reply's language is used. */
      readonly choices?: readonly string[];
    }
  | { readonly kind: 'area'; readonly area: string; readonly domain: string }
  | { readonly kind: 'here'; readonly domain: string }
  | { readonly kind: 'everything'; readonly area?: string };

export interface Target {
  readonly entities: readonly HomeEntity[];
  readonly phrase: TargetPhrase;
}

export type Failure =
  | { readonly reason: 'unknown'; readonly name: string }
  | { readonly reason: 'ambiguous'; readonly name: string }
  | {
      readonly reason: 'noDevice';
      readonly domain: string;
      readonly area: string;
      /** The area's names when it was not said: the reply picks one in its language. */
      readonly choices?: readonly string[];
    }
  | { readonly reason: 'noArea' };

export type Resolution =
  | { readonly ok: true; readonly target: Target }
  | { readonly ok: false; readonly failure: Failure };

export interface TargetRequest {
  readonly kind: TargetKind;
  readonly name?: SlotValue;
  readonly area?: SlotValue;
  readonly home: Home;
  /** The satellite's area: an area id, name or alias. */
  readonly here?: string;
  /** Narrows the candidates further (thermometers among sensors). */
  readonly accept?: (entity: HomeEntity) => boolean;
}

const ok = (entities: readonly HomeEntity[], phrase: TargetPhrase): Resolution => ({
  ok: true,
  target: { entities, phrase },
});
const fail = (failure: Failure): Resolution => ({ ok: false, failure });

export function resolveTarget(request: TargetRequest): Resolution {
  const { name, area } = request;
  if (name?.kind === 'unknown') return fail({ reason: 'unknown', name: name.spoken });
  if (name?.kind === 'entities') return byName(request, name.matches);
  if (area?.kind === 'areas') return inAreas(request, area.matches);
  return here(request);
}

/** The satellite's area from its id, name or alias. */
export function findArea(home: Home, idOrName: string | undefined): HomeArea | undefined {
  if (!idOrName) return undefined;
  const areas = home.areas();
  const wanted = fold(idOrName).trim();
  return (
    areas.find((area) => area.area_id === idOrName) ??
    areas.find((area) => [area.name, ...area.aliases].some((n) => fold(n).trim() === wanted))
  );
}

function byName(request: TargetRequest, matches: readonly NameMatch[]): Resolution {
  let found = [...new Map(matches.map((m) => [m.entity.entity_id, m])).values()];
  const spoken = request.area?.kind === 'areas' ? request.area.matches : [];
  const inSpoken = found.filter((m) => spoken.some((a) => a.area.area_id === m.entity.area_id));
  if (inSpoken.length) found = inSpoken;
  const local = findArea(request.home, request.here);
  const inLocal = found.filter((m) => local && m.entity.area_id === local.area_id);
  if (found.length > 1 && inLocal.length) found = inLocal;
  const [first] = found;
  if (!first) return fail({ reason: 'unknown', name: '' });
  if (found.length > 1) return fail({ reason: 'ambiguous', name: first.said });
  return ok([first.entity], { kind: 'name', said: first.said });
}

function candidates(request: TargetRequest): HomeEntity[] {
  const domains = domainsOf(request.kind);
  return request.home
    .entities()
    .filter((e) => (!domains || domains.includes(e.domain)) && (request.accept?.(e) ?? true));
}

function kindDomain(kind: TargetKind): string {
  const domains = domainsOf(kind);
  return domains?.length === 1 || kind === 'temperature' ? (domains?.[0] ?? 'device') : 'device';
}

function domainOf(entities: readonly HomeEntity[]): string {
  const [first] = entities;
  return first && entities.every((e) => e.domain === first.domain) ? first.domain : 'device';
}

function inAreas(request: TargetRequest, areas: readonly AreaMatch[]): Resolution {
  const ids = new Set(areas.map((match) => match.area.area_id));
  const entities = candidates(request).filter((e) => e.area_id && ids.has(e.area_id));
  const said = areas[0]?.said ?? '';
  if (!entities.length) {
    return fail({ reason: 'noDevice', domain: kindDomain(request.kind), area: said });
  }
  if (request.kind === 'everything') return ok(entities, { kind: 'everything', area: said });
  return ok(entities, { kind: 'area', area: said, domain: domainOf(entities) });
}

function isHomeWide(kind: TargetKind): boolean {
  return HOME_WIDE_ALL.has(kind) || HOME_WIDE_SINGLE.has(kind);
}

function here(request: TargetRequest): Resolution {
  const area = findArea(request.home, request.here);
  const all = candidates(request);
  const local = all.filter((e) => area && e.area_id === area.area_id);
  const phrase = (entities: readonly HomeEntity[]): TargetPhrase => {
    if (request.kind === 'everything') return { kind: 'everything' };
    const [only] = entities;
    // "the thermostat", "the door": the home has few, so its own name says more.
    if (only && entities.length === 1 && isHomeWide(request.kind)) {
      return { kind: 'name', said: only.name, choices: [only.name, ...only.aliases] };
    }
    return { kind: 'here', domain: domainOf(entities) };
  };
  if (local.length) return ok(local, phrase(local));
  const homeWide =
    (HOME_WIDE_ALL.has(request.kind) && all.length > 0) ||
    (HOME_WIDE_SINGLE.has(request.kind) && all.length === 1);
  if (homeWide) return ok(all, phrase(all));
  if (!area) return fail({ reason: 'noArea' });
  const choices = [area.name, ...area.aliases];
  return fail({ reason: 'noDevice', domain: kindDomain(request.kind), area: area.name, choices });
}
