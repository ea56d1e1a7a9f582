import { describe, expect, it } from 'vitest';
import { slotPositions } from './understanding-slots.js';

const GRAMMAR = [
  'turn on the kitchen light',
  'turn on the kitchen lights',
  'turn on the living room light',
  'set the light to eighty percent',
  'set the light to ninety percent',
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
