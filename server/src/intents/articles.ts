// Names said with their article, as French needs ("la cuisine", "le salon", "l'entrée"), and the
// contractions the result calls for ("de le salon" → "du salon"). English has no `render`.
import type { ArticleData } from './languages/language.js';
import { fold } from './normalize.js';

export interface Agreement {
  readonly feminine: boolean;
  readonly plural: boolean;
}

const VOWEL = /^[aeiouy]/;

/**
 * Ordinary words of device and room names, English and French: in "Bedroom Light" or "Living
 * Room" they are lowered mid-sentence ("the bedroom light"); other capitalised words ("Samsung
 * TV", "Felix's bowl") are kept as written.
 */
const ORDINARY_NAME_WORDS = new Set(
  (
    'light lights lamp lamps ceiling strip spot spots bulb room living dining bedroom bathroom ' +
    'kitchen hallway hall office garage garden front back side door doors window windows blinds ' +
    'curtains shutters shades fan heater heating thermostat lock gate alarm switch plug socket ' +
    'sensor temperature speaker porch basement attic upstairs downstairs main floor desk table ' +
    'bed machine coffee kettle oven washer dryer dishwasher fridge left right big small master ' +
    'guest kids entrance stairs terrace patio pool cover valve vacuum ' +
    'lumière lumières lampe lampes plafonnier porte portes fenêtre volets volet salon cuisine ' +
    'chambre entrée couloir séjour bureau chauffage ventilateur serrure prise café télé grande ' +
    'petite avant arrière haut bas'
  ).split(' '),
);

const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/**
 * A name as said mid-sentence. Ordinary words are lowered ("Bedroom Light" → "bedroom light",
 * "Living Room" → "living room"), and so is the first word of a name written in sentence case,
 * as Home Assistant writes them ("Nightstand lamp" → "nightstand lamp"); brands and names in a
 * title-case name keep their capitals ("Samsung TV", "Hue Go").
 */
export function displayName(name: string): string {
  const words = name.split(/(\s+)/);
  const sentenceCase = words.slice(1).every((word) => word === word.toLowerCase());
  return words
    .map((word, i) => {
      if (!CAPITALISED.test(word)) return word;
      const ordinary = ORDINARY_NAME_WORDS.has(word.toLowerCase());
      return ordinary || (i === 0 && sentenceCase) ? word.toLowerCase() : word;
    })
    .join('');
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
