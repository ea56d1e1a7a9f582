import { describe, expect, it } from 'vitest';
import { dayPartOf, dayPartTerms } from './day-parts.js';
import { HOUSEHOLD_LEXICON, NO_LEXICON } from './lexicon.js';
import { analyse } from './terms.js';
import { normaliseText } from './text-analysis.js';

const termsOf = (text: string) =>
  dayPartTerms(normaliseText(text).split(' ')).filter((t) => t !== undefined);

describe('parts of the day', () => {
  it.each([
    [5, 'morning'],
    [11, 'morning'],
    [12, 'midday'],
    [16, 'afternoon'],
    [19, 'evening'],
    [22, 'night'],
    [0, 'night'],
  ])('%i h is in the %s', (hour, part) => {
    expect(dayPartOf(hour)).toBe(part);
  });

  it.each([
    ['Je sirote quoi vers 16 h ?', ['t_afternoon']],
    ["L'après-midi je bois du thé vert", ['t_afternoon', 't_afternoon']],
    ['I never want the radio on before 9 am', ['t_morning']],
    ['Walk the dog at 6pm', ['t_evening']],
    ['at seven pm', ['t_evening']],
    ['Can you play some tunes at dawn?', ['t_morning']],
    ['Je me couche vers minuit', ['t_night']],
    ['The tank needs water below 20 degrees', []],
    ['Grandma is ninety-one', []],
    ['Le four chauffe pendant 2 h', []],
    ['Le gâteau cuit 1 h', []],
    ['The film lasts 2 h', []],
    ['Le gâteau cuit 1h', []],
    ['Le car part à 16h30', ['t_afternoon']],
    ['Le car part 16h30', ['t_afternoon']],
    ["Je dors jusqu'à 9 h", ['t_morning']],
    ['Pas de bruit après 22 h', ['t_night']],
    ['Je mange dès 12 h', ['t_midday']],
  ])('%s: %j', (text, terms) => {
    expect(termsOf(text)).toEqual(terms);
  });

  it('tags a clock time and a part of the day alike, with the household lexicon only', () => {
    const tagged = (text: string) => analyse(text, HOUSEHOLD_LEXICON).concepts;
    expect(tagged('vers 16 h')).toContain('t_afternoon');
    expect(tagged("l'après-midi")).toContain('t_afternoon');
    expect(analyse('vers 16 h', NO_LEXICON).concepts).toEqual([]);
    expect(normaliseText("l'après-midi")).toBe('apres midi');
  });
});
