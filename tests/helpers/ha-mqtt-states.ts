// What Home Assistant's MQTT integration makes of the bridge's discovery configs and retained
// state payloads: one state object per component, as the frontend's `hass.states` holds it.
// Covers the templates the bridge uses (`{{ value_json.a.b }}`, `{{ 'ON' if value_json.k else
// 'OFF' }}`, `{{ value_json.attributes.role | tojson }}`), availability (all topics online),
// switches' ON/OFF payloads and event entities; an unavailable entity keeps only its name and
// capabilities, as HA writes it (core helpers/entity.py: extra attributes only while
// available). A test double of HA for the card's contract.
import type { DeviceConfig } from '../../server/src/mqtt/discovery.js';

export interface HaEntityState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed: string;
  last_updated: string;
}

export interface MqttWorld {
  /** The last retained (or received) JSON payload per topic. */
  readonly payloads: ReadonlyMap<string, unknown>;
  /** Topics whose payload is the plain text `online`/`offline`. */
  readonly availability: ReadonlyMap<string, string>;
  /** When each event topic last fired. */
  readonly eventTimes?: ReadonlyMap<string, string>;
  readonly now: string;
}

function path(value: unknown, keys: string[]): unknown {
  return keys.reduce<unknown>(
    (at, key) =>
      at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined,
    value,
  );
}

function render(template: string, json: unknown): unknown {
  const plain = /^\{\{ value_json\.([\w.]+) \}\}$/.exec(template);
  if (plain) return path(json, plain[1]!.split('.'));
  const flag = /^\{\{ 'ON' if value_json\.(\w+) else 'OFF' \}\}$/.exec(template);
  if (flag) return path(json, [flag[1]!]) ? 'ON' : 'OFF';
  const attributes = /^\{\{ value_json\.([\w.]+) \| tojson \}\}$/.exec(template);
  if (attributes) return path(json, attributes[1]!.split('.'));
  throw new Error(`template not handled by the test double: ${template}`);
}

function stateOf(platform: string, value: unknown): string {
  if (value === undefined || value === null) return 'unknown';
  if (platform === 'switch' || platform === 'binary_sensor') {
    return value === 'ON' ? 'on' : value === 'OFF' ? 'off' : 'unknown';
  }
  return String(value);
}

/** HA's states for every component of `devices`, given what the broker holds. */
export function haStates(devices: readonly DeviceConfig[], world: MqttWorld): HaEntityState[] {
  const states: HaEntityState[] = [];
  for (const { payload } of devices) {
    const device = payload.device as { name: string };
    const availability = payload.availability as { topic: string }[];
    const online = availability.every((a) => world.availability.get(a.topic) === 'online');
    const components = payload.components as Record<string, Record<string, unknown>>;
    for (const component of Object.values(components)) {
      const platform = component.platform as string;
      const name = component.name as string | null;
      const attributesJson = world.payloads.get(component.json_attributes_topic as string);
      const attributes: Record<string, unknown> = {
        ...(render(component.json_attributes_template as string, attributesJson) as object),
        friendly_name: name === null ? device.name : `${device.name} ${name}`,
      };
      let state = 'unknown';
      const topic = component.state_topic as string | undefined;
      if (platform === 'event' && topic) {
        const event = world.payloads.get(topic) as Record<string, unknown> | undefined;
        if (event) {
          Object.assign(attributes, event);
          state = world.eventTimes?.get(topic) ?? world.now;
        }
      } else if (topic) {
        const template = component.value_template as string;
        state = stateOf(platform, render(template, world.payloads.get(topic)));
      }
      if (component.options) attributes.options = component.options;
      if (component.device_class) attributes.device_class = component.device_class;
      if (component.unit_of_measurement)
        attributes.unit_of_measurement = component.unit_of_measurement;
      const capabilities = ['friendly_name', 'options', 'device_class', 'unit_of_measurement'];
      states.push({
        entity_id: component.default_entity_id as string,
        state: online ? state : 'unavailable',
        attributes: online
          ? attributes
          : Object.fromEntries(
              Object.entries(attributes).filter(([k]) => capabilities.includes(k)),
            ),
        last_changed: world.now,
        last_updated: world.now,
      });
    }
  }
  return states;
}
