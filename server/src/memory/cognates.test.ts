// Cognates of the French words FreeDict lacks, found in real WordNet files; and what they add
// to recall across languages (a real LanceDB store).
import { describe, expect, it } from 'vitest';
import { cognateOf, withCognates } from './cognates.js';
import { openFrenchEnglish } from './french-english.js';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import { bestRecalled } from './test-lexicon-store.js';
import { openWordNet } from './wordnet.js';
import { withWordNet } from './wordnet-lexicon.js';

const { wordnet } = openWordNet();
const { translator } = openFrenchEnglish();

describe.runIf(wordnet && translator)('cognates', () => {
  it('finds the English word of a learned French word by its ending', () => {
    expect(cognateOf('radiologue', wordnet!)).toBe('radiologist');
    expect(cognateOf('symphonique', wordnet!)).toBe('symphonic');
    expect(cognateOf('castre', wordnet!)).toBe('castrate');
    expect(cognateOf('safari', wordnet!)).toBe('safari');
  });

  it('leaves short words, names and unknown words alone', () => {
    expect(cognateOf('pile', wordnet!)).toBeUndefined();
    expect(cognateOf('florence', wordnet!)).toBeUndefined();
    expect(cognateOf('covoiturage', wordnet!)).toBeUndefined();
  });

  it("adds them only where the dictionary has nothing, and says so in the dictionary's id", () => {
    expect(translator!.translate('radiologue')).toEqual([]);
    const both = withCognates(translator!, wordnet!);
    expect(both.translate('radiologue')).toEqual(['radiologist']);
    expect(both.translate('chien')).toEqual(translator!.translate('chien'));
    expect(both.id).toBe(`${translator!.id}+cognates-v1`);
  });

  it('finds a French memory from an English question through a cognate', async () => {
    const memories = [
      'Mon beau-frère Gaëtan est radiologue à Angers',
      'Ma sœur Lucie est boulangère à Lyon',
    ];
    const question = ['Who is the radiologist in the family?'];
    const lexicon = (t = translator!) => withWordNet(HOUSEHOLD_LEXICON, wordnet!, undefined, t);
    expect(
      await bestRecalled(lexicon(withCognates(translator!, wordnet!)), memories, question),
    ).toEqual([memories[0]]);
    // Without, "radiologue" is a French word the English question does not use.
    expect(lexicon().id).not.toBe(lexicon(withCognates(translator!, wordnet!)).id);
  });
});
