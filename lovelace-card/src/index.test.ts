import { describe, expect, it } from 'vitest';
import { CARD_PROTOCOL_VERSION, CARD_TYPE } from './index.js';

describe('@jarvis/lovelace-card', () => {
  it('names its element and builds against the browser-safe protocol core', () => {
    expect(CARD_TYPE).toBe('jarvis-card');
    expect(CARD_PROTOCOL_VERSION).toMatch(/^1\.9\./);
  });
});
