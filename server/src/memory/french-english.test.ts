// FreeDict's French-English dictionary read from Debian's dict-freedict-fra-eng files
// (scripts/setup.mjs installs them): lookups by dictionary form, and what it adds to recall.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dictdNumber, frenchLemmas, openFrenchEnglish, parseEntry } from './french-english.js';
import { HOUSEHOLD_LEXICON } from './lexicon.js';
import { openMemoryLexicon } from './memory-lexicon.js';
import { analyse } from './terms.js';
import { bestRecalled, warningsLogger } from './test-lexicon-store.js';
import { stem } from './text-analysis.js';
import { withWordNet } from './wordnet-lexicon.js';

const { translator, missing } = openFrenchEnglish();
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-freedict-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the French-English dictionary', () => {
  it('is installed (apt-get install dict-freedict-fra-eng)', () => {
    expect(missing).toBeUndefined();
  });

  it('translates words as written, plural, feminine, conjugated or irregular', () => {
    expect(translator!.translate('chien')).toEqual(['dog']);
    expect(translator!.translate('plombiers')).toContain('plumber');
    expect(translator!.translate('travaille')).toContain('work');
    expect(translator!.translate('vit')).toContain('live');
    expect(translator!.translate('qwzx')).toEqual([]);
  });

  it('takes a plural for its singular first, a verb for its infinitive, accents when given', () => {
    expect(frenchLemmas('oreilles').indexOf('oreille')).toBeLessThan(
      frenchLemmas('oreilles').indexOf('oreiller'),
    );
    expect(frenchLemmas('porte', true)[0]).toBe('porter');
    expect(frenchLemmas('porte')[0]).toBe('porte');
    expect(translator!.translate('oreilles')).not.toContain('pillow');
    expect(translator!.translate('joue', 2, true)).toContain('play');
    expect(translator!.translate('marché')).toContain('market');
    expect(translator!.translate('marché')).not.toContain('step');
    expect(translator!.translate('marche')).toContain('step');
  });

  it('reads dictd numbers, entries and dictionary forms', () => {
    expect(dictdNumber('B')).toBe(1);
    expect(dictdNumber('BA')).toBe(64);
    expect(parseEntry('serviette /sɛʀvjɛt/ <n, fem>\n1. napkin\n2. towel, bath towel\n')).toEqual([
      ['napkin'],
      ['towel', 'bath towel'],
    ]);
    expect(frenchLemmas('rangees')).toContain('ranger');
    expect(frenchLemmas('sont')).toContain('etre');
  });

  it('says what is missing from a folder without it', () => {
    const dir = tempDir();
    expect(openFrenchEnglish(dir).missing).toContain(join(dir, 'freedict-fra-eng.index'));
  });
});

describe('French and English memories', () => {
  const lexicon = withWordNet(HOUSEHOLD_LEXICON, undefined, undefined, translator);

  it('tags a French memory with its English words', () => {
    expect(analyse('Le plombier répare la chaudière', lexicon, 'memory').translated).toContain(
      stem('plumber'),
    );
    expect(analyse('The plumber came', lexicon, 'memory').translated).toEqual([]);
  });

  it('finds a French memory from an English question and the reverse', async () => {
    const best = await bestRecalled(
      lexicon,
      ["L'échelle est derrière la maison", 'The umbrella is in the car', 'Anna likes green tea'],
      ['where is the ladder?', 'où est le parapluie ?'],
    );
    expect(best).toEqual(["L'échelle est derrière la maison", 'The umbrella is in the car']);
  });

  it('says at start when the dictionary is missing', () => {
    const { warnings, logger } = warningsLogger();
    const opened = openMemoryLexicon(logger, { dictionary: tempDir() });
    expect(opened.line).toContain('French-English dictionary missing');
    expect(opened.lexicon.id).toContain('wordnet');
    expect(opened.lexicon.id).not.toContain('freedict');
    expect(warnings.join('\n')).toContain('apt-get install dict-freedict-fra-eng');
  });
});
