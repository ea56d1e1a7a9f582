import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages/index.js';
import { nameLanguageGuesser, namesIn, nameWords } from './name-language.js';

const clues = nameLanguageGuesser({ languages: LANGUAGES });

describe("a name's language", () => {
  it.each([
    ['Cafetière', 'fr'],
    ['Machine à café', 'fr'],
    ['Plafonnier du salon', 'fr'],
    ["Porte d'entrée", 'fr'],
    ['Lampe de la chambre', 'fr'],
    ['Volets de la chambre', 'fr'],
    ['Light of the hallway', 'en'],
    ['My desk lamp', 'en'],
  ])('%s is %s by its letters and little words', (name, language) => {
    expect(clues(name)).toBe(language);
  });

  it.each(['Draco', 'Coffee machine', 'Kitchen light', 'Salon', 'Hue lamp 2', 'TV', 'Chambre'])(
    '%s, with nothing to tell, is in every language',
    (name) => {
      expect(clues(name)).toBeUndefined();
    },
  );

  it('weighs the evidence: as much for two languages is no language', () => {
    expect(clues('The café')).toBeUndefined();
    expect(clues('The lamp of the café')).toBe('en');
    expect(clues('La lampe de the hall')).toBe('fr');
  });

  it('takes the word lists for words no letter or little word gives away', () => {
    const french = new Set(['chambre', 'couloir']);
    const guess = nameLanguageGuesser({
      languages: LANGUAGES,
      wordLanguage: (word) => (french.has(word) ? 'fr' : undefined),
    });
    expect(guess('Chambre')).toBe('fr');
    expect(guess('Couloir')).toBe('fr');
    expect(guess('Bedroom')).toBeUndefined();
    // One word each way: as much for both.
    expect(guess('The chambre')).toBeUndefined();
  });

  it('counts a little word only as a word of its own, not a part of a hyphenated word', () => {
    for (const name of ['Pour-over kettle', 'De-humidifier', 'La-Z-Boy', 'Au-pair']) {
      expect(clues(name), name).toBeUndefined();
    }
    expect(clues('Le Creuset')).toBe('fr');
    expect(clues('Rez-de-chaussée')).toBe('fr');
    expect(clues("Porte d'entrée 2")).toBe('fr');
  });

  it("weighs a word only one language's dictionary has against another's little words", () => {
    const english = new Set(['room', 'spot', 'tom', 'draco']);
    const guess = nameLanguageGuesser({
      languages: LANGUAGES,
      dictionaryLanguage: (word) => (english.has(word) ? 'en' : undefined),
    });
    expect(guess('Au pair room')).toBeUndefined();
    expect(guess('Lampe de Tom')).toBeUndefined();
    // Two little words outweigh one English word; a dictionary word is no evidence of its own.
    expect(guess('Spot de la cuisine')).toBe('fr');
    expect(guess('Draco')).toBeUndefined();
    expect(guess('The room')).toBe('en');
    expect(guess('Lampe de la cuisine')).toBe('fr');
  });

  it('follows the names set by hand, whole names only', () => {
    const guess = nameLanguageGuesser({
      languages: LANGUAGES,
      overrides: { 'Lampe de chevet 2': 'en' },
    });
    expect(guess('Lampe de chevet 2')).toBe('en');
    expect(guess('lampe  de chevet-2')).toBe('en');
    expect(guess('Lampe de chevet')).toBe('fr');
    expect(guess('Lampe de chevet 1')).toBe('fr');
  });

  it('follows the names set by hand, spelled loosely', () => {
    const guess = nameLanguageGuesser({
      languages: LANGUAGES,
      overrides: { 'la marzocco': 'en', cafetière: 'any', Draco: 'fr' },
    });
    expect(guess('La Marzocco')).toBe('en');
    expect(guess('Cafetière')).toBeUndefined();
    expect(guess('DRACO')).toBe('fr');
    expect(guess('Lampe de chevet')).toBe('fr');
  });

  it('splits names into lowercase words, elided articles apart', () => {
    expect(nameWords('Porte d’Entrée n°2')).toEqual(['porte', "d'", 'entrée', 'n']);
    expect(nameWords("Tom's lamp")).toEqual(["tom'", 's', 'lamp']);
  });
});

describe('the names said in a language', () => {
  const coffee = ['Coffee machine', 'Machine à café', 'Cafetière'];

  it('are the names of that language and of none', () => {
    expect(namesIn('en', coffee, clues)).toEqual(['Coffee machine']);
    expect(namesIn('fr', coffee, clues)).toEqual(['Coffee machine', 'Machine à café', 'Cafetière']);
    expect(namesIn('en', ['Living room', 'Salon', 'Séjour'], clues)).toEqual([
      'Living room',
      'Salon',
    ]);
  });

  it('keep the main name when no other is left, so everything can be named', () => {
    expect(namesIn('en', ['Cafetière', 'Machine à café'], clues)).toEqual(['Cafetière']);
    expect(namesIn('fr', ['Light of the hallway'], clues)).toEqual(['Light of the hallway']);
    expect(namesIn('en', [], clues)).toEqual([]);
  });
});
