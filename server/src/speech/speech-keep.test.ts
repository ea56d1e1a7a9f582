import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { useRedisServer } from '../../../tests/helpers/redis-suite.js';
import { type Claim, redisClaim } from './claim.js';
import { ManualClock } from './clock.js';
import type { RoomMode, SpeechItem } from './schedule.js';
import { FileSpeechKeep, RedisSpeechKeep, type SpeechKeep, toKeep } from './speech-keep.js';
import { SpeechService } from './speech-service.js';
import { MIN, item } from './test-items.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const START = Date.UTC(2026, 11, 6, 22, 0);

const redis = useRedisServer(Redis);

const dir = () => tempDir('jarvis-speech-');

/** Two handles on one place: what one server kept, the next (restarted) one reads. */
const places: [string, () => () => SpeechKeep][] = [
  [
    'file',
    () => {
      const file = join(dir(), 'speech.json');
      return () => new FileSpeechKeep(file);
    },
  ],
  [
    'redis',
    () => {
      const prefix = redis.prefix();
      return () => new RedisSpeechKeep(redis.client(), prefix);
    },
  ],
];

/** A speech service on a manual clock whose satellites and modes the test sets. */
function server(keep: SpeechKeep, clock: ManualClock, claim?: Claim) {
  const connected = new Set<string>();
  const modes = new Map<string, RoomMode>();
  const said: { text: string; on: readonly string[]; messages?: number }[] = [];
  const speech = new SpeechService({
    clock,
    satellites: () => [...connected],
    modeOf: (name) => modes.get(name) ?? 'normal',
    say: async (spoken, on, messages) => {
      said.push({ text: spoken.text, on, ...(messages && { messages }) });
    },
    lastHeardWindowMs: 10 * MIN,
    keep,
    ...(claim && { claim }),
  });
  return { speech, connected, modes, said };
}

describe('toKeep', () => {
  it('leaves reminders to their book and joins an item said on some satellites, held for others', () => {
    const spoken = item('announce:1', 0, { kind: 'announce', targets: ['kitchen'] });
    const held = { ...spoken, targets: ['bedroom'] };
    expect(toKeep([item('reminder:r1:due', 0), spoken, held])).toEqual([
      { ...spoken, targets: ['kitchen', 'bedroom'] },
    ]);
  });
});

describe.each(places)('held speech kept in %s', (_name, place) => {
  it('survives a restart and is said when the satellite is back and may speak', async () => {
    const open = place();
    const clock = new ManualClock(START);
    const first = server(open(), clock);
    await first.speech.start();
    first.connected.add('bedroom');
    first.modes.set('bedroom', 'dnd');
    expect(first.speech.announce('The parcel came', ['bedroom']).held).toEqual(['bedroom']);
    const question = first.speech.announce('Close the garage?', ['bedroom'], {
      kind: 'ask',
      answers: [{ id: 'yes', sentences: ['yes'] }],
    });
    expect(question.held).toEqual(['bedroom']);
    await first.speech.stop();

    clock.advance(60 * MIN);
    const second = server(open(), clock);
    expect(await second.speech.start()).toBe(2);
    expect(second.speech.state.held.map((i) => i.answers)).toEqual([
      undefined,
      [{ id: 'yes', sentences: ['yes'] }],
    ]);
    second.connected.add('bedroom');
    second.speech.refresh();
    await second.speech.idle();
    expect(second.said).toEqual([
      { text: 'The parcel came', on: ['bedroom'], messages: 2 },
      { text: 'Close the garage?', on: ['bedroom'] },
    ]);
    await second.speech.stop();
    const third = server(open(), clock);
    expect(await third.speech.start()).toBe(0);
  });
});

