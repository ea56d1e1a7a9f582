import { describe, expect, it } from 'vitest';
import {
  addAccentVariants,
  espeakToArpabet,
  guessPronunciation,
  guessPronunciations,
  lookupPronunciations,
} from './lexicon.js';

const CMUDICT = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

describe('espeakToArpabet', () => {
  it.each([
    ["h_j_'u:", 'HH Y UW'],
    ["r_'u:_m_b_@", 'R UW M B AH'],
    ["s_'oU_n_oU_z", 'S OW N OW Z'],
    ["n_,a_n_oU_l_'i:_f", 'N AE N OW L IY F'],
    ["dZ_'A@_v_I_s", 'JH AA R V IH S'],
    ["b_'V_t#_3", 'B AH T ER'],
    ["f_'aI3", 'F AY ER'],
    ["S_,a_n_d_@_l_'i@3", 'SH AE N D AH L IH R'],
    ["t_'3:_n O2_n", 'T ER N AO N'],
    ["b_'V_?_n-", 'B AH T AH N'],
  ])('%j -> %j', (espeak, arpabet) => {
    expect(espeakToArpabet(espeak)).toBe(arpabet);
  });

  it('gives undefined when nothing maps', () => {
    expect(espeakToArpabet("'%,")).toBeUndefined();
  });
});

describe('pronunciations', () => {
  it('reads words and their alternatives from the CMU dictionary', async () => {
    const found = await lookupPronunciations(CMUDICT, ['on', 'kitchen', 'nanoleaf']);
    expect(found.get('on')).toEqual(['AA N', 'AO N']);
    expect(found.get('kitchen')).toEqual(['K IH CH AH N']);
    expect(found.has('nanoleaf')).toBe(false);
  });

  it('guesses unknown words with espeak-ng', async () => {
    expect(await guessPronunciation('roomba')).toBe('R UW M B AH');
    const guessed = await guessPronunciations(['sonos', 'nanoleaf', 'roomba']);
    expect([...guessed.keys()].sort()).toEqual(['nanoleaf', 'roomba', 'sonos']);
  });

  it("adds accents' pronunciations as variants, each once", async () => {
    const found = await lookupPronunciations(CMUDICT, ['garage', 'the']);
    const added = await addAccentVariants(found, ['en-gb', 'en-029', 'en-gb']);
    expect(found.get('garage')).toEqual(['G ER AA ZH', 'G AE R IH JH']);
    expect(found.get('the')).toContain('D AH'); // en-029 has no "th"
    expect(added).toBe(found.get('garage')!.length + found.get('the')!.length - 3);
  });

  it('guesses nothing when espeak-ng is missing', async () => {
    expect(
      await guessPronunciation('roomba', { espeak: '/nonexistent/espeak-ng' }),
    ).toBeUndefined();
  });
});
