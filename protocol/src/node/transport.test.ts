import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { AudioChunk } from '../audio.js';
import { ProtocolError } from '../errors.js';
import { Describe } from '../info.js';
import { Ping, Pong } from '../ping.js';
import { WyomingClient } from './client.js';
import type { WyomingConnection } from './connection.js';
import { createDemoServer } from './demo-server.js';
import { type ConnectionHandler, WyomingServer } from './server.js';
import { formatUri, parseUri } from './uri.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(handler: ConnectionHandler, uri = 'tcp://127.0.0.1:0', extra = {}) {
  const server = new WyomingServer({ uri, handler, ...extra });
  await server.start();
  cleanups.push(() => server.stop());
  return server;
}

async function connectClient(uri: string) {
  const client = await WyomingClient.connect(uri);
  cleanups.push(() => client.disconnect());
  return client;
}

/** A process that listens on `path` and is killed, leaving its socket file behind. */
async function leaveStaleSocket(path: string): Promise<void> {
  const code = `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout!, 'data');
  child.kill('SIGKILL');
  await once(child, 'exit');
}

const pingPong: ConnectionHandler = async (connection) => {
  for await (const event of connection) {
    if (Ping.isType(event.type))
      await connection.write(new Pong({ text: Ping.fromEvent(event).text }));
  }
};

describe('URIs', () => {
  it('parses tcp, IPv6 and unix forms as the reference does', () => {
    expect(parseUri('tcp://0.0.0.0:10700')).toEqual({ kind: 'tcp', host: '0.0.0.0', port: 10700 });
    expect(parseUri('tcp://[::1]:10600')).toEqual({ kind: 'tcp', host: '::1', port: 10600 });
    expect(parseUri('unix:///run/jarvis.sock')).toEqual({ kind: 'unix', path: '/run/jarvis.sock' });
    expect(formatUri(parseUri('tcp://[::1]:1'))).toBe('tcp://[::1]:1');
    expect(() => parseUri('tcp://host')).toThrow(/needs a port/);
    expect(() => parseUri('http://x:1')).toThrow(/unsupported URI/);
    expect(() => parseUri('unix://')).toThrow(/needs a path/);
  });
});

describe('WyomingServer and WyomingClient', () => {
  it('serve events both ways over tcp', async () => {
    const server = await startServer(pingPong);
    expect(server.uri).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    const client = await connectClient(server.uri);
    await client.write(new Ping({ text: 'one' }));
    await client.write(new Ping({ text: 'two' }));
    expect(await client.readEvent()).toEqual({ type: 'pong', data: { text: 'one' } });
    expect(await client.readEvent()).toEqual({ type: 'pong', data: { text: 'two' } });
  });

  it('serve over a unix socket, replacing a stale socket file and removing it on stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wyoming-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'w.sock');
    await leaveStaleSocket(path);
    expect(existsSync(path)).toBe(true);
    const server = await startServer(pingPong, `unix://${path}`);
    const client = await connectClient(`unix://${path}`);
    await client.write(new Ping({ text: 'u' }));
    expect(await client.readEvent()).toEqual({ type: 'pong', data: { text: 'u' } });
    await client.disconnect();
    await server.stop();
    expect(existsSync(path)).toBe(false);
  });

  it('waits for a slow reader before writing more (backpressure)', async () => {
    let writesDone = false;
    let written = 0;
    const payload = new Uint8Array(1024 * 1024).fill(1);
    const server = await startServer(async (connection) => {
      for (let i = 0; i < 64; i++) {
        await connection.write({
          type: 'audio-chunk',
          data: { rate: 16000, width: 2, channels: 1, timestamp: i },
          payload,
        });
        written++;
      }
      writesDone = true;
      await connection.readEvent();
    });
    const client = await connectClient(server.uri);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(writesDone).toBe(false); // 64 MiB cannot all sit in socket buffers
    expect(written).toBeLessThan(64);
    for (let i = 0; i < 64; i++) {
      const chunk = AudioChunk.fromEvent((await client.readEvent())!);
      expect(chunk.timestamp).toBe(i);
      expect(chunk.audio.length).toBe(payload.length);
    }
    expect(writesDone).toBe(true);
  });

  it('stops reading from a peer whose events are not consumed, and resumes', async () => {
    let connection: WyomingConnection | undefined;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const server = await startServer(
      (c) => {
        connection = c;
        return released;
      },
      undefined,
      { maxQueuedBytes: 256 * 1024 },
    );
    const client = await connectClient(server.uri);
    const payload = new Uint8Array(64 * 1024).fill(9);
    const sending = (async () => {
      for (let i = 0; i < 100; i++)
        await client.write({
          type: 'audio-chunk',
          data: { rate: 16000, width: 2, channels: 1, timestamp: i },
          payload,
        });
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connection!.pendingEvents).toBeLessThan(10); // paused, not 100 events in memory
    for (let i = 0; i < 100; i++) expect((await connection!.readEvent())!.data.timestamp).toBe(i);
    await sending;
    release();
  });

  it('closes an idle connection', async () => {
    const server = await startServer(pingPong, undefined, { idleTimeoutMs: 150 });
    const client = await connectClient(server.uri);
    expect(await client.readEvent()).toBeNull();
  });

  it('answers a failing handler with an internal-error event and keeps serving', async () => {
    let calls = 0;
    const server = await startServer(async (connection) => {
      calls++;
      if (calls === 1) {
        await connection.readEvent();
        throw new Error('boom');
      }
      await pingPong(connection);
    });
    const broken = await connectClient(server.uri);
    await broken.write(new Describe());
    expect(await broken.readEvent()).toEqual({
      type: 'error',
      data: { text: 'internal error', code: 'internal-error' },
    });
    expect(await broken.readEvent()).toBeNull();
    const fine = await connectClient(server.uri);
    await fine.write(new Ping());
    expect((await fine.readEvent())!.type).toBe('pong');
  });

  it('shuts down cleanly: clients see a clean end and handlers finish', async () => {
    let finished = 0;
    const server = new WyomingServer({
      uri: 'tcp://127.0.0.1:0',
      handler: async (connection) => {
        await pingPong(connection);
        finished++;
      },
    });
    await server.start();
    const clients = await Promise.all([1, 2, 3].map(() => WyomingClient.connect(server.uri)));
    await Promise.all(clients.map((c) => c.write(new Ping())));
    for (const c of clients) await c.readEvent();
    expect(server.connectionCount).toBe(3);
    await server.stop();
    expect(finished).toBe(3);
    for (const c of clients) expect(await c.readEvent()).toBeNull();
    await expect(clients[0]!.write(new Ping())).rejects.toThrow(ProtocolError);
  });

  it('reports refused and aborted connections', async () => {
    const server = await startServer(pingPong);
    const uri = server.uri;
    await server.stop();
    cleanups.pop();
    await expect(WyomingClient.connect(uri)).rejects.toThrow(/ECONNREFUSED/);
    await expect(WyomingClient.connect(uri, { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});

describe('the demo server', () => {
  it('answers describe and ping, and says it has no engines', async () => {
    const server = createDemoServer({ uri: 'tcp://127.0.0.1:0' });
    await server.start();
    cleanups.push(() => server.stop());
    const client = await connectClient(server.uri);
    await client.write(new Describe());
    expect((await client.readEvent())!.type).toBe('info');
    await client.write({ type: 'transcribe', data: {} });
    expect((await client.readEvent())!.data.code).toBe('not-supported');
  });
});
