import { describe, expect, it } from 'vitest';
import { CommandError, matchAnswer, parseCommand } from './commands.js';

const answers = [
  { id: 'yes', sentences: ['yes', 'yes please'] },
  { id: 'no', sentences: ['no', 'no thanks'] },
];

describe('automation commands', () => {
  it.each([
    ['yes please', { id: 'yes', sentence: 'yes please' }],
    ['Yes, please!', { id: 'yes', sentence: 'yes please' }],
    ['no', { id: 'no', sentence: 'no' }],
    ['well no I do not', { id: 'no', sentence: 'no' }],
    ['maybe later', undefined],
  ])('matches %j', (heard, expected) => {
    expect(matchAnswer(heard, answers)).toEqual(expected);
  });

  it('reads each action and names the field that is wrong', () => {
    expect(parseCommand({ action: 'announce', area: 'Kitchen', text: ' Dinner ' })).toEqual({
      action: 'announce',
      target: { area: 'Kitchen' },
      text: 'Dinner',
    });
    expect(
      parseCommand({ action: 'ask', satellite: 'kitchen', question: 'Tea?', answers }),
    ).toMatchObject({
      action: 'ask',
      answers,
    });
    const bad: Array<[unknown, RegExp]> = [
      [null, /expected an object/],
      [{ action: 'dance' }, /^action: expected one of announce, ask/],
      [{ action: 'announce', text: '' }, /^text: expected a non-empty string/],
      [{ action: 'ask', question: 'Tea?', answers: [{ id: 'yes' }] }, /^answers\[0\]\.sentences/],
      [{ action: 'listen', satellite: 3 }, /^satellite: /],
    ];
    for (const [input, message] of bad) {
      expect(() => parseCommand(input)).toThrow(CommandError);
      expect(() => parseCommand(input)).toThrow(message);
    }
  });
});