describe('held messages, several servers on one Redis', () => {
  it('one kept by a server that died is said once by those that take over, then no longer kept', async () => {
    const open = places[1]![1]();
    const clock = new ManualClock(START);
    const first = server(open(), clock);
    await first.speech.start();
    first.connected.add('kitchen');
    first.modes.set('kitchen', 'dnd');
    first.speech.announce('The parcel came', ['kitchen']);
    await first.speech.stop();

    const client = redis.client();
    const claim = (owner: string) => redisClaim(client, { owner, keyPrefix: `claims:${START}:` });
    const takers = [server(open(), clock, claim('b')), server(open(), clock, claim('c'))];
    for (const taker of takers) {
      expect(await taker.speech.start()).toBe(1);
      taker.connected.add('kitchen');
    }
    for (const taker of takers) taker.speech.refresh();
    await Promise.all(takers.map((taker) => taker.speech.idle()));
    expect(takers.flatMap((taker) => taker.said)).toEqual([
      { text: 'The parcel came', on: ['kitchen'] },
    ]);
    expect(await server(open(), clock).speech.start()).toBe(0);
  });

  it('one for satellites on different servers: each says its own part, once, and removes it', async () => {
    const open = places[1]![1]();
    const clock = new ManualClock(START);
    const first = server(open(), clock);
    await first.speech.start();
    for (const name of ['kitchen', 'bedroom']) {
      first.connected.add(name);
      first.modes.set(name, 'dnd');
    }
    first.speech.announce('Dinner is ready', ['kitchen', 'bedroom']);
    await first.speech.stop();

    const client = redis.client();
    const claim = (owner: string) => redisClaim(client, { owner, keyPrefix: `parts:${START}:` });
    const b = server(open(), clock, claim('b'));
    const c = server(open(), clock, claim('c'));
    b.connected.add('kitchen');
    for (const name of ['kitchen', 'bedroom']) c.connected.add(name);
    for (const taker of [b, c]) expect(await taker.speech.start()).toBe(1);
    for (const taker of [b, c]) taker.speech.refresh();
    await Promise.all([b, c].map((taker) => taker.speech.idle()));
    const on = [b, c].flatMap((taker) => taker.said.flatMap((s) => s.on));
    expect(on.sort()).toEqual(['bedroom', 'kitchen']);
    expect(c.said.flatMap((s) => s.on)).toContain('bedroom');
    expect(await server(open(), clock).speech.start()).toBe(0);

    // Back on a server that still held it: already said there, it is let go.
    b.connected.add('bedroom');
    b.speech.refresh();
    await b.speech.idle();
    expect(b.said.flatMap((s) => s.on)).not.toContain('bedroom');
    expect(b.speech.state).toEqual({ pending: [], held: [] });
    expect(await server(open(), clock).speech.start()).toBe(0);
  });
});

describe('a held message for a satellite that went away', () => {
  it('is kept while it is gone, and said when it comes back', async () => {
    const clock = new ManualClock(START);
    const run = server(new FileSpeechKeep(join(dir(), 'speech.json')), clock);
    run.connected.add('bedroom');
    run.connected.add('kitchen');
    run.modes.set('bedroom', 'dnd');
    expect(run.speech.announce('Dinner is ready', ['bedroom', 'kitchen']).held).toEqual([
      'bedroom',
    ]);
    await run.speech.idle();
    run.connected.delete('bedroom');
    run.modes.delete('bedroom');
    run.speech.refresh();
    await run.speech.idle();
    expect(run.said).toEqual([{ text: 'Dinner is ready', on: ['kitchen'] }]);
    run.connected.add('bedroom');
    run.speech.refresh();
    await run.speech.idle();
    expect(run.said.at(-1)).toEqual({ text: 'Dinner is ready', on: ['bedroom'] });
    expect(run.speech.state).toEqual({ pending: [], held: [] });
  });
});

describe('someone speaks to a silent satellite', () => {
  it('after the answer, it says what it holds, "you have two messages" first', async () => {
    const clock = new ManualClock(START);
    const run = server(new FileSpeechKeep(join(dir(), 'speech.json')), clock);
    run.connected.add('bedroom');
    run.modes.set('bedroom', 'silent');
    run.speech.announce('The parcel came', ['bedroom']);
    run.speech.announce('Dinner is ready', ['bedroom']);
    await run.speech.idle();
    expect(run.said).toEqual([]);
    run.speech.addressed('bedroom');
    await run.speech.idle();
    expect(run.said).toEqual([
      { text: 'The parcel came', on: ['bedroom'], messages: 2 },
      { text: 'Dinner is ready', on: ['bedroom'] },
    ]);
    // Addressed once: what comes later waits again.
    run.speech.announce('The washing is done', ['bedroom']);
    await run.speech.idle();
    expect(run.said).toHaveLength(2);
  });

  it('in do not disturb it still holds', async () => {
    const clock = new ManualClock(START);
    const run = server(new FileSpeechKeep(join(dir(), 'speech.json')), clock);
    run.connected.add('bedroom');
    run.modes.set('bedroom', 'dnd');
    run.speech.announce('The parcel came', ['bedroom']);
    run.speech.addressed('bedroom');
    await run.speech.idle();
    expect(run.said).toEqual([]);
  });
});

describe('what was kept cannot be read', () => {
  it('names the file, and leaves it as it was', async () => {
    const file = join(dir(), 'speech.json');
    writeFileSync(file, '{"items": [{"id": 3}]}');
    const run = server(new FileSpeechKeep(file), new ManualClock(START));
    await expect(run.speech.start()).rejects.toThrow(file);
    run.connected.add('bedroom');
    run.modes.set('bedroom', 'dnd');
    run.speech.announce('The parcel came', ['bedroom']);
    await run.speech.idle();
    expect(readFileSync(file, 'utf8')).toBe('{"items": [{"id": 3}]}');
  });

  it('skips a Redis field that does not parse', async () => {
    const client = redis.client();
    await client.hset('bad:speech', 'x', 'not json', 'y', '{"id":"y"}');
    const kept: SpeechItem = item('announce:z', START, { kind: 'announce', targets: ['a'] });
    await client.hset('bad:speech', 'announce:z', JSON.stringify(kept));
    expect(await new RedisSpeechKeep(client, 'bad:').load()).toEqual([kept]);
  });
});
