import { describe, expect, it } from 'vitest';
import {
  around,
  buildFillerFsg,
  fillerDictionary,
  fillerRun,
  phoneWords,
} from './filler-grammar.js';
import { ARPABET_PHONES } from './phrase-grammar.js';

const GRAMMAR = [
  'turn on the bedroom fan',
  'turn off the bedroom fan',
  'turn on the kitchen light',
  'turn on the living room ceiling',
  'turn on the bedroom lamp',
  'set the temperature to seventeen degrees',
  'set the temperature to eighteen degrees',
  'set the temperature to twenty one degrees',
  'what time is it',
].map((sentence) => sentence.split(' '));

const words = (sentence: string) => sentence.split(' ');

/** The FSG's transitions as [from, to, word] ('' for an empty one). */
function transitions(fsg: string): [number, number, string][] {
  return fsg
    .split('\n')
    .filter((line) => line.startsWith('TRANSITION '))
    .map((line) => {
      const [, from, to, , word] = line.split(' ');
      return [Number(from), Number(to), word ?? ''];
    });
}

/** Whether the FSG accepts `said` (phone words standing for the loop). */
function accepts(fsg: string, said: readonly string[]): boolean {
  const edges = transitions(fsg);
  let states = new Set([0]);
  const close = (set: Set<number>) => {
    for (let grown = true; grown;) {
      grown = false;
      for (const [from, to, word] of edges) {
        if (word || !set.has(from) || set.has(to)) continue;
        set.add(to);
        grown = true;
      }
    }
    return set;
  };
  states = close(states);
  for (const word of said) {
    const next = new Set<number>();
    for (const [from, to, label] of edges) if (label === word && states.has(from)) next.add(to);
    states = close(next);
  }
  return states.has(1);
}

describe('fillerRun', () => {
  it('picks the run most neighbours replace: the name or the value', () => {
    // "bedroom fan" against "kitchen light", "living room ceiling"; "fan" against "lamp" once.
    expect(fillerRun(words('turn on the bedroom fan'), GRAMMAR)).toEqual({ start: 3, end: 5 });
    expect(fillerRun(words('set the temperature to seventeen degrees'), GRAMMAR)).toEqual({
      start: 4,
      end: 5,
    });
  });

  it('finds nothing in a sentence no other replaces part of', () => {
    expect(fillerRun(words('what time is it'), GRAMMAR)).toBeUndefined();
  });
});

describe('buildFillerFsg', () => {
  const heard = words('turn on the bedroom fan');
  const [aa, b] = phoneWords();

  it('keeps the words around the run and loops over one or more phones in it', () => {
    const fsg = buildFillerFsg(heard, { start: 3, end: 4 });
    expect(accepts(fsg, ['turn', 'on', 'the', b!, aa!, 'fan'])).toBe(true);
    expect(accepts(fsg, ['turn', 'on', 'the', aa!, 'fan'])).toBe(true);
    expect(accepts(fsg, ['turn', 'on', 'the', 'fan'])).toBe(false);
    expect(accepts(fsg, heard)).toBe(false);
    expect(accepts(fsg, ['turn', 'off', 'the', aa!, 'fan'])).toBe(false);
  });

  it('ends on the loop when the run ends the sentence, starts on it when it starts it', () => {
    expect(accepts(buildFillerFsg(heard, { start: 3, end: 5 }), ['turn', 'on', 'the', b!])).toBe(
      true,
    );
    expect(
      accepts(buildFillerFsg(heard, { start: 0, end: 2 }), [aa!, 'the', 'bedroom', 'fan']),
    ).toBe(true);
  });

  it('gives every phone the probability asked for (the insertion penalty)', () => {
    const fsg = buildFillerFsg(heard, { start: 3, end: 4 }, { phoneProbability: 0.001 });
    const phones = fsg.split('\n').filter((line) => line.endsWith(` ${aa}`));
    expect(phones).toHaveLength(2); // into the loop and round it
    for (const line of phones) expect(line.split(' ')[3]).toBe('0.00100000');
  });

  it('loops over the words around the run instead, the run kept', () => {
    const carrier = around(heard.length, { start: 3, end: 4 });
    expect(carrier).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 5 },
    ]);
    const fsg = buildFillerFsg(heard, carrier);
    expect(accepts(fsg, [aa!, b!, 'bedroom', aa!])).toBe(true);
    expect(accepts(fsg, [aa!, 'bedroom'])).toBe(false);
    expect(accepts(fsg, heard)).toBe(false);
    expect(around(heard.length, { start: 0, end: 5 })).toEqual([]);
  });

  it('refuses a run outside the sentence or empty', () => {
    expect(() => buildFillerFsg(heard, { start: 4, end: 6 })).toThrow();
    expect(() => buildFillerFsg(heard, { start: 2, end: 2 })).toThrow();
  });

  it('has a dictionary line for every phone word', () => {
    expect(phoneWords()).toHaveLength(ARPABET_PHONES.length);
    expect(fillerDictionary().trim().split('\n')).toHaveLength(ARPABET_PHONES.length);
  });
});
