// Home Assistant MQTT discovery payloads for the bridge (the server) and each adopted satellite:
// one device-based config per device (`<prefix>/device/<id>/config`, HA 2024.12+), with the
// origin, the device and its components. Pure: the bridge publishes what these return.
// Every entity's attributes carry `jarvis_role` and `jarvis_satellite` (see `states.ts`), so the
// dashboard card finds entities by role, whatever the user renames them to.
import { SATELLITE_MODES } from '../satellites/controls.js';
import {
  type BridgeTopics,
  bridgeCommand,
  bridgeState,
  bridgeStats,
  satelliteAvailability,
  satelliteCommand,
  satelliteEvent,
  satelliteState,
} from './topics.js';

export interface BridgeDescription {
  readonly topics: BridgeTopics;
  readonly version: string;
  readonly configurationUrl?: string;
  /** Transcripts and responses are published (`mqtt.publish_text`). */
  readonly publishText: boolean;
}

export interface SatelliteDescription {
  /** The topic level and id part (`satelliteKey`). */
  readonly key: string;
  readonly name: string;
  readonly area?: string | null;
  /** The wake words it reported; the select's options. */
  readonly wakeWords: readonly string[];
}

export interface DeviceConfig {
  readonly objectId: string;
  readonly payload: Record<string, unknown>;
}

type Component = Record<string, unknown> & { platform: string; name: string | null };

/** The per-stage latency sensors: role, name, and the `TurnTimings` key they show. */
export const LATENCY_STAGES = [
  ['latency_wake', 'Wake latency', 'wake_to_stream_ms'],
  ['latency_stt', 'Speech-to-text latency', 'speech_end_to_transcript_ms'],
  ['latency_response', 'Response latency', 'transcript_to_response_ms'],
  ['latency_tts', 'Text-to-speech latency', 'response_to_first_audio_ms'],
  ['latency_answer', 'Answer latency', 'speech_end_to_first_audio_ms'],
  ['latency_total', 'Turn duration', 'total_ms'],
] as const;

export const EVENT_TYPES = ['turn_finished', 'wake_detected', 'arbitration_lost'] as const;
export const ASSIST_STATES = ['idle', 'listening', 'processing', 'responding'] as const;

const ORIGIN_URL = 'https://github.com/jarvis-voice/jarvis';

export const bridgeObjectId = (t: BridgeTopics) => `${t.base}_bridge`;
export const satelliteObjectId = (t: BridgeTopics, key: string) => `${t.base}_satellite_${key}`;

function origin(d: BridgeDescription) {
  return { name: 'Jarvis', sw_version: d.version, support_url: ORIGIN_URL };
}

const duration = {
  device_class: 'duration',
  unit_of_measurement: 'ms',
  state_class: 'measurement',
};

/** The server as a device, like zigbee2mqtt's bridge: statistics, health, house-wide commands. */
export function bridgeDevice(d: BridgeDescription): DeviceConfig {
  const t = d.topics;
  const stats = bridgeStats(t);
  const sensor = (key: string, name: string, extra: Record<string, unknown>): Component => ({
    platform: 'sensor',
    name,
    state_topic: stats,
    value_template: `{{ value_json.${key} }}`,
    ...extra,
  });
  const health = (key: string, name: string): Component => ({
    platform: 'binary_sensor',
    name,
    state_topic: stats,
    value_template: `{{ 'ON' if value_json.${key} else 'OFF' }}`,
    device_class: 'connectivity',
    entity_category: 'diagnostic',
  });
  const components: Record<string, Component> = {
    commands: sensor('commands', 'Commands handled', {
      state_class: 'total_increasing',
      icon: 'mdi:account-voice',
    }),
    latency_average: sensor('latency_average', 'Average latency', duration),
    latency_p95: sensor('latency_p95', 'Latency p95', duration),
    errors: sensor('errors', 'Errors', {
      state_class: 'total_increasing',
      icon: 'mdi:alert-circle-outline',
    }),
    satellites_online: sensor('satellites_online', 'Satellites online', {
      state_class: 'measurement',
      icon: 'mdi:speaker-wireless',
    }),
    reminders: sensor('reminders', 'Reminders', {
      state_class: 'measurement',
      icon: 'mdi:bell-ring-outline',
    }),
    agent_health: health('agent', 'Conversation agent'),
    memory_health: health('memory', 'Memory'),
    context_health: health('context', 'Conversation context'),
    announce_all: {
      platform: 'notify',
      name: 'Announce everywhere',
      command_topic: bridgeCommand(t, 'announce'),
    },
    ask: {
      platform: 'text',
      name: 'Ask',
      command_topic: bridgeCommand(t, 'ask'),
      min: 1,
      max: 255,
      icon: 'mdi:chat-question-outline',
    },
    house_mode: {
      platform: 'select',
      name: 'House mode',
      options: [...SATELLITE_MODES],
      icon: 'mdi:home-sound-out-outline',
      state_topic: stats,
      value_template: '{{ value_json.house_mode }}',
      command_topic: bridgeCommand(t, 'house_mode'),
    },
  };
  const objectId = bridgeObjectId(t);
  return {
    objectId,
    payload: {
      device: {
        identifiers: [objectId],
        name: 'Jarvis',
        manufacturer: 'Jarvis',
        model: 'Jarvis server',
        sw_version: d.version,
        ...(d.configurationUrl ? { configuration_url: d.configurationUrl } : {}),
      },
      origin: origin(d),
      availability: [{ topic: bridgeState(t) }],
      components: finish(components, objectId, 'jarvis', stats),
    },
  };
}

