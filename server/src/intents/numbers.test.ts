import { describe, expect, it } from 'vitest';
import { compileLanguage } from './compile.js';
import { parseDuration } from './durations.js';
import { en } from './languages/en.js';
import { fr } from './languages/fr.js';
import { parseNumber, spellDigits, spellNumber } from './numbers.js';

const english = compileLanguage(en);
const french = compileLanguage(fr);

describe('numbers', () => {
  it.each([
    ['fifty', 50],
    ['twenty one', 21],
    ['twenty-one', 21],
    ['one hundred', 100],
    ['a hundred and five', 105],
    ['two hundred', 200],
    ['21.5', 21.5],
    ['twenty one and a half', 21.5],
    ['zero', 0],
  ])('en %s', (text, value) => {
    expect(parseNumber(english.words(text), english.numbers)).toBe(value);
  });

  it.each([
    ['cinquante', 50],
    ['vingt et un', 21],
    ['vingt-et-un', 21],
    ['soixante-dix', 70],
    ['soixante et onze', 71],
    ['quatre-vingts', 80],
    ['quatre-vingt-dix-neuf', 99],
    ['cent', 100],
    ['deux cents', 200],
    ['deux cent cinquante', 250],
    ['21,5', 21.5],
    ['dix-neuf et demi', 19.5],
  ])('fr %s', (text, value) => {
    expect(parseNumber(french.words(text), french.numbers)).toBe(value);
  });

  it.each(['', 'one one', 'five twenty', 'and five', 'vingt et', 'trois quatre', 'cat'])(
    'not a number: %j',
    (text) => {
      expect(parseNumber(english.words(text), english.numbers)).toBeUndefined();
      expect(parseNumber(french.words(text), french.numbers)).toBeUndefined();
    },
  );

  it.each([
    [21, 'twenty one', 'vingt et un'],
    [71, 'seventy one', 'soixante et onze'],
    [75, 'seventy five', 'soixante quinze'],
    [81, 'eighty one', 'quatre-vingt un'],
    [90, 'ninety', 'quatre-vingt dix'],
    [205, 'two hundred five', 'deux cent cinq'],
  ])('spells %d', (value, english_, french_) => {
    expect(spellNumber(value, english.numbers)).toBe(english_);
    expect(spellNumber(value, french.numbers)).toBe(french_);
  });

  it('spells the digits in names', () => {
    expect(spellDigits('Hue lamp 2', english.numbers)).toBe('Hue lamp two');
    expect(spellDigits('Lampe Hue 21', french.numbers)).toBe('Lampe Hue vingt et un');
  });
});

describe('durations', () => {
  it.each([
    ['5 minutes', 300],
    ['five minutes', 300],
    ['a minute', 60],
    ['90 seconds', 90],
    ['an hour and a half', 5400],
    ['half an hour', 1800],
    ['one hour and twenty minutes', 4800],
    ['1 minute 30', 90],
    ['2 hours 15 minutes', 8100],
    ['a quarter of an hour', 900],
    ['10 mins', 600],
    ['an hour and a quarter', 4500],
  ])('en %s', (text, seconds) => {
    expect(parseDuration(english.words(text), english.durations)).toBe(seconds);
  });

  it.each([
    ['5 minutes', 300],
    ['cinq minutes', 300],
    ['une heure et demie', 5400],
    ['une demi-heure', 1800],
    ["un quart d'heure", 900],
    ["trois quarts d'heure", 2700],
    ['une heure trente', 5400],
    ['deux minutes trente', 150],
    ['quatre-vingt-dix secondes', 90],
    ['vingt et une minutes', 1260],
    ['1 h 30', 5400],
    ['1 heure et quart', 4500],
    ["une heure et quart d'heure", 4500],
  ])('fr %s', (text, seconds) => {
    expect(parseDuration(french.words(text), french.durations)).toBe(seconds);
  });

  it.each(['', 'minutes', 'and a half', 'five', 'five apples'])('not a duration: %j', (text) => {
    expect(parseDuration(english.words(text), english.durations)).toBeUndefined();
  });
});
