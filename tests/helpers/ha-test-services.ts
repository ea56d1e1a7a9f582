// The services the Home Assistant test server offers (`get_services`) and a rough version of
// what they do to a state, enough for a client to see its calls take effect.

type Json = Record<string, unknown>;

export interface StateValue {
  readonly state: string;
  readonly attributes: Record<string, unknown>;
}

const ON_OFF = ['turn_on', 'turn_off', 'toggle'];

/** Services per domain, as `get_services` lists them for a home with these domains. */
export const DOMAIN_SERVICES: Readonly<Record<string, readonly string[]>> = {
  homeassistant: [...ON_OFF, 'update_entity', 'reload_all'],
  light: ON_OFF,
  switch: ON_OFF,
  input_boolean: ON_OFF,
  fan: [...ON_OFF, 'set_percentage'],
  cover: ['open_cover', 'close_cover', 'stop_cover', 'set_cover_position', 'toggle'],
  climate: ['set_temperature', 'set_hvac_mode', 'turn_on', 'turn_off'],
  lock: ['lock', 'unlock', 'open'],
  media_player: ['media_play', 'media_pause', 'media_stop', 'volume_set', 'volume_mute', ...ON_OFF],
  scene: ['turn_on'],
  script: ON_OFF,
  alarm_control_panel: ['alarm_arm_home', 'alarm_arm_away', 'alarm_arm_night', 'alarm_disarm'],
};

const title = (service: string): string =>
  service.charAt(0).toUpperCase() + service.slice(1).replace(/_/g, ' ');

/** `get_services` for the domains present (plus `homeassistant`). */
export function serviceDescriptions(domains: Iterable<string>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const domain of new Set(['homeassistant', ...domains])) {
    const services = DOMAIN_SERVICES[domain];
    if (!services) continue;
    out[domain] = Object.fromEntries(
      services.map((service) => [
        service,
        {
          name: title(service),
          description: `${title(service)} (${domain}).`,
          fields: {},
          target: { entity: [{ domain: domain === 'homeassistant' ? [] : [domain] }] },
        },
      ]),
    );
  }
  return out;
}

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function lightOn(current: StateValue, data: Json): StateValue {
  const attributes = { ...current.attributes };
  const pct = num(data['brightness_pct']);
  const raw = num(data['brightness']);
  if (pct !== undefined) attributes['brightness'] = Math.round((pct * 255) / 100);
  else if (raw !== undefined) attributes['brightness'] = raw;
  else if (typeof attributes['brightness'] !== 'number') attributes['brightness'] = 255;
  const kelvin = num(data['color_temp_kelvin']);
  if (kelvin !== undefined) attributes['color_temp_kelvin'] = kelvin;
  return { state: 'on', attributes };
}

function turnOn(domain: string, current: StateValue, data: Json): StateValue {
  if (domain === 'light') return lightOn(current, data);
  if (domain === 'cover')
    return { state: 'open', attributes: { ...current.attributes, current_position: 100 } };
  if (domain === 'climate') return { state: 'heat', attributes: current.attributes };
  return { state: 'on', attributes: current.attributes };
}

function turnOff(domain: string, current: StateValue): StateValue {
  const attributes = { ...current.attributes };
  if (domain === 'light') attributes['brightness'] = null;
  if (domain === 'cover')
    return { state: 'closed', attributes: { ...attributes, current_position: 0 } };
  return { state: 'off', attributes };
}

/** The state after `service` on an entity of `domain`, or undefined when it changes nothing. */
export function applyService(
  domain: string,
  service: string,
  current: StateValue,
  data: Json,
): StateValue | undefined {
  const set = (state: string, changes: Json = {}): StateValue => ({
    state,
    attributes: { ...current.attributes, ...changes },
  });
  switch (service) {
    case 'turn_on':
      return turnOn(domain, current, data);
    case 'turn_off':
      return turnOff(domain, current);
    case 'toggle':
      return ['on', 'open', 'playing'].includes(current.state)
        ? turnOff(domain, current)
        : turnOn(domain, current, data);
    case 'lock':
      return set('locked');
    case 'unlock':
      return set('unlocked');
    case 'open':
      return set('open');
    case 'open_cover':
      return set('open', { current_position: 100 });
    case 'close_cover':
      return set('closed', { current_position: 0 });
    case 'set_cover_position':
      return set(Number(data['position']) > 0 ? 'open' : 'closed', {
        current_position: data['position'],
      });
    case 'media_play':
      return set('playing');
    case 'media_pause':
      return set('paused');
    case 'media_stop':
      return set('idle');
    case 'volume_set':
      return set(current.state, { volume_level: data['volume_level'] });
    case 'volume_mute':
      return set(current.state, { is_volume_muted: data['is_volume_muted'] });
    case 'set_temperature':
      return set(typeof data['hvac_mode'] === 'string' ? data['hvac_mode'] : current.state, {
        temperature: data['temperature'],
      });
    case 'set_hvac_mode':
      return set(String(data['hvac_mode']));
    case 'alarm_arm_home':
    case 'alarm_arm_away':
    case 'alarm_arm_night':
      return set(`armed_${service.slice('alarm_arm_'.length)}`);
    case 'alarm_disarm':
      return set('disarmed');
    case 'set_percentage':
      return set(Number(data['percentage']) > 0 ? 'on' : 'off', { percentage: data['percentage'] });
    default:
      return undefined;
  }
}
