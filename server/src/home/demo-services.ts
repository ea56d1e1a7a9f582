// What Home Assistant's usual services do to an entity, as pure functions for the demo home:
// `(entity, service data) -> new state and attributes`. Bad data throws `EngineError`, the way
// Home Assistant answers a call with a validation error.
import { EngineError } from '../errors.js';
import type { HomeEntity } from './home.js';

export interface EntityUpdate {
  readonly state: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

type Data = Readonly<Record<string, unknown>>;
type Effect = (entity: HomeEntity, data: Data) => EntityUpdate;

const ENGINE = 'home-assistant';

function invalid(message: string): EngineError {
  return new EngineError(ENGINE, message, { retryable: false });
}

/** A number field of the service data within [min, max], or undefined when absent. */
function numberField(data: Data, key: string, min: number, max: number): number | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(`${key}: expected a number`);
  if (n < min || n > max) throw invalid(`${key}: ${n} is outside ${min}..${max}`);
  return n;
}

function attr(entity: HomeEntity, key: string): unknown {
  return entity.attributes[key];
}

function update(entity: HomeEntity, state: string, changes: Data = {}): EntityUpdate {
  return { state, attributes: { ...entity.attributes, ...changes } };
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

// --- light -------------------------------------------------------------------------------------

function isDimmable(entity: HomeEntity): boolean {
  const modes = attr(entity, 'supported_color_modes');
  return Array.isArray(modes) && modes.some((mode) => mode !== 'onoff');
}

const lightOff: Effect = (entity) =>
  isDimmable(entity)
    ? update(entity, 'off', { brightness: null, color_mode: null, color_temp_kelvin: null })
    : update(entity, 'off', { color_mode: null });

const lightOn: Effect = (entity, data) => {
  const pct = numberField(data, 'brightness_pct', 0, 100);
  const raw = numberField(data, 'brightness', 0, 255);
  const step = numberField(data, 'brightness_step_pct', -100, 100);
  const kelvin = numberField(data, 'color_temp_kelvin', 1000, 20000);
  if (!isDimmable(entity)) return update(entity, 'on', { color_mode: 'onoff' });
  const current =
    typeof attr(entity, 'brightness') === 'number' ? Number(attr(entity, 'brightness')) : 0;
  let brightness = entity.state === 'on' && current > 0 ? current : 255;
  if (pct !== undefined) brightness = Math.round((pct * 255) / 100);
  else if (raw !== undefined) brightness = Math.round(raw);
  else if (step !== undefined) brightness = clamp(Math.round(current + (step * 255) / 100), 0, 255);
  if (brightness === 0) return lightOff(entity, data);
  const min = Number(attr(entity, 'min_color_temp_kelvin') ?? 2000);
  const max = Number(attr(entity, 'max_color_temp_kelvin') ?? 6500);
  const previous = attr(entity, 'color_temp_kelvin');
  const temperature = kelvin ?? (typeof previous === 'number' ? previous : 3000);
  return update(entity, 'on', {
    brightness,
    color_mode: 'color_temp',
    color_temp_kelvin: clamp(Math.round(temperature), min, max),
  });
};

// --- switch, fan, cover ------------------------------------------------------------------------

const setOn: Effect = (entity) => update(entity, 'on');
const setOff: Effect = (entity) => update(entity, 'off');

const fanPercentage: Effect = (entity, data) => {
  const percentage = numberField(data, 'percentage', 0, 100);
  if (percentage === undefined) throw invalid('percentage: required');
  return update(entity, percentage > 0 ? 'on' : 'off', { percentage });
};

const fanOn: Effect = (entity, data) => {
  const percentage = numberField(data, 'percentage', 0, 100);
  const current = Number(attr(entity, 'percentage') ?? 0);
  return fanPercentage(entity, { percentage: percentage ?? (current > 0 ? current : 100) });
};

const coverPosition = (entity: HomeEntity, position: number): EntityUpdate =>
  update(entity, position > 0 ? 'open' : 'closed', { current_position: position });

const coverSet: Effect = (entity, data) => {
  const position = numberField(data, 'position', 0, 100);
  if (position === undefined) throw invalid('position: required');
  return coverPosition(entity, Math.round(position));
};

// --- climate -----------------------------------------------------------------------------------

const climateTemperature: Effect = (entity, data) => {
  const min = Number(attr(entity, 'min_temp') ?? 7);
  const max = Number(attr(entity, 'max_temp') ?? 35);
  const temperature = numberField(data, 'temperature', min, max);
  if (temperature === undefined) throw invalid('temperature: required');
  const mode = data['hvac_mode'];
  const next = mode === undefined ? entity : climateMode(entity, { hvac_mode: mode });
  return update(entity, next.state, { temperature });
};

const climateMode: Effect = (entity, data) => {
  const mode = data['hvac_mode'];
  const modes = attr(entity, 'hvac_modes');
  if (typeof mode !== 'string' || !Array.isArray(modes) || !modes.includes(mode)) {
    throw invalid(`hvac_mode: expected one of ${Array.isArray(modes) ? modes.join(', ') : ''}`);
  }
  return update(entity, mode);
};

// --- media player ------------------------------------------------------------------------------

const mediaState =
  (state: string): Effect =>
  (entity) =>
    update(entity, state);

const mediaVolume: Effect = (entity, data) => {
  const volume = numberField(data, 'volume_level', 0, 1);
  if (volume === undefined) throw invalid('volume_level: required');
  return update(entity, entity.state, { volume_level: volume });
};

const mediaMute: Effect = (entity, data) => {
  const muted = data['is_volume_muted'];
  if (typeof muted !== 'boolean') throw invalid('is_volume_muted: expected true or false');
  return update(entity, entity.state, { is_volume_muted: muted });
};

function toggle(on: Effect, off: Effect, isOn: (entity: HomeEntity) => boolean): Effect {
  return (entity, data) => (isOn(entity) ? off(entity, data) : on(entity, data));
}

const isOnState = (entity: HomeEntity): boolean => entity.state === 'on';
const coverOpen: Effect = (entity) => coverPosition(entity, 100);
const coverClose: Effect = (entity) => coverPosition(entity, 0);

const SERVICES: Readonly<Record<string, Readonly<Record<string, Effect>>>> = {
  light: { turn_on: lightOn, turn_off: lightOff, toggle: toggle(lightOn, lightOff, isOnState) },
  switch: { turn_on: setOn, turn_off: setOff, toggle: toggle(setOn, setOff, isOnState) },
  fan: {
    turn_on: fanOn,
    turn_off: (entity) => update(entity, 'off', { percentage: 0 }),
    toggle: toggle(fanOn, (entity) => update(entity, 'off', { percentage: 0 }), isOnState),
    set_percentage: fanPercentage,
  },
  cover: {
    open_cover: coverOpen,
    close_cover: coverClose,
    set_cover_position: coverSet,
    stop_cover: (entity) => update(entity, entity.state),
    toggle: toggle(coverOpen, coverClose, (entity) => entity.state !== 'closed'),
  },
  climate: {
    set_temperature: climateTemperature,
    set_hvac_mode: climateMode,
    turn_on: (entity) => climateMode(entity, { hvac_mode: 'heat' }),
    turn_off: (entity) => climateMode(entity, { hvac_mode: 'off' }),
  },
  lock: {
    lock: (entity) => update(entity, 'locked'),
    unlock: (entity) => update(entity, 'unlocked'),
  },
  media_player: {
    media_play: mediaState('playing'),
    media_pause: mediaState('paused'),
    media_play_pause: toggle(
      mediaState('playing'),
      mediaState('paused'),
      (e) => e.state === 'playing',
    ),
    media_stop: mediaState('idle'),
    volume_set: mediaVolume,
    volume_mute: mediaMute,
    turn_on: mediaState('on'),
    turn_off: mediaState('off'),
    toggle: toggle(mediaState('on'), mediaState('off'), (e) => e.state !== 'off'),
  },
};

/** `homeassistant.turn_on` and friends act through each entity's own domain. */
const GENERIC: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  turn_on: { cover: 'open_cover' },
  turn_off: { cover: 'close_cover' },
  toggle: {},
};

export function isKnownService(domain: string, service: string): boolean {
  return domain === 'homeassistant'
    ? service in GENERIC
    : SERVICES[domain]?.[service] !== undefined;
}

/** The effect of `domain.service` on this entity, or undefined when it does not apply to it. */
export function serviceEffect(
  domain: string,
  service: string,
  entity: HomeEntity,
): Effect | undefined {
  if (domain === 'homeassistant') {
    const mapped = GENERIC[service]?.[entity.domain] ?? service;
    return GENERIC[service] ? SERVICES[entity.domain]?.[mapped] : undefined;
  }
  return entity.domain === domain ? SERVICES[domain]?.[service] : undefined;
}