/** One adopted satellite: its assist state, what it heard and said, its controls and commands. */
export function satelliteDevice(d: BridgeDescription, s: SatelliteDescription): DeviceConfig {
  const t = d.topics;
  const state = satelliteState(t, s.key);
  const read = (key: string) => ({ state_topic: state, value_template: `{{ value_json.${key} }}` });
  const command = (role: string) => ({ command_topic: satelliteCommand(t, s.key, role) });
  const components: Record<string, Component> = {
    // The main feature: named after the device itself.
    assist_state: {
      platform: 'sensor',
      name: null,
      device_class: 'enum',
      options: [...ASSIST_STATES],
      icon: 'mdi:account-voice',
      ...read('assist_state'),
    },
    ...(d.publishText
      ? {
          transcript: {
            platform: 'sensor',
            name: 'Last transcript',
            icon: 'mdi:text-recognition',
            ...read('transcript'),
          },
          response: {
            platform: 'sensor',
            name: 'Last response',
            icon: 'mdi:message-reply-text-outline',
            ...read('response'),
          },
        }
      : {}),
    mute: {
      platform: 'switch',
      name: 'Mute',
      icon: 'mdi:microphone-off',
      entity_category: 'config',
      ...read('mute'),
      ...command('mute'),
    },
    volume: {
      platform: 'number',
      name: 'Volume',
      min: 0,
      max: 100,
      step: 1,
      mode: 'slider',
      unit_of_measurement: '%',
      icon: 'mdi:volume-high',
      entity_category: 'config',
      ...read('volume'),
      ...command('volume'),
    },
    wake_word: {
      platform: 'select',
      name: 'Wake word',
      options: [...s.wakeWords],
      icon: 'mdi:microphone-message',
      entity_category: 'config',
      ...read('wake_word'),
      ...command('wake_word'),
    },
    mode: {
      platform: 'select',
      name: 'Mode',
      options: [...SATELLITE_MODES],
      icon: 'mdi:bell-sleep-outline',
      ...read('mode'),
      ...command('mode'),
    },
    listen: {
      platform: 'button',
      name: 'Start listening',
      icon: 'mdi:microphone',
      ...command('listen'),
    },
    ask: {
      platform: 'text',
      name: 'Ask',
      min: 1,
      max: 255,
      icon: 'mdi:chat-question-outline',
      ...command('ask'),
    },
    announce: { platform: 'notify', name: 'Announce', ...command('announce') },
    turn: {
      platform: 'event',
      name: 'Turn',
      event_types: [...EVENT_TYPES],
      state_topic: satelliteEvent(t, s.key),
      icon: 'mdi:swap-horizontal',
    },
    ...Object.fromEntries(
      LATENCY_STAGES.map(([role, name]) => [
        role,
        {
          platform: 'sensor',
          name,
          ...duration,
          entity_category: 'diagnostic',
          ...read(`latency.${role.slice('latency_'.length)}`),
        },
      ]),
    ),
    timers: {
      platform: 'sensor',
      name: 'Timers',
      state_class: 'measurement',
      icon: 'mdi:timer-outline',
      ...read('timers'),
    },
  };
  const objectId = satelliteObjectId(t, s.key);
  return {
    objectId,
    payload: {
      device: {
        identifiers: [objectId],
        name: s.name,
        manufacturer: 'Jarvis',
        model: 'Jarvis satellite',
        via_device: bridgeObjectId(t),
        ...(s.area ? { suggested_area: s.area } : {}),
      },
      origin: origin(d),
      availability: [{ topic: bridgeState(t) }, { topic: satelliteAvailability(t, s.key) }],
      availability_mode: 'all',
      components: finish(components, objectId, s.name, state),
    },
  };
}

/** Adds what every component carries: unique id, default entity id, role attributes. */
function finish(
  components: Record<string, Component>,
  objectId: string,
  deviceName: string,
  attributesTopic: string,
): Record<string, Record<string, unknown>> {
  const slug = deviceName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return Object.fromEntries(
    Object.entries(components).map(([role, component]) => [
      role,
      {
        ...component,
        unique_id: `${objectId}_${role}`,
        default_entity_id: `${component.platform}.${slug || 'jarvis'}_${role}`,
        json_attributes_topic: attributesTopic,
        json_attributes_template: `{{ value_json.attributes.${role} | tojson }}`,
      },
    ]),
  );
}
