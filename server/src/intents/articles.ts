// Names said with their article, as French needs ("la cuisine", "le salon", "l'entrée"), and the
// contractions the result calls for ("de le salon" → "du salon"). English has no `render`.
import type { ArticleData } from './languages/language.js';
import { fold } from './normalize.js';

export interface Agreement {
  readonly feminine: boolean;
  readonly plural: boolean;
}

const VOWEL = /^[aeiouy]/;

/** "Kitchen light" → "kitchen light" in the middle of a sentence; "TV" keeps its capitals. */
export function displayName(name: string): string {
  const first = name.split(/\s/)[0] ?? '';
  const rest = first.slice(1);
  return rest && rest === rest.toLowerCase() ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

function firstWord(phrase: string): string {
  return fold(phrase).split(/[\s'-]/)[0] ?? '';
}

/** A guess from the first word: lists of exceptions, then "-e" feminine, "-s"/"-x" plural. */
export function agreementOf(phrase: string, articles: ArticleData): Agreement {
  const render = articles.render;
  if (!render) return { feminine: false, plural: false };
  const word = firstWord(phrase);
  const plural = /[sx]$/.test(word) && !render.singularWords.some((w) => fold(w) === word);
  const singular = plural ? word.slice(0, -1) : word;
  const listed = (list: readonly string[]) => list.some((w) => [word, singular].includes(fold(w)));
  const feminine =
    listed(render.feminineWords) || (singular.endsWith('e') && !listed(render.masculineWords));
  return { feminine, plural };
}

export function withArticle(phrase: string, articles: ArticleData): string {
  const render = articles.render;
  if (!render) return phrase;
  const { feminine, plural } = agreementOf(phrase, articles);
  if (plural) return `${render.plural} ${phrase}`;
  if (VOWEL.test(fold(phrase))) return `${render.elided}${phrase}`;
  return `${feminine ? render.feminine : render.masculine} ${phrase}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "de le salon" → "du salon", "pas de interrupteur" → "pas d'interrupteur". */
export function contract(text: string, articles: ArticleData): string {
  let result = text;
  for (const [full, short] of articles.contractions) {
    result = result.replace(new RegExp(`(^|\\s)${escape(full)}(?=\\s|$)`, 'giu'), `$1${short}`);
  }
  for (const word of articles.render?.elide ?? []) {
    const pattern = new RegExp(`(^|\\s)${escape(word)} (?=[aeiouyàâäéèêëîïôöûüœæ])`, 'giu');
    result = result.replace(pattern, `$1${word.slice(0, -1)}'`);
  }
  return result;
}
