import { describe, expect, it } from 'vitest';
import { type ObjectSchema, validateArguments } from './schema.js';

const SCHEMA: ObjectSchema = {
  type: 'object',
  required: ['domain'],
  properties: {
    domain: { type: 'string' },
    entity_id: { type: 'array', items: { type: 'string' } },
    level: { type: 'number', minimum: 0, maximum: 100 },
    count: { type: 'integer' },
    on: { type: 'boolean' },
    kind: { type: 'string', enum: ['fact', 'preference'] },
    data: { type: 'object' },
  },
};

describe('validateArguments', () => {
  const ok: [string, unknown, Record<string, unknown>][] = [
    ['a minimal object', { domain: 'light' }, { domain: 'light' }],
    ['a number as a string', { domain: 'x', level: '50' }, { domain: 'x', level: 50 }],
    [
      'one string for a list',
      { domain: 'x', entity_id: 'light.a' },
      { domain: 'x', entity_id: ['light.a'] },
    ],
    ['a list', { domain: 'x', entity_id: ['a', 'b'] }, { domain: 'x', entity_id: ['a', 'b'] }],
    ['booleans as strings', { domain: 'x', on: 'false' }, { domain: 'x', on: false }],
    ['a number for a string', { domain: 7 }, { domain: '7' }],
    ['unknown arguments dropped', { domain: 'x', colour: 'red' }, { domain: 'x' }],
    ['null as absent', { domain: 'x', level: null }, { domain: 'x' }],
    ['an enum value', { domain: 'x', kind: 'fact' }, { domain: 'x', kind: 'fact' }],
    ['an object', { domain: 'x', data: { a: 1 } }, { domain: 'x', data: { a: 1 } }],
  ];
  it.each(ok)('accepts %s', (_name, args, expected) => {
    expect(validateArguments(SCHEMA, args)).toEqual({ ok: true, value: expected });
  });

  const bad: [string, unknown, RegExp][] = [
    ['a string', '{"domain":"light"}', /must be a JSON object, got the string/],
    ['an array', [{ domain: 'light' }], /must be a JSON object, got an array/],
    ['null', null, /must be a JSON object, got null/],
    ['a missing required argument', {}, /missing required argument "domain"/],
    ['an empty required argument', { domain: '' }, /missing required argument "domain"/],
    ['a number out of range', { domain: 'x', level: 150 }, /"level" must be at most 100/],
    ['a number below range', { domain: 'x', level: -1 }, /"level" must be at least 0/],
    ['not a number', { domain: 'x', level: 'bright' }, /"level" must be a number/],
    ['a fraction for an integer', { domain: 'x', count: 1.5 }, /"count" must be an integer/],
    [
      'a value outside the enum',
      { domain: 'x', kind: 'gossip' },
      /"kind" must be one of fact, preference/,
    ],
    [
      'a list item of the wrong type',
      { domain: 'x', entity_id: ['a', { id: 3 }] },
      /"entity_id\[1\]" must be a string, got an object/,
    ],
    ['an object that is a list', { domain: 'x', data: [1] }, /"data" must be an object/],
  ];
  it.each(bad)('refuses %s', (_name, args, error) => {
    const checked = validateArguments(SCHEMA, args);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(error);
  });
});
