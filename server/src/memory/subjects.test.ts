import { describe, expect, it } from 'vitest';
import { deriveSubject, inferKind, normaliseSubject } from './subjects.js';
import { normaliseText, stem } from './text-analysis.js';

const subject = (text: string) => deriveSubject(text, inferKind(text));

describe('deriveSubject', () => {
  it.each([
    ['Felix is a black cat', 'felix'],
    ['Felix is actually grey', 'felix'],
    ['Felix est un chat noir, il aime les zones chaudes', 'felix'],
    ["Mon chat s'appelle Felix", 'felix name'],
    ['My wife is called Claire', 'claire name'],
    ['Felix is 3 years old', 'felix age'],
    ['Felix aime les zones chaudes', 'felix like'],
    ['Felix likes sleeping on the sofa', 'felix like'],
    ['I like warm light in the evening', 'user: evening light'],
    ['I prefer cool light in the evening', 'user: evening light'],
    ['Le soir je préfère une lumière chaude', 'user: evening light'],
    ['I stopped smoking today', 'user: smoke'],
    ["J'ai arrêté de fumer aujourd'hui", 'user: smoke'],
    ['The wifi password is on the fridge', 'password wifi'],
    ['Le mot de passe du wifi est sur le frigo', 'password wifi'],
    ['Salon : trois lampes Hue, une TV Samsung', 'living room'],
    ["My wife's birthday is March 3", 'birthday wife'],
    ["L'anniversaire de ma femme est le 3 mars", 'birthday wife'],
    ["Claire's birthday is on 12 May", 'claire birthday'],
    ['Claire was born on 12 May', 'claire birthday'],
    ['Claire est née le 12 mai', 'claire birthday'],
    ['My sister Claire lives in Lyon', 'claire live'],
    ['Claire habite à Lyon', 'claire live'],
  ])('%s -> %s', (text, expected) => {
    expect(subject(text)).toBe(expected);
  });

  it('keeps different aspects of one person apart', () => {
    const about = [
      'Claire is a nurse',
      'Claire lives in Lyon',
      'Claire was born in May',
      'Claire loves lasagne',
      'Claire is 34 years old',
      'My sister is called Claire',
    ];
    expect(new Set(about.map(subject)).size).toBe(6);
  });

  it('derives something from any text', () => {
    expect(subject('Rappelle-moi de sortir le chien à 15 h')).not.toBe('');
    expect(subject('Remind me to call the plumber on Monday')).toContain('plumb');
    expect(subject('hmm')).toBe('hmm');
  });
});

describe('inferKind', () => {
  it.each([
    ['Felix is a black cat', 'fact'],
    ['I like warm light in the evening', 'preference'],
    ["J'adore le jazz", 'preference'],
    ['I stopped smoking today', 'episode'],
    ['Rappelle-moi de sortir le chien à 15 h', 'reminder'],
    ['Remind me to take the bins out', 'reminder'],
    ['Salon : trois lampes Hue, une TV Samsung', 'house'],
    ['The kitchen has two ceiling lights', 'house'],
  ])('%s -> %s', (text, kind) => {
    expect(inferKind(text)).toBe(kind);
  });
});

describe('text analysis', () => {
  it('normalises case, accents, elisions and punctuation', () => {
    expect(normaliseText("L'Été, c'est «chaud» !")).toBe('ete est chaud');
    expect(normaliseSubject('  User:  Evening   LIGHT ')).toBe('user: evening light');
    expect(normaliseSubject('Félix')).toBe('felix');
  });

  it('stems English and French word forms together', () => {
    expect(stem('smoking')).toBe(stem('smoke'));
    expect(stem('cats')).toBe(stem('cat'));
    expect(stem(normaliseText('lumières'))).toBe(stem(normaliseText('lumière')));
    expect(stem('running')).toBe('run');
    expect(stem('fumer')).toBe(stem('fume'));
  });
});
