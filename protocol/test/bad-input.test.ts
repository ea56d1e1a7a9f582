import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeEvents,
  type Event,
  EventDecoder,
  encodeEvent,
  Ping,
  ProtocolError,
} from '../src/index.js';
import { WyomingClient, WyomingServer } from '../src/node/index.js';

const utf8 = new TextEncoder();
const text = (s: string) => utf8.encode(s);

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomBytes(next: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

const validFrame = encodeEvent({
  type: 'audio-chunk',
  data: { rate: 16000, width: 2, channels: 1, timestamp: 0 },
  payload: new Uint8Array(64).fill(3),
});

/** Every kind of bad input the issue lists, by name. */
function badInputs(): Array<[string, Uint8Array]> {
  const next = seeded(42);
  const cases: Array<[string, Uint8Array]> = [];
  for (let i = 0; i < 5; i++) cases.push([`random bytes #${i}`, randomBytes(next, 50 + i * 400)]);
  for (const cut of [1, 10, 40, validFrame.length - 65, validFrame.length - 1]) {
    cases.push([`frame truncated at ${cut}`, validFrame.subarray(0, cut)]);
  }
  const lines: Record<string, string> = {
    'non-JSON header': 'hello wyoming\n',
    'empty header line': '\n',
    'array header': '[1,2]\n',
    'string header': '"audio-chunk"\n',
    'number header': '42\n',
    'null header': 'null\n',
    'missing type': '{"data":{"text":"x"}}\n',
    'non-string type': '{"type":7}\n',
    'empty type': '{"type":""}\n',
    'non-object inline data': '{"type":"transcript","data":[1]}\n',
    'negative data_length': '{"type":"x","data_length":-5}\n',
    'negative payload_length': '{"type":"x","payload_length":-1}\n',
    'fractional data_length': '{"type":"x","data_length":2.5}\n{}',
    'fractional payload_length': '{"type":"x","payload_length":0.5}\n',
    'string payload_length': '{"type":"x","payload_length":"10"}\n',
    'huge data_length': '{"type":"x","data_length":1e12}\n',
    'huge payload_length': `{"type":"x","payload_length":${2 ** 53}}\n`,
    'payload over the 16 MiB limit': `{"type":"x","payload_length":${16 * 1024 * 1024 + 1}}\n`,
    'non-JSON data block': '{"type":"x","data_length":3}\nabc',
    'array data block': '{"type":"x","data_length":2}\n[]',
    'header ending without newline': '{"type":"played"}',
  };
  for (const [name, line] of Object.entries(lines)) cases.push([name, text(line)]);
  cases.push([
    'invalid UTF-8 in header',
    new Uint8Array([...text('{"type":"'), 0xc3, 0x28, ...text('"}\n')]),
  ]);
  cases.push([
    'invalid UTF-8 in data',
    new Uint8Array([...text('{"type":"x","data_length":4}\n'), 0x7b, 0xff, 0xfe, 0x7d]),
  ]);
  cases.push(['header over 64 KiB', text(`{"type":"${'a'.repeat(70 * 1024)}`)]);
  return cases;
}

function decodeAll(bytes: Uint8Array, pieceSize: number): Event[] {
  const decoder = new EventDecoder();
  const events: Event[] = [];
  for (let i = 0; i < bytes.length; i += pieceSize)
    events.push(...decoder.push(bytes.subarray(i, i + pieceSize)));
  decoder.end();
  return events;
}

describe('bad input to the decoder', () => {
  it.each(badInputs())('%s gives a ProtocolError, whole or in pieces', (_name, bytes) => {
    for (const piece of [1, 7, bytes.length || 1]) {
      expect(() => decodeAll(bytes, piece)).toThrow(ProtocolError);
    }
  });

  it('never reports corrupt input as a clean end of stream', () => {
    const next = seeded(7);
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(next, 1 + Math.floor(next() * 2000));
      expect(() => decodeEvents(bytes)).toThrow(ProtocolError);
    }
  });
});

/** Sends raw bytes, half-closes, and collects what the server answers until it closes. */
function sendRaw(uri: string, bytes: Uint8Array): Promise<{ events: Event[]; closed: boolean }> {
  const port = Number(new URL(uri).port);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: '127.0.0.1', port });
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', reject);
    socket.on('close', () =>
      resolve({ events: decodeEvents(Buffer.concat(received)), closed: true }),
    );
    socket.on('connect', () => socket.end(bytes));
  });
}

describe('bad input to a live WyomingServer', () => {
  let server: WyomingServer;
  let good: WyomingClient;
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    server = new WyomingServer({
      uri: 'tcp://127.0.0.1:0',
      handler: async (connection) => {
        try {
          for await (const event of connection) {
            if (Ping.isType(event.type)) await connection.write({ type: 'pong', data: event.data });
          }
        } catch (error) {
          handlerErrors.push(error);
          throw error;
        }
      },
    });
    await server.start();
    good = await WyomingClient.connect(server.uri);
  });

  afterAll(async () => {
    await good.disconnect();
    await server.stop();
  });

  it.each(badInputs())(
    '%s: an error event, the connection closed, the others still served',
    async (name, bytes) => {
      const before = handlerErrors.length;
      const { events, closed } = await sendRaw(server.uri, bytes);
      expect(closed).toBe(true);
      expect(events.map((e) => e.type)).toEqual(['error']);
      expect(String(events[0]!.data.code)).toMatch(
        /^(protocol-error|bad-json|bad-utf8|missing-type|too-large|header-too-long|truncated)$/,
      );
      expect(handlerErrors.length).toBe(before + 1);
      expect(handlerErrors.at(-1)).toBeInstanceOf(ProtocolError);

      await good.write(new Ping({ text: name }));
      expect(await good.readEvent()).toEqual({ type: 'pong', data: { text: name } });
    },
  );
});
