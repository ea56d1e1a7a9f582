import { describe, expect, it } from 'vitest';
import { phoneDistance, readDictionary, slotAgreement } from './general-agreement.js';

const GRAMMAR = [
  'turn on the bedroom light',
  'turn on the kitchen light',
  'turn on the living room light',
].map((sentence) => sentence.split(' '));

const DICTIONARY = readDictionary(
  [
    'turn T ER N',
    'on AA N',
    'on(2) AO N',
    'the DH AH',
    'bedroom B EH D R UW M',
    'basement B EY S M AH N T',
    'kitchen K IH CH AH N',
    'living L IH V IH NG',
    'room R UW M',
    'light L AY T',
  ].join('\n'),
);
const lookup = (word: string) => DICTIONARY.get(word) ?? [];

/** Words one after another, `frames` each, from frame 0 (a silence first). */
const timed = (words: string[], frames = 20) =>
  ['<sil>', ...words].map((word, i) => ({ word, start: i * frames, end: (i + 1) * frames }));

describe('slotAgreement', () => {
  it('agrees fully when the transcript has the run at its frames', () => {
    const heard = timed('turn on the bedroom light'.split(' '));
    const agreement = slotAgreement(heard, heard, GRAMMAR, lookup)!;
    expect(agreement).toEqual({
      ...{ found: true, phones: 1, carrier: 1 },
      ...{ run: ['bedroom'], said: ['bedroom'] },
    });
  });

  it('agrees less when another word is heard there', () => {
    const heard = timed('turn on the bedroom light'.split(' '));
    const general = timed('turn on the basement light'.split(' '));
    const agreement = slotAgreement(heard, general, GRAMMAR, lookup)!;
    expect(agreement.found).toBe(false);
    expect(agreement.said).toEqual(['basement']);
    // B EH D R UW M against B EY S M AH N T: only B kept, M matched after insertions.
    expect(agreement.phones).toBeCloseTo(
      1 - phoneDistance('B EH D R UW M'.split(' '), 'B EY S M AH N T'.split(' ')) / 6,
    );
    expect(agreement.phones).toBeLessThan(0.5);
  });

  it('has no run in a sentence no other sentence differs from by a few words', () => {
    const heard = timed('turn on the bedroom light'.split(' '));
    expect(slotAgreement(heard, heard, [GRAMMAR[0]!], lookup)).toBeUndefined();
  });
});

describe('phoneDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(phoneDistance(['A', 'B', 'C'], ['A', 'C'])).toBe(1);
    expect(phoneDistance(['A', 'B'], ['X', 'B', 'Y'])).toBe(2);
    expect(phoneDistance([], ['A'])).toBe(1);
  });
});
