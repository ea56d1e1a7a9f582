// The server's doors against the probe's findings, on the real app (Wyoming endpoint and HTTP
// API on port 0, the demo home, a Wyoming ASR test double): each hostile or careless peer is
// refused or cut, and another peer is still answered while it happens.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AudioStart,
  AudioStop,
  type Event,
  type Eventable,
  encodeEvent,
  Info,
  Ping,
  Transcribe,
  Transcript,
} from 'wyoming-ts';
import { parseUri, WyomingConnection } from 'wyoming-ts/node';
import { type RunningApp, startApp } from '../app.js';
import { ConfigSchema } from '../config/schema.js';
import { startFakeAsr } from '../engines/stt/fake-asr-server.js';
import { WyomingStt } from '../engines/stt/wyoming-stt.js';
import { EspeakTts } from '../engines/tts/espeak-tts.js';
import { DemoHome } from '../home/demo-home.js';
import { createIntentRecognizer } from '../intents/index.js';

const TOKEN = 'doors-test-token-0123456789';
const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Doors {
  app: RunningApp;
  home: DemoHome;
  /** A Wyoming connection to the endpoint, from `from` (any 127.x address) when given. */
  open(from?: string): Promise<WyomingConnection>;
  /** A bare socket to the endpoint, for a peer that is not even speaking Wyoming. */
  raw(from?: string): Promise<Socket>;
  /** Whether another peer still gets its pong and the HTTP API its /health. */
  othersAnswered(): Promise<boolean>;
}

/** Every log line, as `LEVEL message`. */
const logged: string[] = [];
const logger = {
  debug: (m: string) => logged.push(`DEBUG ${m}`),
  info: (m: string) => logged.push(`INFO ${m}`),
  warn: (m: string) => logged.push(`WARN ${m}`),
  error: (m: string) => logged.push(`ERROR ${m}`),
};

async function startDoors(wyoming: Record<string, unknown> = {}, stt = {}): Promise<Doors> {
  logged.length = 0;
  const asr = await startFakeAsr({ mode: 'silent' });
  cleanups.push(() => asr.stop());
  const config = ConfigSchema.parse({
    wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false, ...wyoming },
    http: { host: '127.0.0.1', port: 0, token: TOKEN },
    discovery: { zeroconf: false },
    // Pings every 500 ms, so an idle timeout of a second is not raised to twice the interval.
    satellite_driver: { ping_interval_ms: 500 },
    stt,
  });
  const home = new DemoHome();
  const app = await startApp(
    config,
    {
      stt: new WyomingStt({ uri: asr.uri, responseTimeoutMs: 120_000 }),
      tts: new EspeakTts(),
      recognizer: createIntentRecognizer(),
      home,
    },
    logger,
  );
  cleanups.push(() => app.stop());
  const address = parseUri(app.wyomingUri);
  if (address.kind !== 'tcp') throw new Error('tcp expected');
  const raw = async (from?: string) => {
    const socket = connect({ host: address.host, port: address.port, localAddress: from });
    socket.on('error', () => {});
    await once(socket, 'connect');
    cleanups.push(() => void socket.destroy());
    return socket;
  };
  const open = async (from?: string) => {
    const connection = new WyomingConnection(await raw(from));
    cleanups.push(() => connection.destroy());
    return connection;
  };
  const othersAnswered = async () => {
    const peer = await open();
    await peer.write(new Ping({ text: 'anyone home?' })).catch(() => {});
    const pong = await peer.readEvent().catch(() => null);
    peer.destroy();
    const health = await fetch(`http://127.0.0.1:${app.httpPort}/health`);
    return pong?.type === 'pong' && health.status === 200;
  };
  return { app, home, open, raw, othersAnswered };
}

/** Retries `check` until it holds; the test's timeout is the only deadline. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Everything `connection` receives until the server closes it. */
async function untilClosed(connection: WyomingConnection): Promise<Event[]> {
  const events: Event[] = [];
  for (;;) {
    const event = await connection.readEvent().catch(() => null);
    if (!event) return events;
    events.push(event);
  }
}

const errorCode = (events: Event[]) => events.find((e) => e.type === 'error')?.data['code'];

async function send(connection: WyomingConnection, events: Array<Event | Eventable>) {
  for (const event of events) await connection.write(event).catch(() => {});
}

