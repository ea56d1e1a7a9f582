// The add-on's ingress: Home Assistant's sidebar page, proxied by the Supervisor (the only
// source allowed, 172.30.32.2) under /api/hassio_ingress/<token>/. HA has already logged the
// user in, so requests go on to the HTTP API with its token; `/` is the web UI's page, whose
// links are relative to the X-Ingress-Path it was reached under.
import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Logger } from 'wyoming-ts';
import { allowPeers } from '../wyoming/peers.js';
import { basePath, sendWebUiPage } from '../http/web-ui.js';

export const SUPERVISOR_INGRESS_PEER = '172.30.32.2';

export interface IngressOptions {
  readonly host: string;
  readonly port: number;
  /** Who may connect (CIDR or addresses); default the Supervisor. */
  readonly peers?: readonly string[];
  /** The HTTP API this forwards to, on 127.0.0.1. */
  readonly apiPort: number;
  readonly apiToken: string;
  readonly logger: Logger;
}

export interface Ingress {
  readonly port: number;
  stop(): Promise<void>;
}

export async function startIngress(options: IngressOptions): Promise<Ingress> {
  const refusal = allowPeers(options.peers ?? [SUPERVISOR_INGRESS_PEER]);
  const server: Server = createServer((req, res) => {
    const source = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (refusal(source) !== undefined) {
      options.logger.warn(`ingress: refused a request from ${source}`);
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden\n');
      return;
    }
    if (req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?'))) {
      sendPage(req, res);
      return;
    }
    forward(req, res, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendPage(req: IncomingMessage, res: ServerResponse): void {
  const prefix = req.headers['x-ingress-path'];
  sendWebUiPage(res, basePath(typeof prefix === 'string' ? prefix : undefined));
}

/** Passes the request to the HTTP API with its token (the user came through HA's login). */
function forward(req: IncomingMessage, res: ServerResponse, options: IngressOptions): void {
  const headers = { ...req.headers, authorization: `Bearer ${options.apiToken}` };
  delete headers.host;
  const upstream = request(
    { host: '127.0.0.1', port: options.apiPort, method: req.method, path: req.url, headers },
    (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    options.logger.warn(`ingress: the HTTP API did not answer: ${error.message}`);
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('Bad Gateway\n');
  });
  req.pipe(upstream);
}
