// Finding the sentence: which language to try first, which template matches (known names
// first, then any words where a name goes, to answer "I don't know a device called X").
import type { Home } from '../home/home.js';
import type { CompiledLanguage, CompiledTemplate } from './compile.js';
import { domainsOf } from './domains.js';
import { type Captures, matchTemplate } from './match.js';
import type { Token } from './normalize.js';
import { type SlotValue, indexHome, slotMatcher } from './slots.js';
import type { Language } from './types.js';

export interface Recognized {
  readonly lang: CompiledLanguage;
  readonly template: CompiledTemplate;
  readonly captures: Captures<SlotValue>;
}

export function primaryLanguage(language: Language): string {
  return language.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The languages to try, best guess first: the one given when it is known, else every language
 * by how many of the sentence's words it uses.
 */
export function languageOrder(
  languages: readonly CompiledLanguage[],
  text: string,
  hint?: Language,
): CompiledLanguage[] {
  const given = hint && languages.find((l) => l.data.language === primaryLanguage(hint));
  if (given) return [given];
  const share = (lang: CompiledLanguage) => {
    const tokens = lang.tokenize(text);
    return tokens.filter((t) => lang.vocabulary.has(t.norm)).length / (tokens.length || 1);
  };
  return languages
    .map((lang) => ({ lang, share: share(lang) }))
    .sort((a, b) => b.share - a.share)
    .map(({ lang }) => lang);
}

/**
 * The first template that matches, trying the languages in order: with the home's names in
 * every language first, then with unknown names (so a French sentence is not taken for an
 * English one about a device called "la musique").
 */
export function recognize(
  languages: readonly CompiledLanguage[],
  text: string,
  home: Home,
): Recognized | undefined {
  const prepared = languages
    .map((lang) => ({ lang, tokens: lang.tokenize(text), index: indexHome(home, lang) }))
    .filter(({ tokens }) => tokens.length > 0);
  for (const unknownNames of [false, true]) {
    for (const { lang, tokens, index } of prepared) {
      for (const template of lang.templates) {
        if (unknownNames && !template.slots.has('name')) continue;
        const domains = domainsOf(template.target);
        const captures = matchTemplate(
          template.sequence,
          tokens,
          slotMatcher(lang, index, { domains, unknownNames }),
        );
        if (captures) return { lang, template, captures };
      }
    }
  }
  return undefined;
}

/** "yes", "no", or neither, in this language. */
export function answerOf(lang: CompiledLanguage, tokens: readonly Token[]): boolean | undefined {
  const none = () => [];
  const matches = (templates: typeof lang.yes) =>
    templates.some((template) => matchTemplate(template, tokens, none) !== undefined);
  if (matches(lang.yes)) return true;
  const nevermind = lang.templates.filter((t) => t.intent === 'HassNevermind');
  if (matches(lang.no) || nevermind.some((t) => matchTemplate(t.sequence, tokens, none))) {
    return false;
  }
  return undefined;
}
