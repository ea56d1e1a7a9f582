// The word lists the server has (Debian's dict-freedict-fra-eng and pocketsphinx-en-us's CMU
// dictionary, both installed by scripts/setup.mjs) telling French words from the rest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DICTIONARY } from '../engines/stt/phrase-engine.js';
import { installedNameLanguage, loadWordLanguage } from './word-language.js';

const paths = { englishDictionary: DEFAULT_DICTIONARY };
const wordLanguage = await loadWordLanguage(paths);
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

  it('are none when a list is missing', async () => {
    expect(await loadWordLanguage({ ...paths, freedictDir: empty })).toBeUndefined();
    expect(await loadWordLanguage({ englishDictionary: join(empty, 'none.dict') })).toBeUndefined();
  });

  it("tell a name's language as the server does, names set by hand first", async () => {
    const { nameLanguage, wordLists } = await installedNameLanguage(paths, { Couloir: 'any' });
    expect(wordLists).toBe(true);
    expect(nameLanguage('Chambre')).toBe('fr');
    expect(nameLanguage('Couloir')).toBeUndefined();
    expect(nameLanguage('Bedroom')).toBeUndefined();
    const bare = await installedNameLanguage(undefined);
    expect(bare.wordLists).toBe(false);
    expect(bare.nameLanguage('Chambre')).toBeUndefined();
    expect(bare.nameLanguage('Lampe de chevet')).toBe('fr');
  });
});
