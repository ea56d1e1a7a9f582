// `/api/satellites`: every satellite the server knows of, and adoption. GET lists them (status
// `discovered`, `adopted` or `connected`, and `muted`); POST `/api/satellites/<id or name>/adopt` adopts a
// discovered one (the server drives it from now on) or re-adopts one that connects in at a new
// address (`{address}`, default: the address its name was last refused from); DELETE
// `/api/satellites/<id or name>` forgets an adopted one; POST `/api/satellites/<id or name>/mute`
// `{muted}` mutes or unmutes the microphone of one the server drives (kept across restarts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SatelliteControls } from '../satellites/controls.js';
import type { FleetResult, SatelliteFleet } from '../satellites/fleet.js';
import type { FleetEntry } from '../satellites/fleet-list.js';
import { HttpProblem, methodNotAllowed, sendJson } from './problem.js';

export const SATELLITES_PATH = '/api/satellites';

export async function satellitesRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  parts: { readonly fleet: SatelliteFleet; readonly controls?: SatelliteControls },
  readJson: () => Promise<Record<string, unknown>>,
): Promise<void> {
  const { fleet, controls } = parts;
  const rest = url.pathname.slice(SATELLITES_PATH.length);
  if (rest === '' || rest === '/') {
    if (req.method !== 'GET') throw methodNotAllowed(req.method, url.pathname, ['GET']);
    return sendJson(res, 200, withMute(fleet.list(), controls));
  }
  const mute = /^\/([^/]+)\/mute$/.exec(rest);
  if (mute) {
    if (req.method !== 'POST') throw methodNotAllowed(req.method, url.pathname, ['POST']);
    const muted = (await readJson()).muted;
    if (typeof muted !== 'boolean')
      throw new HttpProblem(400, 'Bad request', 'muted: expected true or false');
    const entry = entryOf(fleet.lookup(keyOf(mute[1]!)))!;
    if (!controls || entry.status === 'discovered')
      throw new HttpProblem(409, 'Conflict', `${entry.name} is not driven by this server`);
    await controls.setMuted(entry.id, muted);
    return sendJson(res, 200, withMute([entry], controls)[0]);
  }
  const adopt = /^\/([^/]+)\/adopt$/.exec(rest);
  if (adopt) {
    if (req.method !== 'POST') throw methodNotAllowed(req.method, url.pathname, ['POST']);
    const address = addressOf(await readJson());
    return sendJson(res, 200, entryOf(await fleet.adopt(keyOf(adopt[1]!), address)));
  }
  const one = /^\/([^/]+)$/.exec(rest);
  if (!one) throw new HttpProblem(404, 'Not found', `no route for ${req.method} ${url.pathname}`);
  const key = keyOf(one[1]!);
  if (req.method === 'DELETE') {
    const result = await fleet.forget(key);
    return sendJson(res, 200, { forgotten: key, satellite: entryOf(result) ?? null });
  }
  throw methodNotAllowed(req.method, url.pathname, ['DELETE']);
}

function keyOf(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpProblem(400, 'Bad request', 'the satellite id is not a valid URL escape');
  }
}

function addressOf(body: Record<string, unknown>): string | undefined {
  const address = body.address;
  if (address === undefined) return undefined;
  if (typeof address !== 'string' || !/^[0-9A-Za-z.:_-]{1,100}$/.test(address))
    throw new HttpProblem(400, 'Bad request', 'address: expected an IP address or host name');
  return address;
}

/** The entries with `muted` (as the satellite reports it, else as asked) where it applies. */
function withMute(entries: readonly FleetEntry[], controls: SatelliteControls | undefined) {
  return entries.map((entry) =>
    controls && entry.status !== 'discovered'
      ? { ...entry, muted: controls.muted(entry.id) }
      : entry,
  );
}

function entryOf(result: FleetResult) {
  if (result.ok) return result.entry;
  const status = result.reason === 'unknown' ? 404 : 409;
  throw new HttpProblem(status, status === 404 ? 'Unknown satellite' : 'Conflict', result.detail);
}