describe('audio formats out of bounds', () => {
  it('refuses a 4 KiB chunk claiming 2^31 Hz and 64 channels before any work', async () => {
    const doors = await startDoors();
    const hostile = await doors.open();
    await send(hostile, [
      new Transcribe(),
      {
        type: 'audio-chunk',
        data: { rate: 2 ** 31, width: 2, channels: 64 },
        payload: new Uint8Array(4096),
      },
    ]);
    const answered = doors.othersAnswered();
    expect(errorCode(await untilClosed(hostile))).toBe('unsupported-audio-format');
    expect(await answered).toBe(true);
  });

  it('refuses five 1.2 KB chunks at 16 MHz, and a satellite streaming them', async () => {
    const doors = await startDoors();
    const chunk = {
      type: 'audio-chunk',
      data: { rate: 16_000_000, width: 2, channels: 1 },
      payload: new Uint8Array(1200),
    };
    const client = await doors.open();
    await send(client, [
      new AudioStart({ rate: 16000, width: 2, channels: 1 }),
      ...Array(5).fill(chunk),
    ]);
    const satellite = await doors.open();
    await send(satellite, [
      new Info({
        satellite: { name: 'attic', attribution: { name: 'x', url: 'x' }, installed: true },
      }),
      ...Array(5).fill(chunk),
    ]);
    const answered = doors.othersAnswered();
    expect(errorCode(await untilClosed(client))).toBe('unsupported-audio-format');
    expect(errorCode(await untilClosed(satellite))).toBe('unsupported-audio-format');
    expect(await answered).toBe(true);
  });
});

describe('text limits', () => {
  it('refuses a 400 KB transcript and a 2,000-character one, and answers others', async () => {
    const doors = await startDoors();
    const huge = await doors.open();
    await send(huge, [new Transcript({ text: 'unlock the front door '.repeat(18_000) })]);
    const long = await doors.open();
    await send(long, [new Transcript({ text: 'turn on the light '.repeat(112) })]);
    const answered = doors.othersAnswered();
    expect(errorCode(await untilClosed(huge))).toBeDefined();
    expect(errorCode(await untilClosed(long))).toBe('too-long');
    expect(await answered).toBe(true);
    expect(doors.home.entity('lock.front_door')?.state).toBe('locked');
  });
});

describe('connections', () => {
  it('cuts a peer that sends one byte at a time, and answers others meanwhile', async () => {
    // 3 s: a busy machine can take over a second to answer the other peer, which must not be cut.
    const doors = await startDoors({ idle_timeout_ms: 3000 });
    const slow = await doors.raw();
    const closed = once(slow, 'close');
    slow.resume(); // reads, so the server's close is seen
    const bytes = encodeEvent(new Transcript({ text: 'turn on the kitchen light' }));
    let sent = 0;
    const timer = setInterval(() => {
      if (!slow.destroyed && sent < bytes.length) slow.write(bytes.subarray(sent, ++sent));
    }, 100);
    cleanups.push(() => clearInterval(timer));
    expect(await doors.othersAnswered()).toBe(true);
    await closed;
    expect(sent).toBeLessThan(bytes.length);
  });

  it('refuses connections past the cap with an error, and HTTP still answers', async () => {
    const doors = await startDoors({ max_connections: 5 });
    const held = await Promise.all(Array.from({ length: 5 }, () => doors.open()));
    for (const connection of held) {
      await connection.write(new Ping());
      expect((await connection.readEvent())?.type).toBe('pong'); // served: the cap is reached
    }
    const extra = await Promise.all(Array.from({ length: 20 }, () => doors.open()));
    for (const refused of extra)
      expect(errorCode(await untilClosed(refused))).toBe('too-many-connections');
    expect((await fetch(`http://127.0.0.1:${doors.app.httpPort}/health`)).status).toBe(200);
    for (const connection of held) await connection.close();
    await eventually(doors.othersAnswered); // once the server has seen them go
  });

  it('cuts connections that stay idle, so they cannot hold the cap', async () => {
    const doors = await startDoors({ max_connections: 5, idle_timeout_ms: 1000 });
    const idle = await Promise.all(Array.from({ length: 5 }, () => doors.open()));
    for (const connection of idle) await untilClosed(connection);
    await eventually(doors.othersAnswered); // once the server has counted them out
  });

  it('refuses a peer outside wyoming.allowed_peers with an error', async () => {
    const doors = await startDoors({ allowed_peers: ['10.0.0.0/8', '127.0.0.2'] });
    const outsider = await doors.open('127.0.0.1');
    await send(outsider, [new Ping()]);
    const events = await untilClosed(outsider);
    expect(errorCode(events)).toBe('peer-not-allowed');
    expect(events.some((e) => e.type === 'pong')).toBe(false);
    const insider = await doors.open('127.0.0.2');
    await send(insider, [new Ping({ text: 'in' })]);
    expect((await insider.readEvent())?.type).toBe('pong');
  });
});

