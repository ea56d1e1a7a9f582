import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEvents, type Event, EventDecoder, encodeEvent, parseEvent } from '../src/index.js';
import {
  GOLDEN_DIR,
  type GoldenCase,
  goldenBytes,
  goldenCases,
  goldenFileNames,
  payloadOf,
  withoutNulls,
} from './golden-files.js';

const cases = goldenCases();
const numbered = cases.filter((c) => /^\d\d-/.test(c.file));

function expectMatches(event: Event, golden: GoldenCase): void {
  expect(event.type).toBe(golden.type);
  expect(event.data).toEqual(golden.data);
  expect(event.payload).toEqual(payloadOf(golden));
}

/** A deterministic pseudo-random generator, so a failing split can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('golden frames from the Python reference', () => {
  it('has a case for every frame file, and 51 numbered cases', () => {
    const files = goldenFileNames().filter(
      (name) => name.endsWith('.bin') && name !== 'stream-all.bin',
    );
    expect(cases.map((c) => c.file).sort()).toEqual(files);
    expect(numbered).toHaveLength(51);
  });

  it('matches shared/wyoming-golden when that folder is beside the repository', () => {
    const shared = join(GOLDEN_DIR, '..', '..', '..', '..', 'shared', 'wyoming-golden');
    if (!existsSync(shared)) return;
    for (const name of goldenFileNames()) {
      expect(readFileSync(join(GOLDEN_DIR, name)), name).toEqual(readFileSync(join(shared, name)));
    }
  });

  it.each(cases.map((c) => [c.file, c] as const))('decodes %s to its case', (_file, golden) => {
    const events = decodeEvents(goldenBytes(golden.file));
    expect(events).toHaveLength(1);
    expectMatches(events[0]!, golden);
  });

  it.each(cases.map((c) => [c.file, c] as const))(
    'parses %s into its typed event',
    (_file, golden) => {
      const [event] = decodeEvents(goldenBytes(golden.file));
      const typed = parseEvent(event!);
      expect(typed, `no class registered for ${golden.type}`).toBeDefined();
      const again = typed!.toEvent();
      expect(again.type).toBe(golden.type);
      // Optional fields are left out when absent; the reference writes them as null.
      expect(again.data).toEqual(withoutNulls(golden.data));
      expect(again.payload).toEqual(payloadOf(golden));
    },
  );

  it('decodes stream-all.bin to every numbered case in order, however it is split', () => {
    const stream = goldenBytes('stream-all.bin');
    const next = random(0x5eed);
    for (let round = 0; round < 100; round++) {
      const decoder = new EventDecoder();
      const events: Event[] = [];
      const maxPiece = round < 20 ? 1 + round : 1 + Math.floor(next() * 4096);
      for (let offset = 0; offset < stream.length;) {
        const size = 1 + Math.floor(next() * maxPiece);
        events.push(...decoder.push(stream.subarray(offset, offset + size)));
        offset += size;
      }
      decoder.end();
      expect(events).toHaveLength(numbered.length);
      for (const [index, event] of events.entries()) expectMatches(event, numbered[index]!);
    }
  });

  it.each(numbered.map((c) => [c.file, c] as const))(
    're-encodes %s to bytes that decode to the same event',
    (_file, golden) => {
      const original: Event = { type: golden.type, data: golden.data, payload: payloadOf(golden) };
      const [raw] = decodeEvents(encodeEvent(original));
      expectMatches(raw!, golden);

      const typed = parseEvent(original)!;
      const [fromTyped] = decodeEvents(encodeEvent(typed));
      expect(fromTyped!.type).toBe(golden.type);
      expect(fromTyped!.data).toEqual(withoutNulls(golden.data));
      expect(fromTyped!.payload).toEqual(payloadOf(golden));
    },
  );

  it('writes headers as the reference writer does: data in a separate block', () => {
    const bytes = encodeEvent({ type: 'transcript', data: { text: 'hé' } });
    const text = new TextDecoder().decode(bytes);
    const [headerLine, dataBlock] = text.split('\n');
    const header = JSON.parse(headerLine!);
    expect(header).toEqual({ type: 'transcript', version: '1.9.0', data_length: 14 });
    expect(new TextEncoder().encode(dataBlock).length).toBe(header.data_length);
    expect(JSON.parse(dataBlock!)).toEqual({ text: 'hé' });
  });
});
