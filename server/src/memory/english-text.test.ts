import { describe, expect, it } from 'vitest';
import { frenchToEnglish } from './english-text.js';
import { openFrenchEnglish } from './french-english.js';
import { openWordNet } from './wordnet.js';

const { translator } = openFrenchEnglish();
const { wordnet } = openWordNet();

describe.runIf(translator && wordnet)('frenchToEnglish', () => {
  const toEnglish = frenchToEnglish(translator!, (w) => wordnet!.frequency?.(w) ?? 0);

  it('rewrites French word for word, the commonest English word of each', () => {
    // The dictionary's first words are "Negro" for "noir" and "dwell" for "habite".
    expect(toEnglish('Notre chat Felix est noir')).toBe('our cat Felix is black');
    expect(toEnglish('Mon père Bernard habite à Bordeaux')).toBe(
      'my father Bernard live at Bordeaux',
    );
    expect(toEnglish('où habite Claire ?')).toBe('where live Claire');
  });

  it('keeps names and numbers, and leaves English alone', () => {
    expect(toEnglish('Le chien de Draco mange à 18 h')).toMatch(/^the dog of Draco \w+ at 18 h$/);
    expect(toEnglish('where does Bernard live?')).toBe('where does Bernard live?');
  });

  it("does not take Object's properties for function words", () => {
    expect(toEnglish('Notre chat constructor est noir')).toBe('our cat constructor is black');
    expect(toEnglish('Notre chat toString est noir')).toBe('our cat toString is black');
  });

  it('reads a word after a pronoun or an auxiliary as a verb', () => {
    // As a noun, "joue" is a cheek, "porte" a door and "fait" mature.
    expect(toEnglish('Je joue au bridge')).toBe('i play at bridge');
    expect(toEnglish('Je porte des lentilles')).toMatch(/^i (?:carry|wear|bear) /);
    expect(toEnglish('Nous avons fait un safari')).toBe('we have make a safari');
    expect(toEnglish('La porte est rouge')).toBe('the door is red');
  });

  it('tells accented words apart, takes a plural for its singular, keeps dictionary compounds', () => {
    // Folded, "marché" (market) is "marche" (a step) and "oreilles" could be "oreiller" (pillow).
    expect(toEnglish('Je fais mes courses au marché')).toMatch(/ market$/);
    expect(toEnglish('Je dors avec des bouchons d’oreilles')).toMatch(/ ear$/);
    expect(toEnglish('Le club le mercredi après-midi')).toMatch(/Wednesday afternoon$/);
    expect(toEnglish("J'ai besoin de verres")).toBe('i have need of glass');
  });

  it("takes the commonest English word of all the word's senses", () => {
    // "planche": bed, shelf (its first sense), then board, plank.
    expect(toEnglish('La planche est dans le garage')).toBe('the board is in the garage');
  });

  it('takes the first word without word counts', () => {
    expect(frenchToEnglish(translator!)('Notre chat est noir')).toBe('our cat is Negro');
  });
});
