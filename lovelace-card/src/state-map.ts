// From Home Assistant states to what the card shows: each room's activity, what it heard and
// said, its controls, timers and latency; the bridge's stats and health; the last arbitration.
// Pure: the elements render what these return.
import { type Activity, activityOf } from '@jarvis/ui/kit/activity.js';
import type { BridgeRole, JarvisEntities, SatelliteEntities, SatelliteRole } from './discovery.js';
import type { HassEntities, HassEntity } from './hass.js';

export { type Activity, activityOf };
export { LATENCY_TARGET_MS } from '@jarvis/ui/kit/latency.js';

export interface Said {
  readonly text: string;
  /** When it changed (the entity's last_changed, ISO). */
  readonly at: string;
}

export interface Timer {
  readonly id: string;
  readonly name: string | null;
  /** Epoch milliseconds. */
  readonly endsAt: number;
}

export interface RoomView {
  readonly id: string;
  readonly name: string;
  readonly source: SatelliteEntities['source'];
  readonly activity: Activity;
  /** The mute the satellite reports; undefined when it reports none. */
  readonly muted: boolean | undefined;
  /** Muted on the device itself (its button), as the bridge reports it (`muted_locally`). */
  readonly mutedLocally: boolean;
  readonly mode: string | undefined;
  readonly modes: readonly string[];
  readonly transcript: Said | undefined;
  readonly response: Said | undefined;
  readonly timers: readonly Timer[];
  /** End of speech to the answer's first audio, last turn, ms. */
  readonly latencyMs: number | undefined;
  /** The entity of each action the room offers (present and available). */
  readonly actions: Readonly<
    Partial<Record<'mute' | 'listen' | 'ask' | 'announce' | 'mode', string>>
  >;
}

const MISSING = new Set(['unavailable', 'unknown', '']);

const usable = (entity: HassEntity | undefined): entity is HassEntity =>
  entity !== undefined && !MISSING.has(entity.state);

export function numberOf(entity: HassEntity | undefined): number | undefined {
  if (!usable(entity)) return undefined;
  const value = Number(entity.state);
  return Number.isFinite(value) ? value : undefined;
}

function saidOf(entity: HassEntity | undefined): Said | undefined {
  if (!usable(entity)) return undefined;
  const full = entity.attributes.text;
  const text = typeof full === 'string' && full !== '' ? full : entity.state;
  return { text, at: entity.last_changed };
}

export function timersOf(entity: HassEntity | undefined): Timer[] {
  const list = entity?.attributes.timers;
  if (!usable(entity) || !Array.isArray(list)) return [];
  const timers: Timer[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, name, ends_at: endsAt } = item as Record<string, unknown>;
    const end = typeof endsAt === 'string' ? Date.parse(endsAt) : NaN;
    if (Number.isNaN(end)) continue;
    timers.push({
      id: String(id ?? end),
      name: typeof name === 'string' ? name : null,
      endsAt: end,
    });
  }
  return timers.sort((a, b) => a.endsAt - b.endsAt);
}

/** A room as the card shows it, from the states of its entities. */
export function roomView(satellite: SatelliteEntities, states: HassEntities): RoomView {
  const entity = (role: SatelliteRole) => {
    const id = satellite.roles[role];
    return id === undefined ? undefined : states[id];
  };
  const main =
    satellite.source === 'assist_satellite' ? states[satellite.id] : entity('assist_state');
  const activity = activityOf(main?.state);
  const online = activity !== 'offline';
  const mute = entity('mute');
  const mode = entity('mode');
  const actions: Partial<Record<'mute' | 'listen' | 'ask' | 'announce' | 'mode', string>> = {};
  for (const role of ['mute', 'listen', 'ask', 'announce', 'mode'] as const) {
    const target = entity(role);
    if (online && target !== undefined && target.state !== 'unavailable') {
      actions[role] = target.entity_id;
    }
  }
  return {
    id: satellite.id,
    name: satellite.name,
    source: satellite.source,
    activity,
    muted: usable(mute) ? mute.state === 'on' : undefined,
    mutedLocally: usable(mute) && mute.state === 'on' && mute.attributes.muted_locally === true,
    mode: usable(mode) ? mode.state : undefined,
    modes: optionsOf(mode),
    transcript: saidOf(entity('transcript')),
    response: saidOf(entity('response')),
    timers: timersOf(entity('timers')),
    latencyMs: numberOf(entity('latency_answer')),
    actions,
  };
}

export interface BridgeView {
  readonly present: boolean;
  readonly online: boolean;
  readonly commands: number | undefined;
  readonly errors: number | undefined;
  readonly latencyAverage: number | undefined;
  readonly latencyP95: number | undefined;
  readonly satellitesOnline: number | undefined;
  /** Each health check: true healthy, false failing, undefined unknown. */
  readonly health: Readonly<Record<'agent' | 'memory' | 'context', boolean | undefined>>;
  readonly ask: string | undefined;
  readonly announce: string | undefined;
  /** The house's mode (the bridge's `house_mode` select), its options and the select. */
  readonly houseMode: string | undefined;
  readonly houseModes: readonly string[];
  readonly setHouseMode: string | undefined;
}

export function bridgeView(bridge: JarvisEntities['bridge'], states: HassEntities): BridgeView {
  const entity = (role: BridgeRole) => {
    const id = bridge[role];
    return id === undefined ? undefined : states[id];
  };
  const health = (role: BridgeRole) => {
    const e = entity(role);
    return usable(e) ? e.state === 'on' : undefined;
  };
  const action = (role: BridgeRole) => {
    const e = entity(role);
    return e !== undefined && e.state !== 'unavailable' ? e.entity_id : undefined;
  };
  const commands = entity('commands');
  const house = entity('house_mode');
  return {
    present: Object.keys(bridge).length > 0,
    online: commands !== undefined && commands.state !== 'unavailable',
    commands: numberOf(commands),
    errors: numberOf(entity('errors')),
    latencyAverage: numberOf(entity('latency_average')),
    latencyP95: numberOf(entity('latency_p95')),
    satellitesOnline: numberOf(entity('satellites_online')),
    health: {
      agent: health('agent_health'),
      memory: health('memory_health'),
      context: health('context_health'),
    },
    ask: action('ask'),
    announce: action('announce_all'),
    houseMode: usable(house) ? house.state : undefined,
    houseModes: optionsOf(house),
    setHouseMode: action('house_mode'),
  };
}

/** A select's options. */
function optionsOf(select: HassEntity | undefined): string[] {
  const options = select?.attributes.options;
  return Array.isArray(options) ? options.filter((m): m is string => typeof m === 'string') : [];
}
