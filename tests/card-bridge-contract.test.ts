// The card reads what the bridge publishes: the bridge's real discovery configs and state
// payloads, turned into Home Assistant states (tests/helpers/ha-mqtt-states.ts), are found by
// role and shown as they should be.
import { describe, expect, it } from 'vitest';
import { lastArbitration } from '../lovelace-card/src/arbitration.js';
import {
  BRIDGE_ROLES,
  SATELLITE_ROLES,
  discover,
  rememberRoles,
  selectSatellites,
} from '../lovelace-card/src/discovery.js';
import type { HassEntities } from '../lovelace-card/src/hass.js';
import { bridgeView, roomView } from '../lovelace-card/src/state-map.js';
import {
  type BridgeDescription,
  bridgeDevice,
  satelliteDevice,
} from '../server/src/mqtt/discovery.js';
import { bridgeStatsPayload, satelliteStatePayload } from '../server/src/mqtt/states.js';
import * as topic from '../server/src/mqtt/topics.js';
import { KITCHEN_ACTIONS } from '../lovelace-card/test/home.js';
import { haStates } from './helpers/ha-mqtt-states.js';

const topics = { prefix: 'homeassistant', base: 'jarvis' };
const NOW = Date.parse('2026-12-06T14:06:00.000Z');
const bridge: BridgeDescription = { topics, version: '0.1.0', publishText: true };
const rooms = [
  { id: 'kitchen', name: 'Kitchen', area: 'Kitchen' },
  { id: 'tcp://10.0.0.7:10700', name: 'Living room', area: null },
  { id: 'bedroom', name: 'Bedroom', area: null },
];

/** The house as HA shows it; the bedroom online or not (adopted, its satellite away). */
function home(bedroomOnline: boolean): HassEntities {
  const devices = [
    bridgeDevice(bridge),
    ...rooms.map((r) =>
      satelliteDevice(bridge, {
        key: topic.satelliteKey(r.id),
        name: r.name,
        area: r.area,
        wakeWords: ['hey_jarvis'],
      }),
    ),
  ];
  const payloads = new Map<string, unknown>();
  const availability = new Map<string, string>([[topic.bridgeState(topics), 'online']]);
  payloads.set(
    topic.bridgeStats(topics),
    bridgeStatsPayload({
      commands: 12,
      errors: 1,
      latencyAverage: 380,
      latencyP95: 610,
      satellitesOnline: 2,
      agent: true,
      memory: false,
      context: true,
      houseMode: 'night',
    }),
  );
  const kitchen = satelliteStatePayload(
    {
      id: 'kitchen',
      assistState: 'responding',
      transcript: { text: 'set a timer for ten minutes', language: 'en' },
      response: { text: 'Timer set for 10 minutes.', language: 'en' },
      timings: { speech_end_to_first_audio_ms: 420, total_ms: 2100 },
      timers: [{ id: 't1', name: 'pasta', secondsLeft: 600 }],
    },
    { muted: false, volume: 80, wakeWords: ['hey_jarvis'], mode: 'normal' },
    ['hey_jarvis'],
    true,
    NOW,
  );
  const living = satelliteStatePayload(
    { id: 'tcp://10.0.0.7:10700', assistState: 'listening', timers: [] },
    { muted: true, volume: 100, wakeWords: ['hey_jarvis'], mode: 'night' },
    ['hey_jarvis'],
    true,
    NOW,
  );
  const eventTimes = new Map<string, string>();
  for (const [r, payload, event] of [
    [rooms[0]!, kitchen, { event_type: 'turn_finished', satellite: 'kitchen' }],
    [rooms[1]!, living, { event_type: 'arbitration_lost', satellite: rooms[1]!.id }],
  ] as const) {
    const key = topic.satelliteKey(r.id);
    payloads.set(topic.satelliteState(topics, key), payload);
    payloads.set(topic.satelliteEvent(topics, key), event);
    availability.set(topic.satelliteAvailability(topics, key), 'online');
  }
  eventTimes.set(topic.satelliteEvent(topics, 'kitchen'), '2026-12-06T14:05:58.000Z');
  eventTimes.set(topic.satelliteEvent(topics, '10_0_0_7_10700'), '2026-12-06T14:05:55.000Z');
  payloads.set(
    topic.satelliteState(topics, 'bedroom'),
    satelliteStatePayload(
      { id: 'bedroom', assistState: 'idle', timers: [] },
      { muted: false, volume: 100, wakeWords: [], mode: 'normal' },
      ['hey_jarvis'],
      true,
      NOW,
    ),
  );
  availability.set(
    topic.satelliteAvailability(topics, 'bedroom'),
    bedroomOnline ? 'online' : 'offline',
  );
  const states = haStates(devices, {
    payloads,
    availability,
    eventTimes,
    now: new Date(NOW).toISOString(),
  });
  return Object.fromEntries(states.map((s) => [s.entity_id, s]));
}

