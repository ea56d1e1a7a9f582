import { describe, expect, it } from 'vitest';
import { expandTemplate, TemplateError } from './sentence-templates.js';

describe('expandTemplate', () => {
  it.each([
    ['yes', ['yes']],
    ['yes [please]', ['yes please', 'yes']],
    ['(yes|sure|ok)', ['yes', 'sure', 'ok']],
    [
      '[turn] (on|off) [the] heating',
      [
        'turn on the heating',
        'turn on heating',
        'turn off the heating',
        'turn off heating',
        'on the heating',
        'on heating',
        'off the heating',
        'off heating',
      ],
    ],
    ['(the (red|blue) one|neither)', ['the red one', 'the blue one', 'neither']],
    ['play {genre} [music]', ['play {genre} music', 'play {genre}']],
    ['lamp[s]', ['lamps', 'lamp']],
  ])('%s', (template, sentences) => {
    expect(expandTemplate(template)).toEqual(sentences);
  });

  it.each([['yes (please'], ['yes please]'], ['(a|b))'], ['[a (b] c)']])(
    'refuses the unbalanced %s',
    (template) => {
      expect(() => expandTemplate(template)).toThrow(TemplateError);
    },
  );

  it('refuses a template that means too many sentences', () => {
    const template = Array.from({ length: 10 }, () => '(a|b)').join(' ');
    expect(() => expandTemplate(template)).toThrow(/more than 256 sentences/);
  });
});
