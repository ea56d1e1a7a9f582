// Questions: is something on/locked/open, what temperature is it, what time and date is it.
import type { HomeEntity } from '../../home/home.js';
import type { TargetPhrase } from '../resolve.js';
import { type Handler, failed, reply, resolve, textSlot } from './request.js';

const OPPOSITE: Readonly<Record<string, string>> = {
  on: 'off',
  off: 'on',
  locked: 'unlocked',
  unlocked: 'locked',
  open: 'closed',
  closed: 'open',
};
const NOT_ON = new Set(['off', 'standby', 'unavailable', 'unknown', 'closed', 'locked']);
const MOVING: Readonly<Record<string, string>> = { open: 'opening', closed: 'closing' };

/** "Is the front door closed?" asks whether it is locked. */
function meaning(domain: string, state: string): string {
  if (domain !== 'lock') return state;
  return state === 'open' ? 'unlocked' : state === 'closed' ? 'locked' : state;
}

function isIn(entity: HomeEntity, state: string): boolean {
  const wanted = meaning(entity.domain, state);
  switch (wanted) {
    case 'on':
      return !NOT_ON.has(entity.state);
    case 'off':
      return entity.state === 'off' || entity.state === 'standby';
    case 'open':
    case 'closed':
      return entity.state === wanted || entity.state === MOVING[wanted];
    default:
      return entity.state === wanted;
  }
}

export const getState: Handler = async (request) => {
  const resolution = resolve(request);
  if (!resolution.ok) return failed(request, request.speech.failure(resolution.failure));
  const { speech } = request;
  const { entities, phrase } = resolution.target;
  const [first] = entities;
  const agreement = speech.agreement(phrase, entities.length);
  const target = speech.target(phrase, entities.length);
  const is = speech.copula(agreement.plural);
  const desired = textSlot(request, 'state');
  if (!first) return failed(request, speech.failure({ reason: 'noArea' }));
  if (desired === undefined) {
    const state = speech.state(first.state, agreement, first.attributes.unit_of_measurement);
    return reply(request, speech.say('stateIs', { target, is, state }));
  }
  const wanted = meaning(first.domain, desired);
  const matching = entities.filter((entity) => isIn(entity, desired));
  if (matching.length === entities.length) {
    return reply(
      request,
      speech.say('stateYes', { target, is, state: speech.state(wanted, agreement) }),
    );
  }
  if (!matching.length) {
    const actual = OPPOSITE[wanted] ?? first.state;
    return reply(
      request,
      speech.say('stateNo', { target, is, state: speech.state(actual, agreement) }),
    );
  }
  const plural = matching.length > 1;
  const phrases = matching.map((e): TargetPhrase => ({
    kind: 'name',
    said: e.name,
    choices: [e.name, ...e.aliases],
  }));
  const { feminine } = speech.agreement(phrases[0] ?? phrase, 1);
  const names = speech.list(phrases.map((p) => speech.target(p, 1)));
  const state = speech.state(wanted, { feminine, plural });
  return reply(request, speech.say('stateSome', { names, is: speech.copula(plural), state }));
};

function isThermometer(entity: HomeEntity): boolean {
  if (entity.domain === 'climate') return typeof entity.attributes.current_temperature === 'number';
  const unit = entity.attributes.unit_of_measurement;
  return entity.attributes.device_class === 'temperature' || unit === '°C' || unit === '°F';
}

function reading(entity: HomeEntity): number | undefined {
  const value =
    entity.domain === 'climate' ? entity.attributes.current_temperature : Number(entity.state);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export const climateGetTemperature: Handler = async (request) => {
  const { speech } = request;
  const resolution = resolve(request, isThermometer);
  if (!resolution.ok) return failed(request, speech.say('noTemperature'));
  const { entities, phrase } = resolution.target;
  const sensors = entities.filter((entity) => entity.domain === 'sensor');
  const readings = (sensors.length ? sensors : entities)
    .map(reading)
    .filter((v): v is number => v !== undefined);
  if (!readings.length) return failed(request, speech.say('noTemperature'));
  const average = readings.reduce((sum, v) => sum + v, 0) / readings.length;
  const temperature = speech.number(Math.round(average * 10) / 10);
  if (phrase.kind === 'area') {
    return reply(
      request,
      speech.say('temperatureIsArea', { temperature, area: speech.name(phrase.area) }),
    );
  }
  return reply(request, speech.say('temperatureIs', { temperature }));
};

function dayPeriod(now: Date, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true }).formatToParts(
    now,
  );
  return parts.find((part) => part.type === 'dayPeriod')?.value ?? '';
}

export const currentTime: Handler = async (request) => {
  const { now } = request.context;
  const { hour12, locale } = request.lang.data;
  const hours = now.getHours();
  const values = {
    hour: hour12 ? hours % 12 || 12 : hours,
    minute: String(now.getMinutes()).padStart(2, '0'),
    period: hour12 ? dayPeriod(now, locale) : '',
  };
  return reply(request, request.speech.say('currentTime', values));
};

export const currentDate: Handler = async (request) => {
  const date = new Intl.DateTimeFormat(request.lang.data.locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(request.context.now);
  return reply(request, request.speech.say('currentDate', { date }));
};
