// Every language the local intents understand: a new language is one data file and one line here.
import type { Language } from '../types.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { LanguageData } from './language.js';

export const LANGUAGES: readonly LanguageData[] = [en, fr];

export function languageData(language: Language): LanguageData | undefined {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((data) => data.language === primary);
}
