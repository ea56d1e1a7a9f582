// The word lists the server has (Debian's dict-freedict-fra-eng and pocketsphinx-en-us's CMU
// dictionary, both installed by scripts/setup.mjs) telling French words from the rest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DICTIONARY } from '../engines/stt/phrase-engine.js';
import { englishSingulars, installedNameLanguage, loadWordLists } from './word-language.js';

const paths = { englishDictionary: DEFAULT_DICTIONARY };
const lists = await loadWordLists(paths);
const wordLanguage = lists?.wordLanguage;
const empty = mkdtempSync(join(tmpdir(), 'jarvis-words-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('French words from the installed word lists', () => {
  it('are read from both lists', () => {
    expect(wordLanguage).toBeDefined();
  });

  it.each(['chambre', 'couloir', 'chauffage', 'serrure', 'chambres', 'ventilateur', 'plafonnier'])(
    '%s, which the English dictionary lacks, is French',
    (word) => {
      expect(wordLanguage!(word)).toBe('fr');
    },
  );

  it.each(['salon', 'cuisine', 'garage', 'machine', 'draco', 'samsung', 'frontier', 'kitchen'])(
    '%s, in the English dictionary too, tells nothing',
    (word) => {
      expect(wordLanguage!(word)).toBeUndefined();
    },
  );

  it.each(['pendants', 'kitchenettes', 'kettles', 'switches', 'batteries'])(
    '%s, an English plural of a word the English dictionary has, tells nothing',
    (word) => {
      expect(wordLanguage!(word)).toBeUndefined();
    },
  );

  it('know an English plural by its singulars', () => {
    expect(englishSingulars('pendants')).toEqual(['pendants', 'pendant']);
    expect(englishSingulars('boxes')).toEqual(['boxes', 'boxe', 'box']);
    expect(englishSingulars('batteries')).toEqual(['batteries', 'batterie', 'battery']);
    expect(englishSingulars('glass')).toEqual(['glass']);
  });

  it('know the words only the English dictionary has, French ones not', () => {
    for (const word of ['room', 'kettle', 'kettles', 'draco']) {
      expect(lists!.dictionaryLanguage(word), word).toBe('en');
    }
    for (const word of ['salon', 'chambre', 'cuisine', 'kitchenette']) {
      expect(lists!.dictionaryLanguage(word), word).toBeUndefined();
    }
  });

  it('are none when a list is missing', async () => {
    expect(await loadWordLists({ ...paths, freedictDir: empty })).toBeUndefined();
    expect(await loadWordLists({ englishDictionary: join(empty, 'none.dict') })).toBeUndefined();
  });

  it("tell a name's language as the server does, names set by hand first", async () => {
    const { nameLanguage, wordLists } = await installedNameLanguage(paths, { Couloir: 'any' });
    expect(wordLists).toBe(true);
    expect(nameLanguage('Chambre')).toBe('fr');
    expect(nameLanguage('Couloir')).toBeUndefined();
    expect(nameLanguage('Bedroom')).toBeUndefined();
    expect(nameLanguage('Draco')).toBeUndefined();
    const bare = await installedNameLanguage(undefined);
    expect(bare.wordLists).toBe(false);
    expect(bare.nameLanguage('Chambre')).toBeUndefined();
    expect(bare.nameLanguage('Lampe de chevet')).toBe('fr');
  });
});

const { nameLanguage } = await installedNameLanguage(paths);

describe("names' languages with the installed word lists", () => {
  it.each([
    'Pendants',
    'Kitchenettes',
    'Pour-over kettle',
    'De-humidifier',
    'Au pair room',
    'La-Z-Boy',
  ])('%s is in every language', (name) => {
    expect(nameLanguage(name)).toBeUndefined();
  });

  it.each(['Lampe de la cuisine', 'Spot de la cuisine', 'Chambres', 'Le lit', 'Rez-de-chaussée'])(
    '%s is French',
    (name) => {
      expect(nameLanguage(name)).toBe('fr');
    },
  );
});
