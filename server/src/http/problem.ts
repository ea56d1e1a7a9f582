import type { ServerResponse } from 'node:http';

/** Sends an RFC 9457 problem JSON. */
export function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail?: string,
): void {
  const body = JSON.stringify({
    type: 'about:blank',
    title,
    status,
    ...(detail ? { detail } : {}),
  });
  res.writeHead(status, { 'content-type': 'application/problem+json' }).end(body);
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
  ) {
    super(detail ?? title);
  }
}
