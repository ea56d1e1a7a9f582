import { describe, expect, it } from 'vitest';
import { answerSentences, CommandError, matchAnswer, parseCommand } from './commands.js';

const answers = [
  { id: 'yes', sentences: ['yes', 'yes please'] },
  { id: 'no', sentences: ['no', 'no thanks'] },
];

describe('automation commands', () => {
  it.each([
    ['yes please', { id: 'yes', sentence: 'yes please', slots: {} }],
    ['Yes, please!', { id: 'yes', sentence: 'yes please', slots: {} }],
    ['no', { id: 'no', sentence: 'no', slots: {} }],
    ['well no I do not', { id: 'no', sentence: 'no', slots: {} }],
    ['maybe later', undefined],
  ])('matches %j', (heard, expected) => {
    expect(matchAnswer(heard, answers)).toEqual(expected);
  });

  // As Home Assistant's ask_question: a {wildcard} takes one or more words, given as a slot.
  const music = [
    { id: 'genre', sentences: ['play {genre}', 'put on some {genre} please'] },
    { id: 'artist', sentences: ['play {album} by {artist}'] },
    { id: 'stop', sentences: ['stop'] },
  ];
  it.each([
    ['play jazz', { id: 'genre', sentence: 'play {genre}', slots: { genre: 'jazz' } }],
    [
      'Put on some smooth jazz, please',
      { id: 'genre', sentence: 'put on some {genre} please', slots: { genre: 'smooth jazz' } },
    ],
    [
      'play abbey road by the beatles',
      {
        id: 'artist',
        sentence: 'play {album} by {artist}',
        slots: { album: 'abbey road', artist: 'the beatles' },
      },
    ],
    ['play', undefined],
    ['please play jazz', undefined],
    ['stop it now', { id: 'stop', sentence: 'stop', slots: {} }],
  ])('matches %j with wildcards', (heard, expected) => {
    expect(matchAnswer(heard, music)).toEqual(expected);
  });

  it('gives a grammar the answer sentences, unless a wildcard needs free speech', () => {
    expect(answerSentences(answers)).toEqual(['yes', 'yes please', 'no', 'no thanks']);
    expect(answerSentences(music)).toBeUndefined();
  });

  it('reads each action and names the field that is wrong', () => {
    expect(parseCommand({ action: 'announce', area: 'Kitchen', text: ' Dinner ' })).toEqual({
      action: 'announce',
      target: { area: 'Kitchen' },
      text: 'Dinner',
    });
    expect(parseCommand({ action: 'announce', text: 'Smoke', urgent: true })).toEqual({
      action: 'announce',
      target: {},
      text: 'Smoke',
      urgent: true,
    });
    expect(parseCommand({ action: 'announce', text: 'Tea', urgent: false })).not.toHaveProperty(
      'urgent',
    );
    expect(
      parseCommand({ action: 'ask', satellite: 'kitchen', question: 'Tea?', answers }),
    ).toMatchObject({
      action: 'ask',
      answers,
    });
    // A question or conversation marked urgent goes through every mode.
    expect(parseCommand({ action: 'ask', question: 'Tea?', answers, urgent: true })).toMatchObject({
      action: 'ask',
      urgent: true,
    });
    expect(parseCommand({ action: 'converse', text: 'Oven?', urgent: true })).toEqual({
      action: 'converse',
      target: {},
      text: 'Oven?',
      urgent: true,
    });
    const bad: Array<[unknown, RegExp]> = [
      [null, /expected an object/],
      [{ action: 'dance' }, /^action: expected one of announce, ask/],
      [{ action: 'announce', text: '' }, /^text: expected a non-empty string/],
      [{ action: 'announce', text: 'Smoke', urgent: 'yes' }, /^urgent: expected true or false/],
      [{ action: 'converse', text: 'Oven?', urgent: 1 }, /^urgent: expected true or false/],
      [{ action: 'ask', question: 'Tea?', answers: [{ id: 'yes' }] }, /^answers\[0\]\.sentences/],
      [{ action: 'listen', satellite: 3 }, /^satellite: /],
      [
        { action: 'ask', question: 'Tea?', answers: [{ id: 'yes', sentences: ['(yes|sure'] }] },
        /^answers\[0\]\.sentences: "\)" expected/,
      ],
    ];
    for (const [input, message] of bad) {
      expect(() => parseCommand(input)).toThrow(CommandError);
      expect(() => parseCommand(input)).toThrow(message);
    }
  });

  it("takes Home Assistant's [optional] and (a|b) in answers, as the sentences they mean", () => {
    const command = parseCommand({
      action: 'ask',
      question: 'Heating on?',
      answers: [
        { id: 'yes', sentences: ['(yes|sure) [please]'] },
        { id: 'no', sentences: ['no'] },
      ],
    });
    if (command.action !== 'ask') throw new Error('an ask');
    expect(command.answers[0]!.sentences).toEqual(['yes please', 'yes', 'sure please', 'sure']);
    expect(matchAnswer('sure please', command.answers)).toEqual({
      id: 'yes',
      sentence: 'sure please',
      slots: {},
    });
    expect(answerSentences(command.answers)).toEqual([
      'yes please',
      'yes',
      'sure please',
      'sure',
      'no',
    ]);
  });
});
