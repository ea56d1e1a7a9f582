// What `/api/satellites` shows: one entry per satellite the server knows of, whatever brought it
// (the config, an adoption, zeroconf, a connection), with its status and, when it is connected,
// its session's state and timers.
import type { Satellite } from 'wyoming-ts';
import type { Adoption } from './adoptions.js';
import { sameName } from './adoptions.js';
import type { SatelliteSession } from './session.js';

/**
 * `discovered`: found over zeroconf, not driven; `adopted`: the server drives it (or would: it
 * is offline, or another controller holds it); `connected`: the server drives it right now.
 */
export type SatelliteStatus = 'discovered' | 'adopted' | 'connected';

export interface FleetEntry {
  /** The session id: the URI the server dials, or the name of a satellite that connects in. */
  readonly id: string;
  readonly name: string;
  readonly area: string | null;
  readonly status: SatelliteStatus;
  /** How it was adopted: listed in the config, through the API, or by connecting in. */
  readonly adopted_via: 'config' | 'api' | 'connection' | null;
  /** Where the server dials it (configured, adopted or discovered satellites). */
  readonly uri?: string;
  /** The address a satellite that connects in is adopted at. */
  readonly address?: string;
  /** The session's phase while connected (idle, listening, processing, responding). */
  readonly state: string | null;
  readonly timers: ReturnType<SatelliteSession['timerList']>;
  /** Why the satellite turned the server away (another controller holds it). */
  readonly refused_by_satellite?: string;
  /** A connection from another address that claimed this name and was refused. */
  readonly refused_claim?: { readonly address: string; readonly at: string };
}

export interface FleetSources {
  configured: readonly { uri: string; name?: string; area?: string }[];
  adoptions: readonly Adoption[];
  discovered: ReadonlyMap<string, Satellite>;
  sessions: readonly SatelliteSession[];
  refusedClaims: ReadonlyMap<string, { address: string; at: string }>;
  refusal: (uri: string) => string | undefined;
}

export function listFleet(sources: FleetSources): FleetEntry[] {
  const entries: FleetEntry[] = [];
  const listed = new Set<SatelliteSession>();
  const session = (match: (s: SatelliteSession) => boolean) => {
    const found = sources.sessions.find(match);
    if (found) listed.add(found);
    // A session that has not heard the satellite's info yet may be one it is refusing.
    return found?.info ? found : undefined;
  };
  const dialedEntry = (
    uri: string,
    via: 'config' | 'api',
    known: { name?: string; area?: string },
  ): FleetEntry => {
    const live = session((s) => s.id === uri);
    const seen = sources.discovered.get(uri);
    const refusal = live ? undefined : sources.refusal(uri);
    return {
      id: uri,
      name: live?.name ?? known.name ?? seen?.name ?? uri,
      area: live?.area ?? known.area ?? seen?.area ?? null,
      status: live ? 'connected' : 'adopted',
      adopted_via: via,
      uri,
      ...connectedState(live),
      ...(refusal ? { refused_by_satellite: refusal } : {}),
    };
  };
  for (const entry of sources.configured) entries.push(dialedEntry(entry.uri, 'config', entry));
  const dialedUris = new Set(sources.configured.map((entry) => entry.uri));
  for (const adoption of sources.adoptions) {
    if (adoption.kind === 'dialed') {
      if (dialedUris.has(adoption.uri)) continue;
      dialedUris.add(adoption.uri);
      entries.push(dialedEntry(adoption.uri, 'api', adoption));
      continue;
    }
    const live = session((s) => sameName(s.id, adoption.name));
    const claim = sources.refusedClaims.get(adoption.name.toLowerCase());
    entries.push({
      id: live?.id ?? adoption.name,
      name: live?.name ?? adoption.name,
      area: live?.area ?? null,
      status: live ? 'connected' : 'adopted',
      adopted_via: 'connection',
      address: adoption.address,
      ...connectedState(live),
      ...(claim ? { refused_claim: { address: claim.address, at: claim.at } } : {}),
    });
  }
  for (const [uri, seen] of sources.discovered) {
    if (dialedUris.has(uri)) continue;
    entries.push({
      id: uri,
      name: seen.name,
      area: seen.area ?? null,
      status: 'discovered',
      adopted_via: null,
      uri,
      state: null,
      timers: [],
    });
  }
  for (const other of sources.sessions) {
    if (listed.has(other)) continue;
    entries.push({
      id: other.id,
      name: other.name,
      area: other.area ?? null,
      status: 'connected',
      adopted_via: null,
      ...connectedState(other),
    });
  }
  return entries;
}

function connectedState(live: SatelliteSession | undefined) {
  return { state: live?.phase ?? null, timers: live?.timerList() ?? [] };
}
