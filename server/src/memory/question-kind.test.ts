import { describe, expect, it } from 'vitest';
import { fuse, type Candidate, DEFAULT_WEIGHTS } from './hybrid-score.js';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import { askedInPast, profileQuestion } from './question-kind.js';

describe('the way a question is asked', () => {
  it.each([
    ['Did we replace the couch?', true],
    ['Have I ever been to the dentist?', true],
    ['Is granny still alive?', true],
    ['Suis-je allé chez le dentiste ?', true],
    ['Les gens d’à côté sont-ils venus manger chez nous ?', true],
    ['La cave a-t-elle déjà pris l’eau ?', true],
    ['What time do I turn in?', false],
    ['Quel âge a Biscuit ?', false],
    ['Où est le robinet ?', false],
    ['Où sont rangés les passeports ?', false],
    ['Où est passée l’échelle ?', false],
    ['Où sommes-nous allés en vacances ?', true],
    ['Où est allée Anna en vacances ?', true],
    ['Où sont allés les enfants cet été ?', true],
    ['Où est partie Rosa ?', true],
    ['Où est-elle née ?', true],
    ['Quand est mort grand-père ?', true],
    ['Où est la mort-aux-rats ?', false],
    ['Où est rangée la perceuse ?', false],
    ['Is there a biscuit left?', false],
  ])('%s: asked in the past %s', (question, past) => {
    expect(askedInPast(question)).toBe(past);
  });

  it('points at episodes and preferences, and at the user when nobody else is named', () => {
    const of = (q: string, relatives: string[] = []) =>
      profileQuestion(q, HOUSEHOLD_LEXICON, relatives);
    expect(of('Did we replace the couch?')).toEqual({ kinds: ['episode'], aboutUser: true });
    expect(of('Which colour do I like best?')).toEqual({ kinds: ['preference'], aboutUser: true });
    expect(of('Can I have cheese?')).toEqual({ kinds: ['preference'], aboutUser: true });
    expect(of('Where does Claire live?')).toEqual({ kinds: [], aboutUser: false });
    expect(of('Does Yvette hear me?').aboutUser).toBe(false);
    expect(of('which town is my mother in?', ['mother']).aboutUser).toBe(false);
  });

  it.each([
    ['What do I listen to on my commute?', ['preference']],
    ['How should you address me?', ['preference']],
    ['Je me baigne à quelle température ?', ['preference']],
    ['Do I need to see the barber?', ['reminder']],
    ['Which subscription do I have to stop?', ['reminder']],
    ['Quel contrat dois-je arrêter ?', ['reminder']],
    ['When should I take Rex out?', ['reminder']],
    ['When is the power bill due?', ['reminder']],
    ['What should I cook when Lucas comes for dinner?', []],
    ['Where do I find ink for the printer?', []],
    ['Où je range les clés ?', []],
    ['Did I stop smoking?', ['episode']],
  ])('%s points at %j', (question, kinds) => {
    expect(profileQuestion(question, HOUSEHOLD_LEXICON).kinds).toEqual(kinds);
  });
});

describe('priors in the score', () => {
  const candidate = (item: string, extra: Partial<Candidate<string>>): Candidate<string> => ({
    item,
    similarity: 0.3,
    bm25: 0,
    coverage: 0,
    wordCoverage: 0,
    subjectMatch: 0,
    updatedAt: 0,
    importance: 0.5,
    areaMatch: false,
    ...extra,
  });

  it('puts a memory of the kind asked for and the user’s own first, all else equal', () => {
    const ranked = fuse(
      [
        candidate('other kind', { kindMatch: 0, userMatch: 0 }),
        candidate('episode', { kindMatch: 1, userMatch: 0 }),
        candidate('mine', { kindMatch: 0, userMatch: 1 }),
      ],
      { now: 0 },
    ).map((s) => s.candidate.item);
    expect(ranked[2]).toBe('other kind');
    expect(DEFAULT_WEIGHTS.kind).toBeGreaterThan(0);
    expect(DEFAULT_WEIGHTS.user).toBeGreaterThan(0);
  });

  it('leaves the score of a question without priors as it was', () => {
    const plain = candidate('a', {});
    const [withNone] = fuse([plain], { now: 0 });
    const [withZeros] = fuse([candidate('a', { kindMatch: 0, userMatch: 0 })], { now: 0 });
    const [withoutWeights] = fuse([plain], {
      now: 0,
      weights: { ...DEFAULT_WEIGHTS, kind: 0, user: 0 },
    });
    expect(withNone!.score).toBeCloseTo(withoutWeights!.score, 10);
    expect(withZeros!.score).toBeLessThan(withNone!.score);
  });
});
