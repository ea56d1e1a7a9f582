import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { type SlotMatcher, matchTemplate } from './match.js';
import { tokenize, words } from './normalize.js';
import { parseTemplate } from './template.js';

const options = {
  rules: { the: '[the]', light: '(light|lights|lamp)', loop: '<loop>' },
  words: (text: string) => words(text),
  slots: new Set(['area', 'n']),
};

/** {area} takes "kitchen" or "living room"; {n} takes one number. */
const slots: SlotMatcher<string> = function* (slot, tokens, start) {
  const one = tokens[start]?.norm ?? '';
  const two = tokens
    .slice(start, start + 2)
    .map((t) => t.norm)
    .join(' ');
  if (slot === 'area' && two === 'living room') yield { end: start + 2, value: two };
  if (slot === 'area' && one === 'kitchen') yield { end: start + 1, value: one };
  if (slot === 'n' && /^\d+$/.test(one)) yield { end: start + 1, value: one };
};

function match(template: string, text: string) {
  return matchTemplate(parseTemplate(template, options), tokenize(text), slots);
}

describe('templates', () => {
  it.each([
    ['turn on <the> {area} <light>', 'turn on the kitchen light', { area: 'kitchen' }],
    ['turn on <the> {area} <light>', 'Turn on living room lamp.', { area: 'living room' }],
    ['(turn|switch) on [all] <the> <light> [in {area}]', 'switch on all the lights', {}],
    [
      '(turn|switch) on [all] <the> <light> [in {area}]',
      'turn on light in kitchen',
      { area: 'kitchen' },
    ],
    ['set [it] to {n} [(percent|%)]', 'set to 50 %', { n: '50' }],
    ["qu'il [fasse] {n}", 'QU’IL fasse 20', { n: '20' }],
  ])('%s matches %j', (template, text, captures) => {
    expect(match(template, text)).toEqual(captures);
  });

  it.each([
    ['turn on <the> {area} <light>', 'turn on the garage light'],
    ['turn on <the> <light>', 'turn on the light please'],
    ['turn on <the> <light>', 'turn on'],
    ['(a|b) c', 'c'],
  ])('%s does not match %j', (template, text) => {
    expect(match(template, text)).toBeUndefined();
  });

  it.each([
    ['(a|b', 'missing ")"'],
    ['[a', 'missing "]"'],
    ['a)', 'unexpected ")"'],
    ['{nope}', 'unknown slot {nope}'],
    ['<nope>', 'unknown rule <nope>'],
    ['<loop>', 'rule <loop> refers to itself'],
    ['{area', 'missing "}"'],
  ])('refuses %j', (template, message) => {
    expect(() => parseTemplate(template, { ...options, path: 'intents.xx' })).toThrow(ConfigError);
    expect(() => parseTemplate(template, options)).toThrow(message);
  });
});
