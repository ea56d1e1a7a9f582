// French to English words from FreeDict's French-English dictionary (Debian's
// dict-freedict-fra-eng installs it in /usr/share/dictd as a dictd database), so a French
// memory meets an English question and the reverse: the memory's analysis adds the English
// words of each French word. A French word is looked up as written, then as the forms a
// dictionary lists (singular, masculine, infinitive). Read once, in place; nothing is fetched.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const FREEDICT_DIR = '/usr/share/dictd';
const NAME = 'freedict-fra-eng';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A dictd index number (base 64, most significant digit first). */
export function dictdNumber(text: string): number {
  let n = 0;
  for (const c of text) n = n * 64 + B64.indexOf(c);
  return n;
}

/** Accents folded, lowercase: how the memory writes words (and the dictionary is keyed). */
export const foldAccents = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

// Endings of inflected forms and the endings of the forms a dictionary lists, tried in order.
const ENDINGS: readonly (readonly [string, string])[] = [
  ['ees', 'er'],
  ['ee', 'er'],
  ['es', 'er'],
  ['ent', 'er'],
  ['ons', 'er'],
  ['ez', 'er'],
  ['ais', 'er'],
  ['ait', 'er'],
  ['aient', 'er'],
  ['ant', 'er'],
  ['e', 'er'],
  ['it', 'ir'],
  ['is', 'ir'],
  ['ie', 'ir'],
  ['issent', 'ir'],
  ['aux', 'al'],
  ['euses', 'eur'],
  ['euse', 'eur'],
  ['rices', 'eur'],
  ['rice', 'eur'],
  ['ives', 'if'],
  ['ive', 'if'],
  ['elles', 'el'],
  ['elle', 'el'],
  ['ennes', 'en'],
  ['enne', 'en'],
  ['s', ''],
  ['x', ''],
  ['e', ''],
  ['es', ''],
];

// The commonest irregular verbs' forms (folded), by infinitive: no suffix rule finds them.
const IRREGULAR = Object.fromEntries(
  Object.entries({
    etre: 'suis es est sommes etes sont etait ete',
    avoir: 'ai as a avons avez ont avait eu',
    vivre: 'vis vit vivons vivez vivent vecu',
    faire: 'fais fait faisons faites font',
    aller: 'vais vas va allons allez vont',
    prendre: 'prends prend prenons prenez prennent pris prise',
    mettre: 'mets met mettons mettez mettent mis mise',
    pouvoir: 'peux peut pouvons pouvez peuvent pu',
    vouloir: 'veux veut voulons voulez veulent voulu',
    devoir: 'dois doit devons devez doivent du',
    savoir: 'sais sait savons savez savent su',
    venir: 'viens vient venons venez viennent venu venue',
    tenir: 'tiens tient tenons tenez tiennent tenu',
    voir: 'vois voit voyons voyez voient vu vue',
    dire: 'dis dit disons dites disent',
    lire: 'lis lit lisons lisez lisent lu',
    ecrire: 'ecris ecrit ecrivons ecrivez ecrivent',
    boire: 'bois boit buvons buvez boivent bu',
    dormir: 'dors dort dormons dormez dorment dormi',
    sortir: 'sors sort sortons sortez sortent sorti sortie',
    partir: 'pars part partons partez partent parti partie',
    naitre: 'nais nait naissent ne nee nes nees',
    mourir: 'meurs meurt mourons mourez meurent mort morte',
    connaitre: 'connais connait connaissons connaissez connaissent connu',
  }).flatMap(([infinitive, forms]) => forms.split(' ').map((f) => [f, infinitive])),
);

const INFINITIVE = /(?:er|ir|re)$/;

/**
 * Forms to look a folded French word up as: itself, then dictionary forms, a plural's singular
 * before a verb's infinitive ("oreilles": oreille, not oreiller). Where a verb stands (`verb`,
 * "je porte"), its infinitive first: "porter", not the noun "porte".
 */
