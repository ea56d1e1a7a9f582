import type { ServerResponse } from 'node:http';

/** Sends an RFC 9457 problem JSON. */
export function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail?: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = JSON.stringify({
    type: 'about:blank',
    title,
    status,
    ...(detail ? { detail } : {}),
  });
  res.writeHead(status, { ...headers, 'content-type': 'application/problem+json' }).end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

/** An error that becomes a problem response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    /** Sent with the problem (`Allow` on a 405). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? title);
  }
}

/** A 405 naming the methods the path answers, in `Allow` as RFC 9110 asks. */
export function methodNotAllowed(
  method: string | undefined,
  path: string,
  allowed: readonly string[],
) {
  return new HttpProblem(405, 'Method not allowed', `${method} ${path}`, {
    allow: allowed.join(', '),
  });
}
