// A Home Assistant `states` object as the Jarvis MQTT bridge makes it (server/src/mqtt/):
// each entity's attributes carry `jarvis_role` and, on a satellite, `jarvis_satellite`. Entity
// ids follow the bridge's default ids, except a few renamed as users do, which the card must
// not care about. An unavailable entity has no extra attributes, as in Home Assistant (its
// roles are gone). Shared by the unit and browser tests.
import type { HassEntities, HassEntity } from '../src/hass.js';

export const CHANGED = '2026-12-06T14:05:00.000Z';

export function entity(
  entityId: string,
  state: string,
  attributes: Record<string, unknown> = {},
  changed: string = CHANGED,
): HassEntity {
  return { entity_id: entityId, state, attributes, last_changed: changed, last_updated: changed };
}

export interface SatelliteFixture {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly state?: string;
  readonly muted?: boolean;
  /** Muted with the device's own button (the bridge's `muted_locally`). */
  readonly mutedLocally?: boolean;
  readonly mode?: string;
  readonly transcript?: string;
  readonly response?: string;
  readonly timers?: readonly { id: string; name: string | null; ends_at: string }[];
  readonly latency?: number;
  readonly turn?: { type: string; at: string };
  /** Entity ids the user renamed: role -> id. */
  readonly renamed?: Record<string, string>;
}

export const MODES = ['normal', 'silent', 'night', 'do not disturb'];

/** The kitchen's controls, at the bridge's default entity ids. */
export const KITCHEN_ACTIONS = {
  mute: 'switch.kitchen_mute',
  listen: 'button.kitchen_listen',
  ask: 'text.kitchen_ask',
  announce: 'notify.kitchen_announce',
  mode: 'select.kitchen_mode',
};

/** What Home Assistant keeps of an unavailable entity's attributes (name, capabilities, unit). */
const KEPT = new Set([
  'friendly_name',
  'options',
  'device_class',
  'unit_of_measurement',
  'event_types',
]);
const kept = (attributes: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(attributes).filter(([key]) => KEPT.has(key)));

export function satelliteEntities(s: SatelliteFixture): HassEntity[] {
  const offline = s.state === 'unavailable';
  const make = (role: string, platform: string, state: string, extra = {}) =>
    entity(
      s.renamed?.[role] ?? `${platform}.${s.slug}_${role}`,
      offline ? 'unavailable' : state,
      offline ? kept(extra) : { jarvis_role: role, jarvis_satellite: s.id, ...extra },
    );
  const name = (suffix: string) => ({ friendly_name: `${s.name} ${suffix}` });
  return [
    make('assist_state', 'sensor', s.state ?? 'idle', {
      friendly_name: s.name,
      device_class: 'enum',
      options: ['idle', 'listening', 'processing', 'responding'],
    }),
    make('transcript', 'sensor', s.transcript ?? 'unknown', {
      ...name('Last transcript'),
      text: s.transcript ?? null,
      language: 'en',
    }),
    make('response', 'sensor', s.response ?? 'unknown', {
      ...name('Last response'),
      text: s.response ?? null,
      language: 'en',
    }),
    make('mute', 'switch', s.muted ? 'on' : 'off', {
      ...name('Mute'),
      muted_locally: s.mutedLocally ?? false,
    }),
    make('volume', 'number', '80', name('Volume')),
    make('wake_word', 'select', 'hey_jarvis', { ...name('Wake word'), options: ['hey_jarvis'] }),
    make('mode', 'select', s.mode ?? 'normal', { ...name('Mode'), options: MODES }),
    make('listen', 'button', 'unknown', name('Start listening')),
    make('ask', 'text', 'unknown', name('Ask')),
    make('announce', 'notify', 'unknown', name('Announce')),
    make('turn', 'event', s.turn?.at ?? 'unknown', {
      ...name('Turn'),
      event_types: ['turn_finished', 'wake_detected', 'arbitration_lost'],
      event_type: s.turn?.type ?? null,
    }),
    make('latency_answer', 'sensor', s.latency === undefined ? 'unknown' : String(s.latency), {
      ...name('Answer latency'),
      unit_of_measurement: 'ms',
    }),
    make('latency_total', 'sensor', '1800', {
      ...name('Turn duration'),
      unit_of_measurement: 'ms',
    }),
    make('timers', 'sensor', String(s.timers?.length ?? 0), {
      ...name('Timers'),
      timers: s.timers ?? [],
    }),
  ];
}

export function bridgeEntities(online = true): HassEntity[] {
  const make = (role: string, platform: string, state: string, friendly: string, extra = {}) =>
    entity(
      `${platform}.jarvis_${role}`,
      online ? state : 'unavailable',
      online
        ? { jarvis_role: role, friendly_name: `Jarvis ${friendly}`, ...extra }
        : { friendly_name: `Jarvis ${friendly}`, ...extra },
    );
  return [
    make('commands', 'sensor', '128', 'Commands handled'),
    make('errors', 'sensor', '2', 'Errors'),
    make('latency_average', 'sensor', '412.5', 'Average latency'),
    make('latency_p95', 'sensor', '731', 'Latency p95'),
    make('satellites_online', 'sensor', '2', 'Satellites online'),
    make('agent_health', 'binary_sensor', 'on', 'Conversation agent'),
    make('memory_health', 'binary_sensor', 'on', 'Memory'),
    make('context_health', 'binary_sensor', 'off', 'Conversation context'),
    make('announce_all', 'notify', 'unknown', 'Announce everywhere'),
    make('ask', 'text', 'unknown', 'Ask'),
    make('house_mode', 'select', 'normal', 'House mode', {
      options: ['normal', 'silent', 'night', 'do not disturb'],
    }),
  ];
}

/**
 * A house: the bridge, three Jarvis satellites (the bedroom offline unless `bedroom` says
 * otherwise), one HA-adopted, other entities.
 */
export function house(
  now: number = Date.parse('2026-12-06T14:06:00.000Z'),
  bedroom = 'unavailable',
): HassEntities {
  const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();
  const satellites: SatelliteFixture[] = [
    {
      id: 'kitchen',
      name: 'Kitchen',
      slug: 'kitchen',
      state: 'responding',
      transcript: 'set a timer for ten minutes',
      response: 'Timer set for 10 minutes.',
      timers: [{ id: 't1', name: 'pasta', ends_at: at(600) }],
      latency: 412,
      turn: { type: 'turn_finished', at: at(-20) },
    },
    {
      id: 'tcp://10.0.0.7:10700',
      name: 'Living room',
      slug: 'living_room',
      state: 'listening',
      muted: true,
      mutedLocally: true,
      mode: 'night',
      latency: 640,
      turn: { type: 'arbitration_lost', at: at(-25) },
      renamed: { assist_state: 'sensor.salon_voice', mute: 'switch.salon_mic' },
    },
    { id: 'bedroom', name: 'Bedroom', slug: 'bedroom', state: bedroom },
  ];
  const list: HassEntity[] = [
    ...bridgeEntities(),
    ...satellites.flatMap(satelliteEntities),
    entity('assist_satellite.office_voice', 'idle', {
      friendly_name: 'Office',
      supported_features: 1,
    }),
    entity('light.kitchen', 'on', { friendly_name: 'Kitchen light', brightness: 200 }),
    entity('sensor.kitchen_temperature', '21.5', { friendly_name: 'Kitchen temperature' }),
  ];
  return Object.fromEntries(list.map((e) => [e.entity_id, e]));
}