describe('the card on the bridge’s entities', () => {
  // Seen once with the bedroom online, then the bedroom goes away.
  const memory = rememberRoles(home(true), new Map());
  const states = home(false);
  const found = discover(states, memory);

  it('loses an offline satellite’s roles with its attributes, as HA drops them', () => {
    const bedroom = states['sensor.bedroom_assist_state']!;
    expect(bedroom.state).toBe('unavailable');
    expect(bedroom.attributes).toEqual({
      friendly_name: 'Bedroom',
      device_class: 'enum',
      options: ['idle', 'listening', 'processing', 'responding'],
    });
    expect(discover(states).satellites.map((s) => s.id)).not.toContain('bedroom');
  });

  it('finds every role of every satellite, and the bridge’s', () => {
    expect(found.satellites.map((s) => [s.id, s.name])).toEqual([
      ['bedroom', 'Bedroom'],
      ['kitchen', 'Kitchen'],
      ['tcp://10.0.0.7:10700', 'Living room'],
    ]);
    for (const satellite of found.satellites) {
      expect(Object.keys(satellite.roles).sort()).toEqual([...SATELLITE_ROLES].sort());
    }
    expect(Object.keys(found.bridge).sort()).toEqual([...BRIDGE_ROLES].sort());
    expect(found.satellites[1]!.roles.assist_state).toBe('sensor.kitchen_assist_state');
  });

  it('shows each room as the bridge reports it', () => {
    const [bedroom, kitchen, living] = found.satellites.map((s) => roomView(s, states));
    expect(kitchen).toMatchObject({
      activity: 'speaking',
      muted: false,
      mode: 'normal',
      modes: ['normal', 'silent', 'night', 'do not disturb'],
      transcript: { text: 'set a timer for ten minutes' },
      response: { text: 'Timer set for 10 minutes.' },
      timers: [{ id: 't1', name: 'pasta', endsAt: NOW + 600_000 }],
      latencyMs: 420,
      actions: KITCHEN_ACTIONS,
    });
    expect(living).toMatchObject({
      activity: 'listening',
      muted: true,
      mode: 'night',
      latencyMs: undefined,
    });
    expect(bedroom).toMatchObject({ activity: 'offline', actions: {} });
  });

  it('reads the stats, health and house-wide actions, and the last arbitration', () => {
    expect(bridgeView(found.bridge, states)).toMatchObject({
      online: true,
      commands: 12,
      errors: 1,
      latencyAverage: 380,
      latencyP95: 610,
      satellitesOnline: 2,
      health: { agent: true, memory: false, context: true },
      ask: 'text.jarvis_ask',
      announce: 'notify.jarvis_announce_all',
      houseMode: 'night',
      houseModes: ['normal', 'silent', 'night', 'do not disturb'],
      setHouseMode: 'select.jarvis_house_mode',
    });
    expect(lastArbitration(found.satellites, states)).toMatchObject({
      rooms: 2,
      winner: 'Kitchen',
      losers: ['Living room'],
    });
  });

  it('selects satellites by their renamed entity ids too', () => {
    expect(
      selectSatellites(found.satellites, ['switch.living_room_mute']).map((s) => s.id),
    ).toEqual(['tcp://10.0.0.7:10700']);
  });
});