export function frenchLemmas(word: string, verb = false): string[] {
  const forms: string[] = [];
  for (const [ending, lemma] of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) {
      forms.push(word.slice(0, -ending.length) + lemma);
    }
  }
  const irregular = IRREGULAR[word] ? [IRREGULAR[word]] : [];
  if (verb) {
    return [...new Set([...irregular, ...forms.filter((f) => INFINITIVE.test(f)), word, ...forms])];
  }
  const plural = /[sx]$/.test(word) && word.length >= 4 ? [word.slice(0, -1)] : [];
  return [...new Set([word, ...irregular, ...plural, ...forms])];
}

export interface Translator {
  /** Names the dictionary and how it is looked up, for the ids of what it analysed. */
  readonly id?: string;
  /**
   * English translations of a French word or phrase (lowercase; accents, when kept, tell
   * "marché" from "marche"), by sense, each a word or phrase; `verb`: the word stands where a
   * verb does (its infinitive looked up first).
   */
  translate(word: string, senses?: number, verb?: boolean): string[];
}

/** Parses a dictd entry: `headword /pron/ <pos>` then numbered senses of comma-separated words. */
export function parseEntry(entry: string): string[][] {
  const lines = entry.split('\n').slice(1);
  const senses: string[][] = [];
  for (const line of lines) {
    const text = line.trim().replace(/^\d+\.\s*/, '');
    if (text === '') continue;
    senses.push(
      text
        .split(/,\s*/)
        .map((t) => t.replace(/\([^)]*\)/g, '').trim())
        .filter(Boolean),
    );
  }
  return senses;
}

class FreeDict implements Translator {
  /** Raise when the look-up changes (the order of a word's forms), so stores re-analyse. */
  readonly id = 'freedict-fra-eng-v2';
  readonly #entries = new Map<string, string[][]>();
  /** Entries by headword as written (lowercase): "marché" (market) is not "marche" (step). */
  readonly #written = new Map<string, string[][]>();

  constructor(dir: string) {
    const dict = gunzipSync(readFileSync(join(dir, `${NAME}.dict.dz`)));
    for (const line of readFileSync(join(dir, `${NAME}.index`), 'utf8').split('\n')) {
      const [head, offset, length] = line.split('\t');
      if (!head || !offset || !length || head.startsWith('00database')) continue;
      const start = dictdNumber(offset);
      const entry = dict.toString('utf8', start, start + dictdNumber(length));
      const key = foldAccents(head);
      const senses = parseEntry(entry);
      this.#entries.set(key, [...(this.#entries.get(key) ?? []), ...senses]);
      const written = head.toLowerCase();
      if (written !== key)
        this.#written.set(written, [...(this.#written.get(written) ?? []), ...senses]);
    }
  }

  translate(word: string, senses = 2, verb = false): string[] {
    const written = this.#written.get(word);
    if (written && !verb) return [...new Set(written.slice(0, senses).flat())];
    for (const form of frenchLemmas(foldAccents(word), verb)) {
      const found = this.#entries.get(form);
      if (found) return [...new Set(found.slice(0, senses).flat())];
    }
    return [];
  }
}

/** The dictionary's headwords (folded), or undefined when it is not installed in `dir`. */
export async function frenchHeadwords(dir = FREEDICT_DIR): Promise<Set<string> | undefined> {
  const text = await readFile(join(dir, `${NAME}.index`), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const words = new Set<string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    const head = line.slice(0, tab);
    if (tab > 0 && !head.startsWith('00database')) words.add(foldAccents(head));
  }
  return words;
}

/** The dictionary from `dir`, or what is missing so the caller can say it. */
export function openFrenchEnglish(dir = FREEDICT_DIR): {
  translator?: Translator;
  missing?: string;
} {
  const files = [`${NAME}.index`, `${NAME}.dict.dz`].map((f) => join(dir, f));
  const absent = files.filter((f) => !existsSync(f));
  if (absent.length > 0) return { missing: absent.join(', ') };
  return { translator: new FreeDict(dir) };
}
