import { describe, expect, it } from 'vitest';
import { integerToWords, normalizeSentence, numberToWords } from './phrase-text.js';

describe('normalizeSentence', () => {
  it.each([
    ['Turn on the kitchen light.', 'turn on the kitchen light'],
    ['Set the light to 50 %!', 'set the light to fifty percent'],
    ['set a timer for 5 minutes', 'set a timer for five minutes'],
    ["What's the time?", "what's the time"],
    ['What’s up', "what's up"],
    ['living-room lights', 'living room lights'],
    ['set the heating to 21.5 °C', 'set the heating to twenty one point five degrees celsius'],
    ['1,000 steps', 'one thousand steps'],
    ['rock & roll', 'rock and roll'],
    ["'quoted' words", 'quoted words'],
    ['  many   spaces  ', 'many spaces'],
    ['', ''],
  ])('%j -> %j', (written, spoken) => {
    expect(normalizeSentence(written)).toBe(spoken);
  });
});

describe('numbers', () => {
  it.each([
    [0, 'zero'],
    [7, 'seven'],
    [13, 'thirteen'],
    [20, 'twenty'],
    [45, 'forty five'],
    [100, 'one hundred'],
    [241, 'two hundred forty one'],
    [1000, 'one thousand'],
    [2024, 'two thousand twenty four'],
    [1_000_001, 'one million one'],
  ])('integerToWords(%d) = %j', (n, words) => {
    expect(integerToWords(n)).toBe(words);
  });

  it('spells decimals digit by digit and refuses what it cannot spell', () => {
    expect(numberToWords('3.14')).toBe('three point one four');
    expect(numberToWords('21,5')).toBe('twenty one point five');
    expect(numberToWords('007')).toBe('seven');
    expect(() => integerToWords(-1)).toThrow(RangeError);
  });
});
