// Acting on devices: on/off (and open/close for covers), light brightness and colour
// temperature, thermostats, media players.
import type { HomeEntity, ServiceCall } from '../../home/home.js';
import { byDomain, onOffService } from '../domains.js';
import type { ResponseKey } from '../languages/language.js';
import type { Target } from '../resolve.js';
import type { Values } from '../speech.js';
import {
  actOn,
  type Handler,
  type HandlerDeps,
  type IntentRequest,
  failed,
  numberSlot,
  resolve,
} from './request.js';

function call(domain: string, service: string, target: Target, data?: ServiceCall['data']) {
  const entity_id = target.entities.map((entity) => entity.entity_id);
  return data
    ? { domain, service, target: { entity_id }, data }
    : { domain, service, target: { entity_id } };
}

/** Resolves the target, makes the calls it needs (or asks first), and says `key` about it. */
async function act(
  request: IntentRequest,
  deps: HandlerDeps,
  calls: (target: Target) => readonly ServiceCall[],
  key: (target: Target) => ResponseKey,
  values: Values = {},
) {
  const resolution = resolve(request);
  if (!resolution.ok) return failed(request, request.speech.failure(resolution.failure));
  const { target } = resolution;
  const said = request.speech.target(target.phrase, target.entities.length);
  return actOn(request, deps, calls(target), { done: key(target), target: said, values });
}

function turn(on: boolean): Handler {
  return (request, deps) =>
    act(
      request,
      deps,
      (target) =>
        byDomain(target.entities).map(([domain, entity_id]) => ({
          domain,
          service: onOffService(domain, on),
          target: { entity_id },
        })),
      (target) => {
        const covers = target.entities.every((entity) => entity.domain === 'cover');
        if (covers) return on ? 'opened' : 'closed';
        return on ? 'turnedOn' : 'turnedOff';
      },
    );
}

export const turnOn = turn(true);
export const turnOff = turn(false);

/** The colour temperature every one of these lights can show, as close to `kelvin` as may be. */
function kelvinFor(kelvin: number, lights: readonly HomeEntity[]): number {
  const bound = (name: string) =>
    lights.map((light) => light.attributes[name]).filter((v): v is number => typeof v === 'number');
  const min = Math.max(...bound('min_color_temp_kelvin'));
  const max = Math.min(...bound('max_color_temp_kelvin'));
  return Math.round(Math.min(Math.max(kelvin, min), max));
}

export const lightSet: Handler = (request, deps) => {
  const brightness = numberSlot(request, 'brightness');
  const kelvin = numberSlot(request, 'color') ?? 4000;
  if (brightness !== undefined) {
    const pct = Math.round(brightness);
    return act(
      request,
      deps,
      (target) => [call('light', 'turn_on', target, { brightness_pct: pct })],
      () => 'brightnessSet',
      { brightness: request.speech.number(pct) },
    );
  }
  const color = request.lang.data.colors.find((c) => c.kelvin === kelvin);
  return act(
    request,
    deps,
    (target) => [
      call('light', 'turn_on', target, { color_temp_kelvin: kelvinFor(kelvin, target.entities) }),
    ],
    () => 'colorSet',
    { color: color?.say ?? `${kelvin} K` },
  );
};

export const climateSetTemperature: Handler = (request, deps) => {
  const temperature = numberSlot(request, 'temperature') ?? 0;
  return act(
    request,
    deps,
    (target) => [call('climate', 'set_temperature', target, { temperature })],
    () => 'temperatureSet',
    { temperature: request.speech.number(temperature) },
  );
};

export const setVolume: Handler = (request, deps) => {
  const volume = Math.round(numberSlot(request, 'volume') ?? 0);
  return act(
    request,
    deps,
    (target) => [call('media_player', 'volume_set', target, { volume_level: volume / 100 })],
    () => 'volumeSet',
    { volume: request.speech.number(volume) },
  );
};

export const mediaPause: Handler = (request, deps) =>
  act(
    request,
    deps,
    (target) => [call('media_player', 'media_pause', target)],
    () => 'paused',
  );

export const mediaUnpause: Handler = (request, deps) =>
  act(
    request,
    deps,
    (target) => [call('media_player', 'media_play', target)],
    () => 'resumed',
  );
