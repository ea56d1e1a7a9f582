import { concatBytes } from './bytes.js';
import { describe, expect, it } from 'vitest';
import { decodeEvents, EventDecoder } from './decoder.js';
import { ProtocolError } from './errors.js';
import { encodeEvent } from './framing.js';

const utf8 = new TextEncoder();
const bytes = (text: string) => utf8.encode(text);

const concat = (...parts: Uint8Array[]) => concatBytes(parts);

describe('EventDecoder', () => {
  it('decodes byte by byte', () => {
    const payload = new Uint8Array(300).map((_, i) => i & 0xff);
    const stream = concat(
      encodeEvent({ type: 'audio-chunk', data: { rate: 16000, width: 2, channels: 1 }, payload }),
      encodeEvent({ type: 'played', data: {} }),
    );
    const decoder = new EventDecoder();
    const events = [];
    for (const byte of stream) events.push(...decoder.push(new Uint8Array([byte])));
    decoder.end();
    expect(events.map((e) => e.type)).toEqual(['audio-chunk', 'played']);
    expect(events[0]!.payload).toEqual(payload);
    expect(events[1]!.payload).toBeUndefined();
  });

  it('keeps payloads intact after the internal buffer is reused', () => {
    const decoder = new EventDecoder();
    const first = decoder.push(
      encodeEvent({ type: 'a', data: {}, payload: new Uint8Array([1, 2, 3]) }),
    );
    decoder.push(encodeEvent({ type: 'b', data: {}, payload: new Uint8Array([9, 9, 9]) }));
    expect(first[0]!.payload).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('accepts inline data and merges a data block over it', () => {
    const inline = bytes('{"type":"transcript","data":{"text":"a","language":"en"}}\n');
    const merged = bytes(
      '{"type":"transcript","data":{"text":"a","x":1},"data_length":13}\n{"text":"bb"}',
    );
    expect(decodeEvents(inline)[0]!.data).toEqual({ text: 'a', language: 'en' });
    expect(decodeEvents(merged)[0]!.data).toEqual({ text: 'bb', x: 1 });
  });

  it('treats null lengths and null data as absent', () => {
    const [event] = decodeEvents(bytes('{"type":"played","data":null,"data_length":null}\n'));
    expect(event).toEqual({ type: 'played', data: {} });
  });

  it('grows for large payloads and enforces the configured limits', () => {
    const payload = new Uint8Array(200_000).fill(7);
    const [event] = decodeEvents(encodeEvent({ type: 'audio-chunk', data: {}, payload }));
    expect(event!.payload!.length).toBe(200_000);

    const small = { maxHeaderBytes: 64, maxDataBytes: 16, maxPayloadBytes: 8 };
    expect(() => decodeEvents(bytes(`{"type":"${'x'.repeat(100)}"}\n`), small)).toThrow(
      /header line longer/,
    );
    expect(() => decodeEvents(bytes('{"type":"x","data_length":17}\n'), small)).toThrow(
      /exceeds the limit/,
    );
    expect(() => decodeEvents(bytes('{"type":"x","payload_length":9}\n'), small)).toThrow(
      /exceeds the limit/,
    );
  });

  it('rejects an over-long header before its newline arrives', () => {
    const decoder = new EventDecoder({ maxHeaderBytes: 32 });
    expect(() => decoder.push(bytes('{"type":"'.padEnd(40, 'x')))).toThrow(ProtocolError);
  });

  it('reports a stream that ends inside an event, and stays failed', () => {
    const frame = encodeEvent({
      type: 'audio-chunk',
      data: { rate: 1 },
      payload: new Uint8Array(10),
    });
    const decoder = new EventDecoder();
    expect(decoder.push(frame.subarray(0, frame.length - 1))).toEqual([]);
    expect(decoder.atBoundary).toBe(false);
    expect(() => decoder.end()).toThrow(/stream ended inside a 'audio-chunk' event/);
    expect(() => decoder.push(frame.subarray(frame.length - 1))).toThrow(ProtocolError);
  });

  it('ends cleanly on a boundary, including an empty stream', () => {
    const decoder = new EventDecoder();
    decoder.end();
    expect(decodeEvents(new Uint8Array(0))).toEqual([]);
  });

  it('names the error code for each kind of corruption', () => {
    const codeOf = (text: string | Uint8Array) => {
      try {
        decodeEvents(typeof text === 'string' ? bytes(text) : text);
      } catch (error) {
        return (error as ProtocolError).code;
      }
      return 'none';
    };
    expect(codeOf('not json\n')).toBe('bad-json');
    expect(codeOf('{"data":{}}\n')).toBe('missing-type');
    expect(codeOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d, 0x0a]))).toBe('bad-utf8');
    expect(codeOf('{"type":"x","payload_length":-1}\n')).toBe('protocol-error');
    expect(codeOf('{"type":"x"}')).toBe('truncated');
  });
});
