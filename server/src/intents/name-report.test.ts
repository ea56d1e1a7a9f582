import { describe, expect, it } from 'vitest';
import { DemoHome } from '../home/index.js';
import { LANGUAGES } from './languages/index.js';
import { nameLanguageGuesser } from './name-language.js';
import { nameReport, namesLeftOut, unmatchedOverrides } from './name-report.js';

const home = new DemoHome();
const overrides = { Séjour: 'any', 'Hue lamp 2': 'fr', 'Hue lamp': 'fr', Garage: 'en' } as const;
const guess = nameLanguageGuesser({ languages: LANGUAGES, overrides });

describe('what the names do to a home', () => {
  it("are the names a language's grammar leaves out, each once", () => {
    const out = namesLeftOut('en', home, guess);
    expect(out).toContain('Cafetière');
    expect(out).toContain('Lampe de chevet');
    expect(out).not.toContain('Séjour');
    expect(out).not.toContain('Coffee machine');
    expect(new Set(out).size).toBe(out.length);
    expect(namesLeftOut('fr', home, guess)).toEqual([]);
  });

  it('keeps the main name in, even of another language', () => {
    expect(namesLeftOut('fr', home, guess)).not.toContain('Hue lamp 2');
    const french = { 'Coffee machine': 'fr' } as const;
    const coffee = nameLanguageGuesser({ languages: LANGUAGES, overrides: french });
    expect(namesLeftOut('en', home, coffee)).not.toContain('Coffee machine');
    expect(namesLeftOut('en', home, coffee)).toContain('Cafetière');
  });

  it('are the names set by hand that name nothing, matched whole', () => {
    expect(unmatchedOverrides(overrides, home)).toEqual(['Hue lamp', 'Garage']);
    expect(unmatchedOverrides({ 'hue LAMP 2': 'fr' }, home)).toEqual([]);
  });

  it('are said as one info line a language and one warning a name naming nothing', () => {
    const { info, warn } = nameReport(home, ['en', 'fr'], guess, overrides);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatch(/^names: the en grammar leaves out \d+ name\(s\) .*"Cafetière"/);
    expect(warn).toEqual([
      'stt.phrase.name_languages: "Hue lamp" is no area\'s or device\'s name',
      'stt.phrase.name_languages: "Garage" is no area\'s or device\'s name',
    ]);
  });
});
