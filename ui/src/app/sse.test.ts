import { describe, expect, it } from 'vitest';
import { SseParser } from './sse.js';

describe('the event-stream parser', () => {
  it('reads events split anywhere, with every line ending, comments and multi-line data', () => {
    const stream =
      ': hello\r\nevent: hello\ndata: {"a":1}\n\nevent: phase\r\ndata: one\r\ndata:two\r\n\r\ndata\n\nevent: empty\n\n';
    for (const size of [1, 2, 3, 7, stream.length]) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < stream.length; i += size)
        events.push(...parser.push(stream.slice(i, i + size)));
      expect(events, `chunks of ${size}`).toEqual([
        { type: 'hello', data: '{"a":1}' },
        { type: 'phase', data: 'one\ntwo' },
        { type: 'message', data: '' },
      ]);
    }
  });

  it('keeps an unfinished event until its blank line', () => {
    const parser = new SseParser();
    expect(parser.push('event: turn\ndata: x\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ type: 'turn', data: 'x' }]);
  });
});