describe('the transcribe service', () => {
  it('refuses more than max_audio_seconds of audio in one request', async () => {
    const doors = await startDoors({ max_audio_seconds: 2 });
    const client = await doors.open();
    const second = {
      type: 'audio-chunk',
      data: { rate: 16000, width: 2, channels: 1 },
      payload: new Uint8Array(32000),
    };
    await send(client, [new Transcribe(), new AudioStart({ rate: 16000, width: 2, channels: 1 })]);
    await send(client, Array(3).fill(second));
    const refusal = await client.readEvent();
    expect(refusal).toMatchObject({ type: 'error', data: { code: 'audio-too-long' } });
    await send(client, Array(50).fill(second)); // dropped, not kept
    await send(client, [new AudioStop(), new Ping({ text: 'after' })]);
    expect(await client.readEvent()).toMatchObject({ type: 'pong', data: { text: 'after' } });
  });

  it('answers within stt.timeout_ms when the speech-to-text service stays silent', async () => {
    const doors = await startDoors({}, { timeout_ms: 300 });
    const client = await doors.open();
    const second = {
      type: 'audio-chunk',
      data: { rate: 16000, width: 2, channels: 1 },
      payload: new Uint8Array(32000),
    };
    await send(client, [
      new Transcribe(),
      new AudioStart({ rate: 16000, width: 2, channels: 1 }),
      second,
      new AudioStop(),
    ]);
    expect(await client.readEvent()).toMatchObject({
      type: 'error',
      data: { code: 'stt-timeout' },
    });
  });
});

describe('who may control the house', () => {
  const ask = async (doors: Doors, from: string, text: string) => {
    const client = await doors.open(from);
    await send(client, [new Transcript({ text, context: { conversation_id: 'kitchen' } })]);
    const answer = await client.readEvent();
    client.destroy();
    return answer;
  };

  it('takes a "yes" to an unlock only from the peer that asked', async () => {
    const doors = await startDoors();
    const question = await ask(doors, '127.0.0.1', 'unlock the front door');
    expect(question?.data['text']).toBe('Do you want me to unlock the front door?');
    expect(question?.data['context']).toEqual({ conversation_id: 'kitchen' });
    const stranger = await ask(doors, '127.0.0.2', 'yes');
    expect(stranger?.type).toBe('not-handled');
    expect(doors.home.entity('lock.front_door')?.state).toBe('locked');
    const owner = await ask(doors, '127.0.0.1', 'yes');
    expect(owner).toMatchObject({ type: 'handled', data: { text: 'Unlocked the front door.' } });
    expect(doors.home.entity('lock.front_door')?.state).toBe('unlocked');
  });
});

describe('log lines about peers', () => {
  it('logs a malformed peer once, with its address, and never as an error', async () => {
    const doors = await startDoors();
    const malformed = [
      '{"type": 42}\n',
      'not json at all\n',
      encodeEvent({ type: 'info', data: { satellite: { name: 7 } } }),
      encodeEvent({ type: 'transcript', data: { text: ['not', 'a', 'string'] } }),
    ];
    for (const bytes of malformed) {
      const peer = await doors.raw();
      const port = peer.localPort;
      const closed = once(peer, 'close');
      peer.resume(); // reads (and drops) the server's answer, so the close is seen
      peer.write(bytes);
      await closed;
      const lines = logged.filter((line) => !line.startsWith('DEBUG') && line.includes(`:${port}`));
      expect(lines, logged.join('\n')).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^WARN 127\\.0\\.0\\.1:${port}: `));
    }
    expect(logged.filter((line) => line.startsWith('ERROR'))).toEqual([]);
  });
});
