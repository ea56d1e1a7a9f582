import { describe, expect, it } from 'vitest';
import { CommandError } from '../automation/commands.js';
import { announcement } from './command-handler.js';

// What an `announce` command topic takes: the text the notify entity sends, or JSON with an
// urgent flag (as an automation's `mqtt.publish` would send it).
describe('announcement payloads', () => {
  it.each([
    ['Dinner is ready', { text: 'Dinner is ready' }],
    ['  Dinner is ready \n', { text: 'Dinner is ready' }],
    [
      '{"message": "Smoke in the kitchen", "urgent": true}',
      { text: 'Smoke in the kitchen', urgent: true },
    ],
    ['{"text": "Tea is ready", "urgent": false}', { text: 'Tea is ready' }],
    ['{"message": "Tea is ready"}', { text: 'Tea is ready' }],
    ['{not json, said as it is', { text: '{not json, said as it is' }],
  ])('%j', (payload, expected) => {
    expect(announcement(payload)).toEqual(expected);
  });

  it.each([
    ['', /expected some text/],
    ['{"urgent": true}', /^message: expected some text/],
    ['{"message": "Smoke", "urgent": "yes"}', /^urgent: expected true or false/],
    ['{"message": "  "}', /expected some text/],
  ])('refuses %j', (payload, message) => {
    expect(() => announcement(payload)).toThrow(CommandError);
    expect(() => announcement(payload)).toThrow(message);
  });
});
