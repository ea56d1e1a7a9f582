import { describe, expect, it } from 'vitest';
import { nextTime, parseClockTime } from './clock-times.js';
import { compileLanguage } from './compile.js';
import { en } from './languages/en.js';
import { fr } from './languages/fr.js';

const EN = compileLanguage(en);
const FR = compileLanguage(fr);

describe('parseClockTime', () => {
  it.each([
    [EN, '3 pm', 15 * 60, true],
    [EN, 'three pm', 15 * 60, true],
    [EN, '5', 5 * 60, false],
    [EN, "five o'clock", 5 * 60, false],
    [EN, '8:30 am', 8 * 60 + 30, true],
    [EN, 'seven thirty pm', 19 * 60 + 30, true],
    [EN, '12 am', 0, true],
    [EN, 'noon', 12 * 60, true],
    [EN, 'half past six', 6 * 60 + 30, false],
    [EN, 'quarter to nine', 8 * 60 + 45, false],
    [EN, '17:45', 17 * 60 + 45, true],
    [FR, '15 h', 15 * 60, true],
    [FR, '15h30', 15 * 60 + 30, true],
    [FR, 'quinze heures', 15 * 60, true],
    [FR, 'dix-huit heures trente', 18 * 60 + 30, true],
    [FR, 'huit heures et demie', 8 * 60 + 30, false],
    [FR, 'midi et quart', 12 * 60 + 15, true],
    [FR, 'neuf heures moins le quart', 8 * 60 + 45, false],
    [FR, '8 heures du soir', 20 * 60, true],
    [FR, 'minuit', 0, true],
  ])('%#: %s', (lang, said, minutes, exact) => {
    expect(parseClockTime(lang.words(said as string), lang.clock)).toEqual({ minutes, exact });
  });

  it.each([
    [EN, 'pm'],
    [EN, '25'],
    [EN, '15 pm'],
    [EN, 'the dog'],
    [FR, 'heures'],
    [FR, '8 h 70'],
  ])('refuses %#: %s', (lang, said) => {
    expect(parseClockTime(lang.words(said as string), lang.clock)).toBeUndefined();
  });
});

describe('nextTime', () => {
  const at = (h: number, m = 0, day = 6) => new Date(2026, 11, day, h, m);
  it.each([
    ['3 pm said at 2 pm: today', at(14), { minutes: 900, exact: true }, undefined, at(15), false],
    [
      '3 pm said at 4 pm: tomorrow, said so',
      at(16),
      { minutes: 900, exact: true },
      undefined,
      at(15, 0, 7),
      true,
    ],
    ['"at 5" said at 4 pm: 5 pm', at(16), { minutes: 300, exact: false }, undefined, at(17), false],
    [
      '"at 5" said at 6 pm: 5 am tomorrow',
      at(18),
      { minutes: 300, exact: false },
      undefined,
      at(5, 0, 7),
      false,
    ],
    ['"at 5" said at 3 am: 5 am', at(3), { minutes: 300, exact: false }, undefined, at(5), false],
    ['tomorrow at 8: 8 am tomorrow', at(22), { minutes: 480, exact: false }, 1, at(8, 0, 7), false],
    [
      'today at 3 pm said at 4 pm: tomorrow',
      at(16),
      { minutes: 900, exact: true },
      0,
      at(15, 0, 7),
      true,
    ],
  ] as const)('%s', (_name, now, time, day, expected, moved) => {
    expect(nextTime(now, time, day)).toEqual({ at: expected, movedToTomorrow: moved });
  });
});
