import { describe, expect, it } from 'vitest';
import { parseUri } from 'wyoming-ts/node';
import { DEFAULT_SATELLITE_URI, DEFAULT_WAKE_WORD } from './index.js';

describe('@jarvis/satellite defaults', () => {
  it('serves Wyoming on port 10700 and wakes on hey_jarvis, as DESIGN.md fixes', () => {
    expect(parseUri(DEFAULT_SATELLITE_URI)).toEqual({ kind: 'tcp', host: '0.0.0.0', port: 10700 });
    expect(DEFAULT_WAKE_WORD).toBe('hey_jarvis');
  });
});
