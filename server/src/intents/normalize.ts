// Text to tokens. What people say, the templates and the home's names all go through the same
// folding, so case, accents, apostrophes, hyphens and punctuation never decide a match.

export interface Token {
  /** Compared: lowercase, no accents, contractions expanded ("du" → "de", "le"). */
  readonly norm: string;
  /** As written (lowercase, accents kept); empty for the second half of an expansion. */
  readonly raw: string;
}

/** Folded words that stand for several ("du" → ["de", "le"]). */
export type Expansions = ReadonlyMap<string, readonly string[]>;

const TOKEN = /\d+(?:[.,]\d+)?|[\p{L}\p{M}]+'?|[%°]/gu;
const APOSTROPHES = /[’‘`´ʼ]/g;

/** Lowercase without accents: "Entrée" → "entree", "Œufs" → "oeufs". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

export function tokenize(text: string, expansions?: Expansions): Token[] {
  const tokens: Token[] = [];
  const lower = text.normalize('NFC').toLowerCase().replace(APOSTROPHES, "'");
  for (const [raw] of lower.matchAll(TOKEN)) {
    const norm = fold(raw.endsWith("'") ? raw.slice(0, -1) : raw).replace(',', '.');
    const expanded = expansions?.get(norm);
    if (expanded) expanded.forEach((part, i) => tokens.push({ norm: part, raw: i ? '' : raw }));
    else tokens.push({ norm, raw });
  }
  return tokens;
}

/** The folded words of a text, for comparing names and phrases. */
export function words(text: string, expansions?: Expansions): string[] {
  return tokenize(text, expansions).map((token) => token.norm);
}

export function key(tokens: readonly string[]): string {
  return tokens.join(' ');
}

/** Tokens back to text as said: "l'" sticks to the next word. */
export function rawText(tokens: readonly Token[]): string {
  let text = '';
  for (const { raw } of tokens) {
    if (!raw) continue;
    text += text && !text.endsWith("'") ? ` ${raw}` : raw;
  }
  return text;
}

/** Expansions from a language's contractions ("du" → "de le") and elisions ("d'" → "de"). */
export function expansionsOf(
  contractions: readonly (readonly [string, string])[],
  elided: readonly string[] = [],
): Expansions {
  const entries: [string, readonly string[]][] = [
    ...elided.map((word): [string, string[]] => [fold(word.slice(0, -1)), [fold(word)]]),
    ...contractions.map(([full, short]): [string, string[]] => [fold(short), words(full)]),
  ];
  return new Map(entries);
}

/** Without one leading article ("the", "la", "l'"); an article alone leaves nothing. */
export function stripArticle<T extends { readonly norm: string }>(
  tokens: readonly T[],
  articles: ReadonlySet<string>,
): readonly T[] {
  const first = tokens[0];
  return first && articles.has(first.norm) ? tokens.slice(1) : tokens;
}
