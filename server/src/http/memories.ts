// `/api/memories`: what Jarvis remembers, for the dashboard card and for people who want to see
// (and correct) it. GET lists (newest first) or, with `q`, searches; POST adds or updates;
// PUT `/api/memories/<id>` `{text}` rewrites one (its kind and area kept); DELETE removes one by
// id, or with `q` the memories that clearly match.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  MEMORY_KINDS,
  type MemoryKind,
  type MemoryStore,
  type NewMemory,
} from '../memory/memory.js';
import { HttpProblem, methodNotAllowed, sendJson } from './problem.js';

export const MEMORIES_PATH = '/api/memories';

export async function memoriesRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  memory: MemoryStore | undefined,
  readJson: () => Promise<Record<string, unknown>>,
): Promise<void> {
  if (!memory)
    throw new HttpProblem(503, 'Memory unavailable', 'long-term memory is off or failed to open');
  const raw = url.pathname.slice(MEMORIES_PATH.length + 1);
  const id = raw ? memoryId(raw) : '';
  if (id && req.method === 'GET') {
    const found = await memory.get(id);
    if (!found) throw new HttpProblem(404, 'Not found', `no memory ${raw}`);
    return sendJson(res, 200, found);
  }
  if (id && req.method === 'DELETE') {
    if (!(await memory.forget(id))) throw new HttpProblem(404, 'Not found', `no memory ${raw}`);
    res.writeHead(204).end();
    return;
  }
  if (id && req.method === 'PUT')
    return sendJson(res, 200, await rewrite(memory, id, await readJson()));
  if (id) throw methodNotAllowed(req.method, url.pathname, ['GET', 'PUT', 'DELETE']);
  switch (req.method) {
    case 'GET':
      return sendJson(res, 200, await listOrSearch(memory, url.searchParams));
    case 'POST': {
      const result = await memory.remember(newMemory(await readJson()));
      return sendJson(res, result.action === 'added' ? 201 : 200, result);
    }
    case 'DELETE': {
      const q = url.searchParams.get('q');
      if (!q?.trim())
        throw new HttpProblem(
          400,
          'Bad request',
          'DELETE /api/memories/<id>, or ?q=<what to forget>',
        );
      return sendJson(res, 200, { forgotten: await memory.forgetMatching(q) });
    }
    default:
      throw methodNotAllowed(req.method, url.pathname, ['GET', 'POST', 'DELETE']);
  }
}

/** The id in the path, decoded: a bad `%` escape or a control character is the client's error. */
function memoryId(raw: string): string {
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    throw new HttpProblem(400, 'Bad request', 'the memory id is not a valid URL escape');
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (id.length > 200 || /[\u0000-\u001f\u007f]/.test(id))
    throw new HttpProblem(400, 'Bad request', 'a memory id is at most 200 printable characters');
  return id;
}

async function listOrSearch(memory: MemoryStore, params: URLSearchParams) {
  const limit = count(params, 'limit', 50, 1, 500);
  const kind = params.get('kind') ?? undefined;
  if (kind !== undefined && !isKind(kind))
    throw new HttpProblem(400, 'Bad request', `kind: expected one of ${MEMORY_KINDS.join(', ')}`);
  const q = params.get('q');
  if (q?.trim()) {
    const recalled = await memory.recall(q, {
      limit,
      kinds: kind ? [kind] : undefined,
      area: params.get('area') ?? undefined,
    });
    return {
      memories: recalled.map(({ memory: m, score }) => ({ ...m, score })),
      total: recalled.length,
    };
  }
  const offset = count(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  return memory.list({ limit, offset, kind });
}

/**
 * What a person corrected: remembered as a new statement of the same kind and area (the memory
 * keeps its own rules: it may update an older one), and the one corrected is forgotten.
 */
async function rewrite(memory: MemoryStore, id: string, body: Record<string, unknown>) {
  const old = await memory.get(id);
  if (!old) throw new HttpProblem(404, 'Not found', 'no such memory');
  const { text } = newMemory(body);
  if (text === old.text) return { memory: old, action: 'unchanged', replaced: null };
  const result = await memory.remember({
    text,
    kind: old.kind,
    area: old.area,
    source: 'api',
    importance: old.importance,
  });
  if (result.memory.id !== id) await memory.forget(id);
  return { memory: result.memory, action: result.action, replaced: id };
}

function newMemory(body: Record<string, unknown>): NewMemory {
  const text = body.text;
  if (typeof text !== 'string' || !text.trim())
    throw new HttpProblem(400, 'Bad request', 'text: expected a non-empty string');
  const optionalString = (key: string) => {
    const value = body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !value.trim())
      throw new HttpProblem(400, 'Bad request', `${key}: expected a non-empty string`);
    return value;
  };
  const kind = optionalString('kind');
  if (kind !== undefined && !isKind(kind))
    throw new HttpProblem(400, 'Bad request', `kind: expected one of ${MEMORY_KINDS.join(', ')}`);
  const importance = body.importance;
  if (
    importance !== undefined &&
    (typeof importance !== 'number' || !(importance >= 0 && importance <= 1))
  )
    throw new HttpProblem(400, 'Bad request', 'importance: expected a number from 0 to 1');
  return {
    text: text.trim(),
    kind,
    subject: optionalString('subject'),
    area: optionalString('area'),
    source: 'api',
    importance,
  };
}

function isKind(value: string): value is MemoryKind {
  return (MEMORY_KINDS as readonly string[]).includes(value);
}

function count(
  params: URLSearchParams,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new HttpProblem(
      400,
      'Bad request',
      `${key}: expected a whole number from ${min} to ${max}`,
    );
  return value;
}
