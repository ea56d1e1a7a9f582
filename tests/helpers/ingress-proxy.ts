// What Home Assistant and the Supervisor do in front of an add-on's ingress port, for the web
// UI's tests: the browser asks for /api/hassio_ingress/<token>/<path>; the add-on gets <path>
// with X-Ingress-Path: /api/hassio_ingress/<token> (HA's hassio/ingress.py), streamed both
// ways. Anything outside the prefix is a 404 here, as HA would not send it to the add-on: a page
// that used an absolute URL would break, which is what the tests look for (`outside`).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IngressProxy {
  readonly url: string;
  readonly prefix: string;
  /** Paths asked for outside the prefix. */
  readonly outside: string[];
  stop(): Promise<void>;
}

export async function startIngressProxy(
  target: number,
  token = 'Xy9zIngressToken',
): Promise<IngressProxy> {
  const prefix = `/api/hassio_ingress/${token}`;
  const outside: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith(`${prefix}/`)) {
      outside.push(path);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not under the ingress prefix\n');
      return;
    }
    const headers = { ...req.headers, 'x-ingress-path': prefix };
    delete headers.host;
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: path.slice(prefix.length),
        headers,
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    prefix,
    outside,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
