import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from 'wyoming-ts';
import { type Ingress, startIngress } from './ingress.js';

describe('the ingress listener', () => {
  const open: Array<{ stop(): Promise<void> } | Server> = [];
  afterEach(async () => {
    for (const item of open.splice(0)) {
      if ('stop' in item) await item.stop();
      else await new Promise((resolve) => item.close(resolve));
    }
  });

  /** An HTTP API stand-in that echoes the Authorization header it got. */
  async function api(): Promise<number> {
    const server = createServer((req, res) =>
      res.end(JSON.stringify({ auth: req.headers.authorization, url: req.url })),
    );
    open.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return (server.address() as AddressInfo).port;
  }

  async function ingress(peers: string[]): Promise<Ingress> {
    const started = await startIngress({
      host: '127.0.0.1',
      port: 0,
      peers,
      apiPort: await api(),
      apiToken: 'the-api-token-0123',
      logger: silentLogger,
    });
    open.push(started);
    return started;
  }

  it('refuses every source but the Supervisor', async () => {
    const { port } = await ingress(['172.30.32.2']);
    const reply = await fetch(`http://127.0.0.1:${port}/health`);
    expect(reply.status).toBe(403);
  });

  it('forwards to the API with its token, and serves the page under the ingress path', async () => {
    const { port } = await ingress(['127.0.0.1']);
    const forwarded = await (await fetch(`http://127.0.0.1:${port}/api/satellites?x=1`)).json();
    expect(forwarded).toEqual({ auth: 'Bearer the-api-token-0123', url: '/api/satellites?x=1' });
    const page = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { 'X-Ingress-Path': '/api/hassio_ingress/abc' },
    });
    expect(await page.text()).toContain('<base href="/api/hassio_ingress/abc/">');
    const odd = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { 'X-Ingress-Path': '/x"><script>' },
    });
    expect(await odd.text()).toContain('<base href="/">');
  });
});
