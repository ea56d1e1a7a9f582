import { describe, expect, it } from 'vitest';
import { SATELLITE_MODES } from '../satellites/controls.js';
import {
  type BridgeDescription,
  bridgeDevice,
  type DeviceConfig,
  satelliteDevice,
} from './discovery.js';
import { bridgeStatsPayload, satelliteStatePayload } from './states.js';

// Home Assistant's rules for device-based discovery payloads (homeassistant/components/mqtt:
// schemas.py DEVICE_DISCOVERY_SCHEMA, const.py SUPPORTED_COMPONENTS, the platforms' schemas).
const SUPPORTED = new Set(
  'alarm_control_panel binary_sensor button camera climate cover date datetime device_automation device_tracker event fan humidifier image lawn_mower light lock notify number scene siren select sensor switch tag text time update vacuum valve water_heater'.split(
    ' ',
  ),
);
const ROOT_KEYS = new Set([
  'device',
  'origin',
  'components',
  'availability',
  'availability_mode',
  'availability_template',
  'availability_topic',
  'payload_available',
  'payload_not_available',
  'state_topic',
  'command_topic',
  'qos',
  'encoding',
]);
const DEVICE_KEYS = new Set([
  'identifiers',
  'connections',
  'manufacturer',
  'model',
  'model_id',
  'name',
  'hw_version',
  'serial_number',
  'sw_version',
  'via_device',
  'suggested_area',
  'configuration_url',
]);
const REQUIRED: Record<string, string[]> = {
  sensor: ['state_topic'],
  binary_sensor: ['state_topic'],
  switch: ['command_topic'],
  button: ['command_topic'],
  notify: ['command_topic'],
  text: ['command_topic'],
  number: ['command_topic'],
  select: ['command_topic', 'options'],
  event: ['state_topic', 'event_types'],
};
const TOPIC_ID = /^[a-zA-Z0-9_-]+$/;

