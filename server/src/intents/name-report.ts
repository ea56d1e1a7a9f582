// What the names' languages do to a home, said once at start: the names a language's grammar
// leaves out (device and room names are configuration, not speech), and the names set by hand
// that name nothing, so that users know what to put in `stt.phrase.name_languages`.
import type { Home } from '../home/index.js';
import {
  type NameLanguage,
  type NameLanguageOverrides,
  namesIn,
  overrideKey,
} from './name-language.js';
import type { Language } from './types.js';

/** Each named thing's names, its primary name first: the areas, then the entities. */
function namedThings(home: Pick<Home, 'areas' | 'entities'>): string[][] {
  return [...home.areas(), ...home.entities()].map((thing) => [thing.name, ...thing.aliases]);
}

/** The names and aliases `language`'s grammar leaves out, each once, in the home's order. */
export function namesLeftOut(
  language: Language,
  home: Pick<Home, 'areas' | 'entities'>,
  guess: NameLanguage,
): string[] {
  const out = namedThings(home).flatMap((names) => {
    const kept = new Set(namesIn(language, names, guess));
    return names.filter((name) => !kept.has(name));
  });
  return [...new Set(out)];
}

/** The names set by hand that are no area's or entity's name or alias. */
export function unmatchedOverrides(
  overrides: NameLanguageOverrides,
  home: Pick<Home, 'areas' | 'entities'>,
): string[] {
  const names = new Set(namedThings(home).flat().map(overrideKey));
  return Object.keys(overrides).filter((name) => !names.has(overrideKey(name)));
}

export interface NameReport {
  readonly info: string[];
  readonly warn: string[];
}

/** The lines to log about the names of `home` in the grammars of `languages`. */
export function nameReport(
  home: Pick<Home, 'areas' | 'entities'>,
  languages: readonly Language[],
  guess: NameLanguage,
  overrides: NameLanguageOverrides,
): NameReport {
  const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(', ');
  const info = languages.flatMap((language) => {
    const out = namesLeftOut(language, home, guess);
    if (out.length === 0) return [];
    return [
      `names: the ${language} grammar leaves out ${out.length} name(s) of another language: ` +
        `${quoted(out)} (stt.phrase.name_languages sets a name's language)`,
    ];
  });
  const warn = unmatchedOverrides(overrides, home).map(
    (name) => `stt.phrase.name_languages: ${JSON.stringify(name)} is no area's or device's name`,
  );
  return { info, warn };
}
