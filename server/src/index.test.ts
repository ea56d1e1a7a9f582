import { describe, expect, it } from 'vitest';
import { parseUri } from 'wyoming-ts/node';
import { DEFAULT_HTTP_PORT, DEFAULT_WYOMING_URI } from './index.js';

describe('@jarvis/server defaults', () => {
  it('uses the ports DESIGN.md fixes: Wyoming 10600, HTTP 8099', () => {
    expect(parseUri(DEFAULT_WYOMING_URI)).toEqual({ kind: 'tcp', host: '0.0.0.0', port: 10600 });
    expect(DEFAULT_HTTP_PORT).toBe(8099);
  });
});