/** Every rule a config must pass for Home Assistant to add its entities. */
function problems(config: DeviceConfig): string[] {
  const out: string[] = [];
  const p = config.payload;
  if (!TOPIC_ID.test(config.objectId)) out.push(`illegal object id ${config.objectId}`);
  for (const key of Object.keys(p)) if (!ROOT_KEYS.has(key)) out.push(`root key ${key}`);
  const device = p.device as Record<string, unknown>;
  for (const key of Object.keys(device)) if (!DEVICE_KEYS.has(key)) out.push(`device key ${key}`);
  if (!Array.isArray(device.identifiers) || device.identifiers.length === 0)
    out.push('device without identifiers');
  const origin = p.origin as Record<string, unknown>;
  if (typeof origin?.name !== 'string') out.push('origin without name');
  for (const key of Object.keys(origin ?? {}))
    if (!['name', 'sw_version', 'support_url'].includes(key)) out.push(`origin key ${key}`);
  const components = p.components as Record<string, Record<string, unknown>>;
  for (const [id, c] of Object.entries(components)) {
    const where = `${config.objectId}.${id}`;
    const platform = String(c.platform);
    if (!SUPPORTED.has(platform)) out.push(`${where}: unsupported platform ${platform}`);
    if (!c.unique_id) out.push(`${where}: no unique_id`);
    for (const key of REQUIRED[platform] ?? [])
      if (c[key] === undefined) out.push(`${where}: no ${key}`);
    if (c.name === device.name) out.push(`${where}: repeats the device name`);
    if (c.options && c.device_class !== 'enum' && platform === 'sensor')
      out.push(`${where}: options without device_class enum`);
    if (platform === 'text' && !(Number(c.min ?? 0) < Number(c.max ?? 255) && Number(c.max) <= 255))
      out.push(`${where}: text min/max`);
    if (platform === 'select' && (c.options as unknown[]).length === 0)
      out.push(`${where}: select without options`);
    if ('object_id' in c) out.push(`${where}: object_id is deprecated`);
    const entityId = String(c.default_entity_id ?? '');
    if (!entityId.startsWith(`${platform}.`)) out.push(`${where}: default_entity_id ${entityId}`);
    for (const [key, value] of Object.entries(c))
      if (key.endsWith('topic') && /[+#]/.test(String(value))) out.push(`${where}: wildcard`);
  }
  return out;
}

const description: BridgeDescription = {
  topics: { prefix: 'homeassistant', base: 'jarvis' },
  version: '0.1.0',
  configurationUrl: 'http://jarvis.local:8099/',
  publishText: true,
};
const kitchen = {
  key: 'kitchen',
  name: 'Kitchen',
  area: 'Kitchen',
  wakeWords: ['hey_jarvis', 'alexa'],
};

describe('MQTT discovery payloads', () => {
  it('follow Home Assistant device-discovery rules, bridge and satellite', () => {
    expect(problems(bridgeDevice(description))).toEqual([]);
    expect(problems(satelliteDevice(description, kitchen))).toEqual([]);
  });

  it('give every entity a unique id that depends only on the satellite id and the role', () => {
    const ids = [bridgeDevice(description), satelliteDevice(description, kitchen)].flatMap((c) =>
      Object.values(c.payload.components as Record<string, { unique_id: string }>).map(
        (component) => component.unique_id,
      ),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const renamed = satelliteDevice(description, { ...kitchen, name: 'Cuisine', area: null });
    const components = renamed.payload.components as Record<string, { unique_id: string }>;
    expect(components.mute!.unique_id).toBe('jarvis_satellite_kitchen_mute');
  });

  it('make a satellite available only while both the bridge and the satellite are', () => {
    const config = satelliteDevice(description, kitchen).payload;
    expect(config.availability).toEqual([
      { topic: 'jarvis/bridge/state' },
      { topic: 'jarvis/satellites/kitchen/availability' },
    ]);
    expect(config.availability_mode).toBe('all');
    expect(config.device).toMatchObject({
      via_device: 'jarvis_bridge',
      suggested_area: 'Kitchen',
    });
    expect(bridgeDevice(description).payload.device).not.toHaveProperty('via_device');
  });

  it('name the assist state after the device (the main feature), the rest by what they are', () => {
    const components = satelliteDevice(description, kitchen).payload.components as Record<
      string,
      { name: string | null }
    >;
    expect(components.assist_state!.name).toBeNull();
    expect(components.mute!.name).toBe('Mute');
  });

  it('leave out what people say when publish_text is off', () => {
    const config = satelliteDevice({ ...description, publishText: false }, kitchen);
    expect(Object.keys(config.payload.components as object)).not.toContain('transcript');
    expect(Object.keys(config.payload.components as object)).not.toContain('response');
  });

  it('read values and role attributes that the state payloads carry', () => {
    const settings = { muted: false, volume: 80, wakeWords: [], mode: SATELLITE_MODES[0] };
    const view = {
      id: 'kitchen',
      assistState: 'idle',
      transcript: { text: 'x'.repeat(400), language: 'en' },
      timers: [],
    };
    const state = satelliteStatePayload(view, settings, kitchen.wakeWords, true);
    const stats = bridgeStatsPayload({
      commands: 1,
      errors: 0,
      latencyAverage: 10,
      latencyP95: 20,
      satellitesOnline: 1,
      agent: true,
      memory: false,
      context: true,
    });
    expect(String(state.transcript).length).toBeLessThanOrEqual(255);
    for (const [config, payload, satellite] of [
      [satelliteDevice(description, kitchen), state, 'kitchen'],
      [bridgeDevice(description), stats, undefined],
    ] as const) {
      const components = config.payload.components as Record<string, Record<string, string>>;
      for (const [role, c] of Object.entries(components)) {
        const attributes = (payload.attributes as Record<string, Record<string, unknown>>)[role];
        expect(attributes, role).toMatchObject({ jarvis_role: role });
        expect(attributes?.jarvis_satellite).toBe(satellite);
        expect(c.json_attributes_template).toBe(`{{ value_json.attributes.${role} | tojson }}`);
        const read = /value_json\.([a-z0-9_.]+)/.exec(c.value_template ?? '')?.[1];
        if (read) expect(lookup(payload, read), `${role} reads ${read}`).not.toBeUndefined();
      }
    }
    expect((state.attributes as Record<string, object>).transcript).toMatchObject({
      text: 'x'.repeat(400),
      language: 'en',
    });
  });
});

function lookup(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown>)?.[key], value);
}
