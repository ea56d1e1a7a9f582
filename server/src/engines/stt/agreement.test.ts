import { describe, expect, it } from 'vitest';
import { agreement, contrast, phoneDistance, transcriptWords } from './agreement.js';

const PHONES: Record<string, string> = {
  turn: 'T ER N',
  on: 'AA N',
  the: 'DH AH|DH IY',
  bedroom: 'B EH D R UW M',
  basement: 'B EY S M AH N T',
  light: 'L AY T',
  seventeen: 'S EH V AH N T IY N',
  seventy: 'S EH V AH N T IY',
  eighteen: 'EY T IY N',
  seven: 'S EH V AH N',
  teen: 'T IY N',
  set: 'S EH T',
  thermostat: 'TH ER M AH S T AE T',
  to: 'T UW',
  timer: 'T AY M ER',
  tea: 'T IY',
  for: 'F AO R',
  two: 'T UW',
  hours: 'AW ER Z',
  degrees: 'D IH G R IY Z',
  tell: 'T EH L',
  me: 'M IY',
  a: 'AH',
  joke: 'JH OW K',
};
const lookup = (word: string) => (PHONES[word]?.split('|') ?? []).map((p) => p.split(' '));
const words = (text: string) => text.split(' ');

describe('agreement of a transcript with the grammar sentence, on phones', () => {
  it('is 1 for the same words, whichever pronunciation of the sentence fits', () => {
    const said = words('turn on the bedroom light');
    expect(agreement(said, said, lookup, { start: 3, end: 4 })).toEqual({
      words: [1, 1, 1, 1, 1],
      sentence: 1,
      run: 1,
      said: ['bedroom'],
    });
  });

  it('shows a near miss at the name: the words around it agree, the name does not', () => {
    const heard = agreement(
      words('turn on the bedroom light'),
      words('turn on the basement light'),
      lookup,
      { start: 3, end: 4 },
    );
    expect(heard.said).toEqual(['basement']);
    expect(heard.run).toBeLessThan(0.5);
    expect(heard.sentence).toBeGreaterThan(heard.run!);
  });

  it('is low for speech that is no command, and 0 for an empty transcript', () => {
    const sentence = words('turn on the bedroom light');
    expect(agreement(sentence, words('tell me a joke'), lookup).sentence).toBeLessThan(0.4);
    expect(agreement(sentence, [], lookup, { start: 3, end: 4 })).toMatchObject({ sentence: 0 });
  });

  it('reads digits and symbols as the grammar speaks them', () => {
    expect(transcriptWords('Set it to 17 degrees, 50%.')).toEqual(
      words('set it to seventeen degrees fifty percent'),
    );
  });

  it('counts phone edits', () => {
    expect(phoneDistance(['B', 'EH', 'D'], ['B', 'EY', 'D', 'Z'])).toBe(2);
  });

  it('takes another number written out as another value, however close its phones', () => {
    const sentence = words('set the thermostat to seventeen degrees');
    const runs = [{ start: 4, end: 5 }];
    const heard = agreement(sentence, words('set the thermostat to seventy degrees'), lookup, runs);
    expect(heard).toMatchObject({ run: 0, said: ['seventy'] });
    expect(heard.sentence).toBeGreaterThan(0.9);
    // Words that are not all numbers are compared on phones.
    const misheard = agreement(
      sentence,
      words('set the thermostat to seven teen degrees'),
      lookup,
      runs,
    );
    expect(misheard.run).toBe(1);
  });

  it('reports the worst of several runs', () => {
    const sentence = words('turn on the bedroom light');
    const runs = [
      { start: 0, end: 1 },
      { start: 3, end: 4 },
    ];
    const heard = agreement(sentence, words('turn on the basement light'), lookup, runs);
    expect(heard.said).toEqual(['basement']);
    expect(heard.run).toBeLessThan(0.5);
  });

  it('contrasts the transcript with the neighbour that differs at the value', () => {
    const sentence = words('set a timer for two hours');
    const named = { words: words('set tea timer for two hours'), run: { start: 1, end: 2 } };
    const rival = { ...named, theirs: ['tea'] };
    expect(contrast(sentence, [rival], words('set tea timer for two hours'), lookup)).toBe(-1);
    expect(contrast(sentence, [rival], sentence, lookup)).toBe(1);
    expect(contrast(sentence, [], sentence, lookup)).toBeUndefined();
  });
});
