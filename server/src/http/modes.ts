// `/api/modes`: the house's mode and each satellite's. GET lists them (`house`, the satellites
// with a mode of their own, and the mode each connected satellite is in); POST
// `{mode, satellite?, until?}` sets one (`until`: an ISO 8601 time; the house's mode drops the
// satellites' own); DELETE `/api/modes/<satellite>` makes a satellite follow the house again.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ModeSetting, ModeStore } from '../modes/mode-store.js';
import { modeOfLabel, ROOM_MODES } from '../modes/policy.js';
import type { RoomMode } from '../speech/schedule.js';
import { HttpProblem, methodNotAllowed, sendJson } from './problem.js';

export const MODES_PATH = '/api/modes';

export interface ModesRouteOptions {
  readonly modes?: ModeStore;
  /** The ids of the satellites connected now. */
  readonly satellites: () => readonly string[];
  readonly now: () => number;
}

export async function modesRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: ModesRouteOptions,
  readJson: () => Promise<Record<string, unknown>>,
): Promise<void> {
  const { modes } = options;
  if (!modes) throw new HttpProblem(503, 'Unavailable', 'modes are not running');
  const rest = url.pathname.slice(MODES_PATH.length);
  if (rest === '' || rest === '/') {
    if (req.method === 'GET') return sendJson(res, 200, listing(modes, options));
    if (req.method !== 'POST') throw methodNotAllowed(req.method, url.pathname, ['GET', 'POST']);
    const body = await readJson();
    const mode = modeOf(body.mode);
    const satellite = satelliteOf(body.satellite);
    const until = untilOf(body.until, options.now());
    const setting = modes.set(mode, { satellite, until });
    return sendJson(res, 200, { scope: satellite ?? 'house', ...json(setting) });
  }
  const one = /^\/([^/]+)$/.exec(rest);
  if (!one) throw new HttpProblem(404, 'Not found', `no route for ${req.method} ${url.pathname}`);
  if (req.method !== 'DELETE') throw methodNotAllowed(req.method, url.pathname, ['DELETE']);
  const satellite = decodeURIComponent(one[1]!);
  modes.clear(satellite);
  return sendJson(res, 200, { satellite, ...json(modes.settingOf(satellite)) });
}

function listing(modes: ModeStore, options: ModesRouteOptions) {
  const { house, satellites } = modes.snapshot();
  const own = Object.fromEntries(Object.entries(satellites).map(([id, s]) => [id, json(s)]));
  const rooms = Object.fromEntries(options.satellites().map((id) => [id, modes.modeOf(id)]));
  return { house: json(house), satellites: own, rooms, modes: ROOM_MODES };
}

function json(setting: ModeSetting) {
  return {
    mode: setting.mode,
    until: setting.until === undefined ? null : new Date(setting.until).toISOString(),
  };
}

function modeOf(value: unknown): RoomMode {
  const mode =
    typeof value === 'string'
      ? (ROOM_MODES as readonly string[]).includes(value)
        ? (value as RoomMode)
        : modeOfLabel(value)
      : undefined;
  if (!mode)
    throw new HttpProblem(400, 'Bad request', `mode: expected one of ${ROOM_MODES.join(', ')}`);
  return mode;
}

function satelliteOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !/^[\w.:-]{1,100}$/.test(value))
    throw new HttpProblem(400, 'Bad request', 'satellite: expected a satellite id');
  return value;
}

function untilOf(value: unknown, now: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at))
    throw new HttpProblem(400, 'Bad request', 'until: expected an ISO 8601 time');
  if (at <= now) throw new HttpProblem(400, 'Bad request', 'until: the time has passed');
  return at;
}
