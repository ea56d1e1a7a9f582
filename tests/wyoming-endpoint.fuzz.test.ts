// Fuzz the live Wyoming endpoint of the real server process: each case is a bad peer that
// connects, sends a hostile stream (golden frames mutated, stacked, split at random; see
// protocol/test/fuzz-inputs.ts) and leaves; after each one the server must still be running and
// answer `describe` from a fresh connection. `npm run fuzz` runs more cases (FUZZ_SCALE).
import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Describe, Info } from 'wyoming-ts';
import { parseUri, WyomingClient } from 'wyoming-ts/node';
import { fuzzRuns, hostileStream, splitAt } from '../protocol/test/fuzz-inputs.js';
import { type ServerProcess, startServer } from './helpers/server-process.js';

const RUNS = fuzzRuns(200);
/** How long a bad peer stays after sending, unless the server closes first. */
const LINGER_MS = 300;

/** Sends `pieces` as one peer, half-closes, and leaves once the server closes or LINGER_MS. */
async function badPeer(uri: string, pieces: Uint8Array[]): Promise<'closed' | 'left'> {
  const address = parseUri(uri);
  if (address.kind !== 'tcp') throw new Error(`not a tcp URI: ${uri}`);
  const socket: Socket = connect({ host: address.host, port: address.port });
  socket.on('error', () => {}); // the server may reset us: that is its right
  socket.resume(); // read and drop whatever it answers
  const closed = new Promise<'closed'>((resolve) => socket.once('close', () => resolve('closed')));
  await new Promise<void>((resolve) => socket.once('connect', resolve).once('close', resolve));
  for (const piece of pieces) if (!socket.destroyed) socket.write(piece);
  if (!socket.destroyed) socket.end();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    closed,
    new Promise<'left'>((resolve) => (timer = setTimeout(() => resolve('left'), LINGER_MS))),
  ]);
  clearTimeout(timer);
  socket.destroy();
  return outcome;
}

/** `describe` from a fresh connection: the server's `info`, or the reason it did not come. */
async function describeAnswer(uri: string): Promise<Info> {
  const client = await WyomingClient.connect(uri, { connectTimeoutMs: 5000 });
  try {
    await client.write(new Describe());
    for (;;) {
      const event = await client.readEvent();
      if (!event) throw new Error('the server closed a fresh connection without answering');
      if (event.type === 'info') return Info.fromEvent(event);
    }
  } finally {
    await client.disconnect();
  }
}

describe('the live Wyoming endpoint under fuzz', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({
      wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false },
      http: { host: '127.0.0.1', port: 0, token: 'fuzz-test-token-0123456789' },
      discovery: { zeroconf: false },
    });
  });
  afterAll(() => server?.stop());

  it(
    `stays up and answers describe after each bad peer (${RUNS} peers)`,
    async () => {
      const outcomes = { closed: 0, left: 0 };
      await fc.assert(
        fc.asyncProperty(hostileStream, async ({ bytes, cuts }) => {
          outcomes[await badPeer(server.wyomingUri, splitAt(bytes, cuts))]++;
          expect(server.child.exitCode, server.log().slice(-4000)).toBeNull();
          const info = await describeAnswer(server.wyomingUri);
          expect(info.asr.length).toBeGreaterThan(0);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      console.log(
        `endpoint fuzz: ${RUNS} bad peers (${outcomes.closed} closed by the server, ` +
          `${outcomes.left} left on their own), 0 crashes`,
      );
      expect(server.log()).not.toMatch(/Uncaught|unhandled/i);
    },
    120_000 + RUNS * 2_000,
  );
});
