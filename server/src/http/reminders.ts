// `/api/reminders`: the reminders, for the dashboard and automations. GET lists them (soonest
// first), POST sets one (`text`, and `at` as an ISO date or epoch milliseconds, or `in_seconds`;
// optional `satellite`, `language`, `heads_up`), DELETE /api/reminders/<id> cancels one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReminderBook } from '../reminders/book.js';
import type { StoredReminder } from '../reminders/store.js';
import { HttpProblem, methodNotAllowed, sendJson } from './problem.js';

export const REMINDERS_PATH = '/api/reminders';

const MAX_TEXT = 500;

export interface RemindersRouteOptions {
  readonly book: ReminderBook | undefined;
  /** The language of a reminder that names none. */
  readonly language: string;
  /** The session id of a satellite given by id, name or area; undefined when unknown. */
  readonly satellite: (given: string) => string | undefined;
  readonly now?: () => number;
}

export async function remindersRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: RemindersRouteOptions,
  readJson: () => Promise<Record<string, unknown>>,
): Promise<void> {
  const { book } = options;
  if (!book)
    throw new HttpProblem(503, 'Reminders unavailable', 'reminders are off or failed to load');
  const id = decodeId(url.pathname.slice(REMINDERS_PATH.length + 1));
  if (id) {
    if (req.method !== 'DELETE') throw methodNotAllowed(req.method, url.pathname, ['DELETE']);
    if (!(await book.cancel(id))) throw new HttpProblem(404, 'Not found', `no reminder ${id}`);
    res.writeHead(204).end();
    return;
  }
  switch (req.method) {
    case 'GET':
      return sendJson(res, 200, book.all().map(toJson));
    case 'POST': {
      const body = await readJson();
      const added = await book.add(newReminder(body, options));
      const stored = book.all().find((r) => r.id === added.id);
      return sendJson(res, 201, stored ? toJson(stored) : added);
    }
    default:
      throw methodNotAllowed(req.method, url.pathname, ['GET', 'POST']);
  }
}

/** A reminder as the API shows it. */
export function toJson(reminder: StoredReminder) {
  return {
    id: reminder.id,
    text: reminder.text,
    at: new Date(reminder.at).toISOString(),
    satellite: reminder.satellite ?? null,
    language: reminder.language,
    heads_up: reminder.heads_up,
    /** Said, waiting for "ok" or its repeat. */
    said: reminder.said_at !== undefined,
    missed: reminder.missed ?? false,
  };
}

function bad(detail: string): HttpProblem {
  return new HttpProblem(400, 'Bad request', detail);
}

function newReminder(body: Record<string, unknown>, options: RemindersRouteOptions) {
  const now = (options.now ?? Date.now)();
  const { text, satellite, language, heads_up: headsUp } = body;
  if (typeof text !== 'string' || !text.trim() || text.length > MAX_TEXT)
    throw bad(`text: what to remind, 1 to ${MAX_TEXT} characters`);
  let at: number;
  if (typeof body.in_seconds === 'number' && body.at === undefined) {
    if (!(body.in_seconds > 0)) throw bad('in_seconds: a number of seconds above 0');
    at = now + body.in_seconds * 1000;
  } else if (typeof body.at === 'string' || typeof body.at === 'number') {
    at = typeof body.at === 'number' ? body.at : Date.parse(body.at);
    if (!Number.isFinite(at)) throw bad('at: an ISO 8601 date or milliseconds since the epoch');
    if (at <= now) throw bad('at: in the past');
  } else {
    throw bad('at (an ISO 8601 date) or in_seconds is required');
  }
  const origin = typeof satellite === 'string' ? options.satellite(satellite) : undefined;
  if (satellite !== undefined && !origin)
    throw new HttpProblem(404, 'Unknown satellite', String(satellite));
  if (
    language !== undefined &&
    (typeof language !== 'string' || !/^[a-z]{2}(-\w+)?$/i.test(language))
  )
    throw bad('language: a language code such as en or fr');
  if (headsUp !== undefined && typeof headsUp !== 'boolean') throw bad('heads_up: true or false');
  return {
    text: text.trim(),
    at,
    ...(origin && { satellite: origin }),
    language: language ?? options.language,
    ...(headsUp !== undefined && { headsUp }),
  };
}

function decodeId(raw: string): string {
  if (!raw) return '';
  try {
    const id = decodeURIComponent(raw);
    if (id.length <= 200) return id;
  } catch {
    // a bad escape: refused below
  }
  throw bad('a reminder id is at most 200 characters, URL-escaped');
}
