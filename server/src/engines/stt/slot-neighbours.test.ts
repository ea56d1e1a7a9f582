import { describe, expect, it } from 'vitest';
import { differingRun, slotNeighbours, slotPositions } from './slot-neighbours.js';

const GRAMMAR = [
  'turn on the kitchen light',
  'turn on the kitchen lights',
  'turn on the living room light',
  'set the light to eighty percent',
  'set the light to ninety percent',
  'set the light to ninety five percent',
  'set the light to seventy percent',
  'what time is it',
].map((sentence) => sentence.split(' '));

describe('slotPositions', () => {
  it('marks the words a neighbouring sentence replaces', () => {
    const heard = 'turn on the kitchen lights'.split(' ');
    // "lights" (against "light"), "kitchen light" (against "living room light").
    expect([...slotPositions(heard, GRAMMAR)].sort()).toEqual([3, 4]);
    expect([...slotPositions('set the light to ninety percent'.split(' '), GRAMMAR)]).toEqual([4]);
  });

  it('marks nothing in a sentence with no neighbour', () => {
    expect(slotPositions('what time is it'.split(' '), GRAMMAR).size).toBe(0);
  });

  it('ignores neighbours that differ in more words than the span', () => {
    const heard = 'turn on the kitchen lights'.split(' ');
    expect([...slotPositions(heard, GRAMMAR, 1)]).toEqual([4]);
  });
});

describe('slotNeighbours', () => {
  const said = (words: readonly string[]) => words.join(' ');

  it('gives every other number of the slot, one word or two', () => {
    const heard = 'set the light to eighty percent'.split(' ');
    expect(slotNeighbours(heard, GRAMMAR).map(said)).toEqual([
      'set the light to ninety percent',
      'set the light to ninety five percent',
      'set the light to seventy percent',
    ]);
  });

  it('gives the singular or plural and the other names, not the sentence itself', () => {
    const heard = 'turn on the kitchen light'.split(' ');
    expect(slotNeighbours(heard, GRAMMAR).map(said)).toEqual([
      'turn on the kitchen lights',
      'turn on the living room light',
    ]);
  });

  it('counts a word more or less as a neighbour (an empty run on one side)', () => {
    const heard = 'set the light to ninety percent'.split(' ');
    expect(differingRun(heard, 'set the light to ninety five percent'.split(' '))).toEqual({
      start: 5,
      end: 5,
      theirs: 1,
    });
    expect(slotNeighbours('what time is it'.split(' '), GRAMMAR)).toEqual([]);
  });

  it('leaves out sentences that differ in more than the span or in two places', () => {
    const heard = 'turn on the kitchen light'.split(' ');
    expect(slotNeighbours(heard, GRAMMAR, 1).map(said)).toEqual(['turn on the kitchen lights']);
    expect(differingRun(heard, 'turn off the kitchen lights'.split(' '))).toBeUndefined();
    expect(differingRun(heard, 'turn off the bedroom light'.split(' '), 1)).toBeUndefined();
  });
});
