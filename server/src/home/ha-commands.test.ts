import { ERR_CANNOT_CONNECT, ERR_CONNECTION_LOST } from 'home-assistant-js-websocket';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.js';
import { describeHaError, haErrorCode, toEngineError } from './ha-commands.js';

describe('Home Assistant errors', () => {
  it('describes what the library rejects with', () => {
    expect(describeHaError(ERR_CANNOT_CONNECT)).toBe('cannot connect');
    expect(describeHaError(ERR_CONNECTION_LOST)).toBe('connection lost');
    expect(describeHaError({ code: 'not_found', message: 'Service a.b not found.' })).toBe(
      'Service a.b not found. (not_found)',
    );
    // In-flight commands on a lost connection reject with a whole result message.
    const lost = { type: 'result', success: false, error: { code: 3, message: 'Connection lost' } };
    expect(describeHaError(lost)).toBe('Connection lost (3)');
    expect(haErrorCode(lost)).toBe(3);
    expect(describeHaError(new Error('boom'))).toBe('boom');
  });

  it('wraps them in a retryable EngineError that keeps the cause', () => {
    const cause = { code: 'home_assistant_error', message: 'Device offline' };
    const error = toEngineError(cause, 'light.turn_on failed');
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ engine: 'home-assistant', retryable: true, cause });
    expect(error.message).toBe(
      'home-assistant: light.turn_on failed: Device offline (home_assistant_error)',
    );
  });
});
