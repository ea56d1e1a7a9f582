import { describe, expect, it } from 'vitest';
import { answerTypeAsked, holdsAnswer, spotAsked } from './answer-type.js';
import { type Candidate, DEFAULT_WEIGHTS, fuse } from './hybrid-score.js';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import { recalled } from './test-lexicon-store.js';

describe('the kind of answer a question asks for', () => {
  it.each([
    ['When is the bin day?', 'time'],
    ['How often does the snake moult?', 'time'],
    ['Since when do we have solar panels?', 'time'],
    ["C'est pour quand, le dégivrage ?", 'time'],
    ['Quand passe Rosa ?', 'time'],
    ['Tu me lèves à quelle heure ?', 'time'],
    ['Where is the torch?', 'place'],
    ['Où sont rangés les passeports ?', 'place'],
    ["D'où vient Draco ?", 'place'],
    ['What should I cook when Lucas comes for dinner?', undefined],
    ['Qu’est-ce que je mets quand je prépare le repas ?', undefined],
    ['Which colour do I like?', undefined],
    ["Qu'est-ce que je cuisine quand Lucas vient dîner ?", undefined],
    ['Que dois-je faire quand Felix vomit ?', undefined],
    ['Felix a quand même mangé ?', undefined],
    ["Jusqu'à quand dure la garantie ?", 'time'],
    ["C'est quand l'anniversaire de Lucas ?", 'time'],
    ['Tu pars quand ?', 'time'],
    ['The bin day is when?', 'time'],
    ['Ou bien le thé ?', undefined],
    ['Who do I carpool with?', 'person'],
    ['Qui a une fourrure à démêler ?', 'person'],
    ['Je dois offrir quelque chose à qui ?', 'person'],
    ['Le chien qui aboie, il mange quoi ?', undefined],
  ])('%s asks for %s', (question, type) => {
    expect(answerTypeAsked(question)).toBe(type);
  });

  it.each([
    ['Defrost the freezer on Saturday', 'time', true],
    ['Our babysitter comes on Wednesdays', 'time', true],
    ['The septic tank was emptied in 2024', 'time', true],
    ['Sortir le chien à 15 h', 'time', true],
    ["J'aime que les volets s'ouvrent au lever du soleil", 'time', true],
    ['Les piles ont été changées', 'time', false],
    ['Felix hates the vacuum cleaner', 'time', false],
    ['Felix eats everything', 'time', false],
    ['Everyone likes pizza', 'time', false],
    ['Feed the fish every other day', 'time', true],
    ['On arrose chaque semaine', 'time', true],
    ['The torch is in the glovebox', 'place', true],
    ['Ma tante Isabelle habite à Annecy', 'place', true],
    ['Nous avons vu des aurores boréales en Norvège', 'place', true],
    ['Felix a peur des orages', 'place', false],
    ['Nous avons refait la cuisine en janvier', 'place', false],
  ] as const)('"%s" holds a %s: %s', (text, type, holds) => {
    expect(holdsAnswer(text, type)).toBe(holds);
  });

  it.each([
    ['Our friend Mireille is a midwife', true],
    ['Mon collègue Tristan m’emmène au bureau le lundi', true],
    ['Apolline has asthma', true],
    ['Order heating oil before November', false],
    ['The jump leads are in the boot of the Peugeot', false],
    ['Our son broke his collarbone', false],
  ])('"%s" names someone: %s', (text, names) => {
    const isWord = (w: string) => ['order', 'our', 'the', 'mon'].includes(w);
    expect(holdsAnswer(text, 'person', isWord)).toBe(names);
  });

  it.each([
    ['The Christmas decorations are in the attic', true],
    ["L'échelle est derrière l'abri de jardin", true],
    ['Le code du wifi est sur le frigo', true],
    ['La pompe est au fond du garage', true],
    ['Ma tante Isabelle habite à Annecy', false],
    ['Léa, my cousin, lives in Montréal', false],
    ['I started a new job at Airbus', false],
    ['Nous avons vu des aurores boréales en Norvège', false],
    ['Felix a peur des orages', false],
  ])('"%s" holds a spot, not a town: %s', (text, holds) => {
    expect(holdsAnswer(text, 'spot')).toBe(holds);
  });

  it('asks for a spot when a "where" question names no one', () => {
    const isWord = (w: string) => !['claire', 'felix'].includes(w);
    expect(spotAsked('Where did the Singer end up?', isWord, 0)).toBe(true);
    expect(spotAsked('Où sont les décos de Noël ?', isWord, 0)).toBe(true);
    expect(spotAsked('Where does Claire live?', isWord, 0)).toBe(false);
    expect(spotAsked('Où est Felix ?', isWord, 0)).toBe(false);
    expect(spotAsked('Where does my sister live?', isWord, 1)).toBe(false);
  });

  it('puts where a thing is before the town a car is in, when the question names no one', async () => {
    const memories = ['Our blue car is in Toulouse', 'The blue toolbox is under the stairs'];
    const ask = (spots: boolean) =>
      recalled(HOUSEHOLD_LEXICON, memories, ['where is the blue one?'], 1, spots);
    expect(await ask(true)).toEqual([['The blue toolbox is under the stairs']]);
    // Without spots both hold a place, and the town comes first.
    expect(await ask(false)).toEqual([['Our blue car is in Toulouse']]);
  });

  it('takes a relative for someone', () => {
    expect(
      holdsAnswer(
        'Our son broke his collarbone',
        'person',
        () => true,
        () => true,
      ),
    ).toBe(true);
  });

  it('puts the memory with the asked kind of answer first when the rest is equal', () => {
    const base = {
      similarity: 0.5,
      bm25: 1,
      coverage: 0.5,
      wordCoverage: 0.5,
      subjectMatch: 0,
      updatedAt: 0,
      importance: 0.5,
      areaMatch: false,
    };
    const candidates: Candidate<string>[] = [
      { ...base, item: 'no time', answerMatch: 0 },
      { ...base, item: 'a time', answerMatch: 1 },
    ];
    const ranked = fuse(candidates, { now: 0, weights: DEFAULT_WEIGHTS }).map(
      (s) => s.candidate.item,
    );
    expect(ranked).toEqual(['a time', 'no time']);
    const without = fuse(candidates, { now: 0, weights: { ...DEFAULT_WEIGHTS, answer: 0 } });
    expect(without[0]!.score).toBe(without[1]!.score);
  });
});
