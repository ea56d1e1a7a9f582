import { describe, expect, it } from 'vitest';
import { agreement } from './agreement.js';
import { decisiveRuns, exchangeRuns, widened } from './decisive-runs.js';
import { neighboursOf, wordShares } from './value-runs.js';

// A small home: one lock, two rooms, a living room with curtains and shutters, an alarm.
const SMALL_HOME = [
  'lock the front door',
  'unlock the front door',
  'turn on the kitchen light',
  'turn off the kitchen light',
  'turn on the bedroom light',
  'turn off the bedroom light',
  'open the living room curtains',
  'close the living room curtains',
  'open the living room shutters',
  'close the living room shutters',
  'arm the alarm',
  'disarm the alarm',
  'set a timer for two minutes',
  'set tea timer for two minutes',
].map((s) => s.split(' '));

const runsOf = (text: string) => {
  const words = text.split(' ');
  return decisiveRuns(words, SMALL_HOME, wordShares(SMALL_HOME)).map((run) =>
    words.slice(run.start, run.end).join(' '),
  );
};

describe('the runs of a heard sentence that can go wrong', () => {
  it('finds the verb another sentence exchanges for its opposite, however few do', () => {
    expect(runsOf('unlock the front door')).toContain('unlock');
    expect(runsOf('lock the front door')).toContain('lock');
    expect(runsOf('disarm the alarm')).toContain('disarm');
    expect(runsOf('turn off the kitchen light')).toEqual(
      expect.arrayContaining(['off', 'kitchen']),
    );
  });

  it('compares both the verb and the name of a cover the room has two of', () => {
    expect(runsOf('close the living room shutters')).toEqual(
      expect.arrayContaining(['close', 'shutters']),
    );
  });

  it('has no run in a sentence no other sentence is near', () => {
    expect(runsOf('what time is it')).toEqual([]);
  });

  it('lists each exchanged word once', () => {
    const words = 'turn on the kitchen light'.split(' ');
    const runs = exchangeRuns(neighboursOf(words, SMALL_HOME));
    expect(runs).toEqual([
      { start: 1, end: 2 },
      { start: 3, end: 4 },
    ]);
  });
});

describe('a run widened to its least phones', () => {
  // set(3) a(1) timer(4) for(3) two(2) minutes(7)
  const phones = [3, 1, 4, 3, 2, 7];

  it('takes the nearer words until the run has enough phones, the next word first', () => {
    expect(widened({ start: 1, end: 2 }, phones, 3)).toEqual({ start: 1, end: 3 });
    expect(widened({ start: 1, end: 2 }, phones, 6)).toEqual({ start: 0, end: 3 });
  });

  it('leaves a long enough run alone and stops at the sentence', () => {
    expect(widened({ start: 2, end: 3 }, phones, 3)).toEqual({ start: 2, end: 3 });
    expect(widened({ start: 5, end: 6 }, phones, 100)).toEqual({ start: 0, end: 6 });
  });

  it('so a one-phone run another word replaces is not all or nothing', () => {
    const lookup = (word: string) => {
      const book: Record<string, string[]> = {
        set: ['S', 'EH', 'T'],
        a: ['AH'],
        an: ['AE', 'N'],
        timer: ['T', 'AY', 'M', 'ER'],
      };
      return book[word] ? [book[word]] : [];
    };
    const sentence = 'set a timer'.split(' ');
    const heard = 'set an timer'.split(' ');
    const alone = agreement(sentence, heard, lookup, { start: 1, end: 2 });
    const withNeighbours = agreement(sentence, heard, lookup, { start: 1, end: 2 }, 3);
    expect(alone.run).toBeLessThanOrEqual(0);
    expect(withNeighbours.run).toBeGreaterThan(0.5);
  });
});
