// The services the model may call, per domain, and the data each takes: a safe allow-list, so
// a model can dim a light or pause the TV but cannot reload Home Assistant or run a shell
// command. Common slips ("open" for `open_cover`) are mapped. Pure.
import { type Checked, type ParamSchema, checkValue, isRecord } from './schema.js';

type DataSpec = Readonly<Record<string, ParamSchema>>;

interface ServiceSpec {
  readonly data: DataSpec;
  /** At least one of these data keys is needed. */
  readonly needs?: readonly string[];
}

const num = (minimum: number, maximum: number, description?: string): ParamSchema => ({
  type: 'number',
  minimum,
  maximum,
  ...(description ? { description } : {}),
});
const text: ParamSchema = { type: 'string' };
const flag: ParamSchema = { type: 'boolean' };
const rgb: ParamSchema = { type: 'array', items: num(0, 255) };
const bare: ServiceSpec = { data: {} };
const onOff = { turn_on: bare, turn_off: bare, toggle: bare };
const transition = num(0, 300);
const code = { code: text };

const LIGHT_ON: DataSpec = {
  brightness_pct: num(0, 100),
  brightness: num(0, 255),
  color_temp_kelvin: num(1000, 10000),
  rgb_color: rgb,
  color_name: text,
  transition,
};

export const ALLOWED_SERVICES: Readonly<Record<string, Readonly<Record<string, ServiceSpec>>>> = {
  light: { turn_on: { data: LIGHT_ON }, turn_off: { data: { transition } }, toggle: bare },
  switch: onOff,
  input_boolean: onOff,
  fan: {
    ...onOff,
    turn_on: { data: { percentage: num(0, 100) } },
    set_percentage: { data: { percentage: num(0, 100) }, needs: ['percentage'] },
    oscillate: { data: { oscillating: flag }, needs: ['oscillating'] },
    set_preset_mode: { data: { preset_mode: text }, needs: ['preset_mode'] },
  },
  cover: {
    open_cover: bare,
    close_cover: bare,
    stop_cover: bare,
    toggle: bare,
    set_cover_position: { data: { position: num(0, 100) }, needs: ['position'] },
  },
  climate: {
    set_temperature: {
      data: {
        temperature: num(5, 35),
        target_temp_low: num(5, 35),
        target_temp_high: num(5, 35),
        hvac_mode: text,
      },
      needs: ['temperature', 'target_temp_low', 'target_temp_high'],
    },
    set_hvac_mode: { data: { hvac_mode: text }, needs: ['hvac_mode'] },
    set_preset_mode: { data: { preset_mode: text }, needs: ['preset_mode'] },
    turn_on: bare,
    turn_off: bare,
  },
  lock: { lock: { data: code }, unlock: { data: code }, open: { data: code } },
  alarm_control_panel: {
    alarm_arm_home: { data: code },
    alarm_arm_away: { data: code },
    alarm_arm_night: { data: code },
    alarm_arm_vacation: { data: code },
    alarm_disarm: { data: code },
  },
  media_player: {
    turn_on: bare,
    turn_off: bare,
    media_play: bare,
    media_pause: bare,
    media_play_pause: bare,
    media_stop: bare,
    media_next_track: bare,
    media_previous_track: bare,
    volume_up: bare,
    volume_down: bare,
    volume_set: { data: { volume_level: num(0, 1) }, needs: ['volume_level'] },
    volume_mute: { data: { is_volume_muted: flag }, needs: ['is_volume_muted'] },
    select_source: { data: { source: text }, needs: ['source'] },
  },
  scene: { turn_on: { data: { transition } } },
  script: { turn_on: bare },
  vacuum: { start: bare, pause: bare, stop: bare, return_to_base: bare },
  button: { press: bare },
};

/** What models say instead of the service's real name. */
const SERVICE_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cover: {
    open: 'open_cover',
    close: 'close_cover',
    stop: 'stop_cover',
    set_position: 'set_cover_position',
  },
  media_player: {
    play: 'media_play',
    pause: 'media_pause',
    stop: 'media_stop',
    next: 'media_next_track',
  },
  climate: { set_mode: 'set_hvac_mode' },
  alarm_control_panel: {
    disarm: 'alarm_disarm',
    arm_home: 'alarm_arm_home',
    arm_away: 'alarm_arm_away',
  },
};

export interface CheckedService {
  readonly service: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The service's real name and its data, checked against the allow-list. */
export function checkService(
  domain: string,
  service: string,
  data: unknown,
): Checked<CheckedService> {
  const services = ALLOWED_SERVICES[domain];
  if (!services) {
    const domains = Object.keys(ALLOWED_SERVICES).join(', ');
    return {
      ok: false,
      error: `domain "${domain}" cannot be controlled; allowed domains: ${domains}`,
    };
  }
  const name = SERVICE_ALIASES[domain]?.[service] ?? service;
  const spec = services[name];
  if (!spec) {
    const names = Object.keys(services).join(', ');
    return {
      ok: false,
      error: `service ${domain}.${service} is not allowed; ${domain} services: ${names}`,
    };
  }
  const given = data ?? {};
  if (!isRecord(given)) return { ok: false, error: '"data" must be an object' };
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined || value === null) continue;
    const param = spec.data[key];
    if (!param) {
      const keys = Object.keys(spec.data);
      const allowed = keys.length ? `allowed: ${keys.join(', ')}` : 'it takes no data';
      return { ok: false, error: `${domain}.${name} does not take "${key}"; ${allowed}` };
    }
    const result = checkValue(param, value, `data.${key}`);
    if (!result.ok) return result;
    checked[key] = result.value;
  }
  if (spec.needs && !spec.needs.some((key) => key in checked)) {
    return { ok: false, error: `${domain}.${name} needs data.${spec.needs.join(' or data.')}` };
  }
  return { ok: true, value: { service: name, data: checked } };
}
