import { describe, expect, it } from 'vitest';
import { parseHypseg } from './sphinx-batch.js';

describe('parseHypseg', () => {
  it('reads words, the acoustic score and the frame count', () => {
    const line =
      'utt3 S 0 T -5148 A -4901 L -247 0 -1123 -43 turn 26 -864 -41 on(2) 40 -323 0 the ' +
      '49 -1160 -122 <sil> 60 -1 0 [NOISE] 91 -1431 -41 light 158 0 0 (NULL) 158';
    expect(parseHypseg(line)).toEqual({
      id: 'utt3',
      words: ['turn', 'on', 'the', 'light'],
      acousticScore: -4901,
      frames: 158,
      speechFrames: 26 + 14 + 9 + (158 - 91),
      segments: [
        { word: 'turn', start: 0, end: 26, acousticScore: -1123, filler: false },
        { word: 'on', start: 26, end: 40, acousticScore: -864, filler: false },
        { word: 'the', start: 40, end: 49, acousticScore: -323, filler: false },
        { word: '<sil>', start: 49, end: 60, acousticScore: -1160, filler: true },
        { word: '[NOISE]', start: 60, end: 91, acousticScore: -1, filler: true },
        { word: 'light', start: 91, end: 158, acousticScore: -1431, filler: false },
        { word: '(NULL)', start: 158, end: 158, acousticScore: 0, filler: true },
      ],
    });
  });

  it('reads a decoding that reached no final state as no words', () => {
    expect(parseHypseg('utt4 S 0 T 0 A 0 L 0 21845')).toEqual({
      id: 'utt4',
      words: [],
      acousticScore: 0,
      frames: 0,
      speechFrames: 0,
      segments: [],
    });
  });

  it('rejects anything else', () => {
    expect(() => parseHypseg('INFO: batch.c(729): Decoding')).toThrow(/unexpected pocketsphinx/);
  });
});
