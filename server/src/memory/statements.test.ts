import { describe, expect, it } from 'vitest';
import type { Memory } from './memory.js';
import { planRevision } from './revisions.js';
import { analyseStatement, type Facet, facetKey } from './statements.js';
import { inferKind } from './subjects.js';

const said = (text: string, subject?: string) => analyseStatement(text, inferKind(text), subject);
const keys = (text: string) => said(text).facets.map(facetKey);

describe('analyseStatement', () => {
  it.each([
    ['Felix is a black cat', 'felix', ['colour|', 'is|cat']],
    ['Felix est un chat noir', 'felix', ['colour|', 'is|cat']],
    ['We have a black cat called Felix', 'felix', ['colour|', 'is|cat']],
    ['Felix is actually grey', 'felix', ['colour|']],
    ['Felix is at the vet', 'felix', ['location|']],
    ['Felix est chez le vétérinaire', 'felix', ['location|']],
    ['Felix est à la maison', 'felix', ['location|']],
    ['Felix likes warm places', 'felix', ['like|room']],
    ['Hugo is allergic to cats', 'hugo', ['allergy|cat']],
    ['Hugo est allergique aux noix', 'hugo', ['allergy|noi']],
    ['My sister Claire lives in Lyon', 'claire', ['live|']],
    ['Claire habite à Lyon', 'claire', ['live|']],
    ["Claire's birthday is on 12 May", 'claire', ['birthday|']],
    ['Claire was born on 12 May', 'claire', ['birthday|']],
    ['Claire works as a nurse', 'claire', ['job|']],
    ['Felix is 3 years old', 'felix', ['age|']],
    ['I like warm light in the evening', 'user', ['like|evening light']],
    ['Le soir je préfère une lumière chaude', 'user', ['like|evening light']],
    ['I stopped smoking today', 'user', ['habit|smoke']],
    ["J'ai arrêté de fumer aujourd'hui", 'user', ['habit|smoke']],
    ['The wifi password is on the fridge', 'password wifi', ['location|']],
    ['The living room has three Hue lamps', 'living room', ['has|hue light thr']],
  ])('%s -> %s %j', (text, thing, facets) => {
    expect(said(text).thing).toBe(thing);
    expect(keys(text)).toEqual(facets);
  });

  it('gives a negation as a value, so "I don\'t like" updates "I like"', () => {
    expect(said("I don't like coriander").facets).toEqual([
      { attribute: 'like', topic: 'coriand', value: 'not' },
    ]);
    expect(said('I like coriander').facets).toEqual([
      { attribute: 'like', topic: 'coriand', value: '' },
    ]);
  });

  it('takes the thing from the subject given when the text does not name it', () => {
    expect(said('He likes fish', 'Felix').thing).toBe('felix');
    expect(said('Felix likes fish', 'the cat').thing).toBe('felix');
  });
});

const memory = (id: string, facets: Facet[]): Memory => ({
  id,
  kind: 'fact',
  subject: 'felix',
  thing: 'felix',
  facets,
  history: [],
  text: id,
  createdAt: 0,
  updatedAt: 0,
  importance: 0.5,
});
const colour = (value: string): Facet => ({ attribute: 'colour', topic: '', value });
const cat: Facet = { attribute: 'is', topic: 'cat', value: '' };
const vet: Facet = { attribute: 'location', topic: '', value: 'vet' };

describe('planRevision', () => {
  it.each([
    ['a new thing', [vet], [memory('a', [colour('black'), cat])], { replaces: [], outdates: [] }],
    ['a restatement', [colour('black')], [memory('a', [colour('black'), cat])], { restates: 'a' }],
    ['a whole update', [colour('grey')], [memory('a', [colour('black')])], { replaces: ['a'] }],
    [
      'a part update',
      [colour('grey')],
      [memory('a', [colour('black'), cat]), memory('b', [vet])],
      { replaces: [], outdates: [['a', ['colour|']]] },
    ],
    [
      'a facet already replaced',
      [colour('grey')],
      [memory('a', [{ ...colour('black'), replacedAt: 1 }, cat])],
      { replaces: [], outdates: [] },
    ],
  ] as const)('%s', (_name, facets, candidates, expected) => {
    const plan = planRevision(facets, candidates);
    if ('restates' in expected) expect(plan.restates?.id).toBe(expected.restates);
    else expect(plan.restates).toBeUndefined();
    if ('replaces' in expected) expect(plan.replaces.map((m) => m.id)).toEqual(expected.replaces);
    if ('outdates' in expected) {
      expect(plan.outdates.map((o) => [o.memory.id, o.keys])).toEqual(expected.outdates);
    }
  });
});
