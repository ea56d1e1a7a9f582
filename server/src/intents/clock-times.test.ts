import { describe, expect, it } from 'vitest';
import { clockTableOf, nextTime, parseClockTime, parseWhen } from './clock-times.js';
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

// The one table for both uses: what reminders hear after "at" / "à" and what modes hear after
// "until" / "jusqu'à", read by the same parser, in the modes' fold (no contractions) too.
describe('parseWhen: the times reminders and modes say', () => {
  const at = (h: number, m = 0, day = 6) => new Date(2026, 11, day, h, m);
  const NIGHT = at(22);
  const AFTERNOON = at(16);
  it.each([
    ['reminder', 'en', '3 pm', AFTERNOON, at(15, 0, 7), true],
    ['reminder', 'en', '5', AFTERNOON, at(17), false],
    ['reminder', 'en', 'tomorrow 8', NIGHT, at(8, 0, 7), false],
    ['reminder', 'en', 'half past six in the evening', AFTERNOON, at(18, 30), false],
    ['reminder', 'fr', '15 h', AFTERNOON, at(15, 0, 7), true],
    ['reminder', 'fr', 'dix-huit heures trente', AFTERNOON, at(18, 30), false],
    ['reminder', 'fr', 'demain huit heures', NIGHT, at(8, 0, 7), false],
    ['mode', 'en', '7', NIGHT, at(7, 0, 7), false],
    ['mode', 'en', 'seven thirty', NIGHT, at(7, 30, 7), false],
    ['mode', 'en', '6:45 am', NIGHT, at(6, 45, 7), true],
    ['mode', 'en', '9 pm tomorrow', NIGHT, at(21, 0, 7), false],
    ['mode', 'en', 'seven tonight', AFTERNOON, at(19), false],
    ['mode', 'en', 'noon', NIGHT, at(12, 0, 7), true],
    ['mode', 'fr', '7 h', NIGHT, at(7, 0, 7), false],
    ['mode', 'fr', 'sept heures et demie', NIGHT, at(7, 30, 7), false],
    ['mode', 'fr', '6 h 15 demain', NIGHT, at(6, 15, 7), false],
    ['mode', 'fr', 'huit heures ce soir', AFTERNOON, at(20), false],
    ['mode', 'fr', 'minuit', NIGHT, at(0, 0, 7), true],
  ] as const)('%s, %s: %s', (_use, language, said, now, expected, moved) => {
    const lang = BY_LANGUAGE[language];
    for (const table of [lang.clock, clockTableOf(lang.data)]) {
      expect(parseWhen(table.fold(said), table, now)).toEqual({
        at: expected,
        movedToTomorrow: moved,
      });
    }
  });

  it.each([
    ['en', 'banana'],
    ['en', 'tomorrow'],
    ['fr', 'demain demain'],
    ['fr', '25 h'],
  ] as const)('says no time: %s: %s', (language, said) => {
    const lang = BY_LANGUAGE[language];
    expect(parseWhen(lang.words(said), lang.clock, NIGHT_AT_TEN)).toBeUndefined();
  });
});

const NIGHT_AT_TEN = new Date(2026, 11, 6, 22, 0);
const BY_LANGUAGE = { en: EN, fr: FR };
