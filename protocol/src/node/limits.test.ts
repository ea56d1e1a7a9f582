// The transport's limits against peers that misbehave: one that dribbles bytes, one that never
// reads, too many at once, one the server does not admit, one whose event breaks the rules. In
// each case that peer is cut (told why when it can be) and a well-behaved peer is still answered.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { assertEventWithinLimits } from '../bounds.js';
import { encodeEvent } from '../framing.js';
import { escapeForLog } from '../logger.js';
import { Ping, Pong } from '../ping.js';
import { Synthesize } from '../tts.js';
import { WyomingClient } from './client.js';
import { type ConnectionHandler, WyomingServer, type WyomingServerOptions } from './server.js';
import { createStderrLogger } from './stderr-logger.js';
import { parseUri } from './uri.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const pingPong: ConnectionHandler = async (connection) => {
  for await (const event of connection) {
    if (Ping.isType(event.type))
      await connection.write(new Pong({ text: Ping.fromEvent(event).text }));
  }
};

async function startServer(extra: Partial<WyomingServerOptions> = {}) {
  const server = new WyomingServer({ uri: 'tcp://127.0.0.1:0', handler: pingPong, ...extra });
  await server.start();
  cleanups.push(() => server.stop());
  return server;
}

/** A raw socket to the server, for peers no Wyoming client would be. */
async function rawSocket(uri: string): Promise<Socket> {
  const address = parseUri(uri);
  if (address.kind !== 'tcp') throw new Error('tcp only');
  const socket = connect(address.port, address.host);
  socket.on('error', () => {});
  await once(socket, 'connect');
  cleanups.push(() => void socket.destroy());
  return socket;
}

/** Everything the server sends on `socket` until it closes. */
async function readToClose(socket: Socket): Promise<string> {
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(socket, 'close');
  return Buffer.concat(chunks).toString('utf8');
}

/** Waits (with no deadline of its own: the test's timeout is the limit) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A well-behaved peer's round trip: it gets its pong. */
async function pingPongWorks(uri: string): Promise<boolean> {
  const client = await WyomingClient.connect(uri);
  try {
    await client.write(new Ping({ text: 'still there?' }));
    const event = await client.readEvent();
    return event?.type === 'pong' && event.data.text === 'still there?';
  } finally {
    await client.disconnect();
  }
}

describe('the idle timeout', () => {
  it('cuts a peer that sends one byte at a time, never a whole event, and serves others', async () => {
    const server = await startServer({ idleTimeoutMs: 1000 });
    const slow = await rawSocket(server.uri);
    const bytes = encodeEvent(new Ping({ text: 'x'.repeat(200) }));
    let sent = 0;
    const dribble = setInterval(() => {
      if (!slow.destroyed && sent < bytes.length) slow.write(bytes.subarray(sent, ++sent));
    }, 50);
    cleanups.push(() => clearInterval(dribble));
    const closed = readToClose(slow);
    expect(await pingPongWorks(server.uri)).toBe(true);
    await closed;
    expect(sent).toBeLessThan(bytes.length);
  });

  it('cuts a peer that never reads what it asked for', async () => {
    const big = new Uint8Array(1024 * 1024);
    const server = await startServer({
      idleTimeoutMs: 1000,
      handler: async (connection) => {
        const first = await connection.readEvent();
        if (first?.type === 'ping') await connection.write(new Pong({ text: 'still there?' }));
        else for (;;) await connection.write({ type: 'audio-chunk', data: {}, payload: big });
      },
    });
    const greedy = await rawSocket(server.uri);
    greedy.pause(); // asks, then never reads
    greedy.write(encodeEvent(new Synthesize({ text: 'a long story' })));
    await until(() => server.connectionCount === 1);
    expect(await pingPongWorks(server.uri)).toBe(true);
    await until(() => server.connectionCount === 0); // the server cut it: the peer never read
  });
});

describe('admission', () => {
  it('tells a peer past the cap why and closes it, and serves again once one leaves', async () => {
    const server = await startServer({ maxConnections: 2 });
    const first = await WyomingClient.connect(server.uri);
    const second = await WyomingClient.connect(server.uri);
    await first.write(new Ping());
    await second.write(new Ping());
    await first.readEvent();
    await second.readEvent();
    const third = await rawSocket(server.uri);
    const reply = await readToClose(third);
    expect(reply).toContain('"type":"error"');
    expect(reply).toContain('too-many-connections');
    await first.disconnect();
    await second.disconnect();
    await until(() => server.connectionCount === 0);
    expect(await pingPongWorks(server.uri)).toBe(true);
  });

  it('refuses a peer the admit check rejects, with an error event', async () => {
    const seen: Array<string | undefined> = [];
    const server = await startServer({
      admit: (address) => {
        seen.push(address);
        return seen.length === 1 ? 'not on the allowed list' : undefined;
      },
    });
    const refused = await rawSocket(server.uri);
    const reply = await readToClose(refused);
    expect(reply).toContain('peer-not-allowed');
    expect(reply).toContain('not on the allowed list');
    expect(seen[0]).toMatch(/127\.0\.0\.1$/);
    expect(await pingPongWorks(server.uri)).toBe(true);
  });
});

describe('event validation', () => {
  it('rejects a peer whose event breaks the limits before the handler sees it', async () => {
    const handled: string[] = [];
    const server = await startServer({
      validate: (event) => assertEventWithinLimits(event),
      handler: async (connection) => {
        for await (const event of connection) handled.push(event.type);
      },
    });
    const hostile = await rawSocket(server.uri);
    hostile.write(
      encodeEvent({
        type: 'audio-chunk',
        data: { rate: 2 ** 31, width: 2, channels: 64 },
        payload: new Uint8Array(4096),
      }),
    );
    const reply = await readToClose(hostile);
    expect(reply).toContain('unsupported-audio-format');
    expect(handled).toEqual([]);
  });

  it('answers an event the handler finds malformed with an error, not an internal error', async () => {
    const server = await startServer({
      handler: async (connection) => {
        const event = await connection.readEvent();
        if (event) Ping.fromEvent({ ...event, type: 'ping', data: { text: 42 } });
      },
    });
    const peer = await rawSocket(server.uri);
    peer.write(encodeEvent(new Ping()));
    const reply = await readToClose(peer);
    expect(reply).toContain('ping.text: expected string');
    expect(reply).not.toContain('internal-error');
  });
});

describe('log lines', () => {
  it('escapes control characters so a name cannot forge a line', () => {
    const name = 'kitchen\n2025-01-01T00:00:00.000Z INFO jarvis:server unlocked\u001b[2J\u2028';
    const escaped = escapeForLog(`satellite ${name} connected`);
    expect(escaped).not.toMatch(/[\n\r\u2028]/);
    expect(escaped).not.toContain(String.fromCharCode(27));
    expect(escaped).toContain('kitchen\\n2025');
    expect(escaped).toContain('\\u001b[2J');
  });

  it('writes one line per call from the stderr logger, whatever the message holds', () => {
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => written.push(chunk) > 0) as typeof write;
    try {
      createStderrLogger('test').info('satellite kitchen\nERROR forged connected', 'x\ry');
    } finally {
      process.stderr.write = write;
    }
    expect(written).toHaveLength(1);
    expect(written[0]!.split('\n')).toHaveLength(2); // the line, then the empty rest
    expect(written[0]).toContain('satellite kitchen\\nERROR forged connected x\\ry');
  });
});
