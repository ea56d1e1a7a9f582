// "my brother" in a question stands for the person a memory says is my brother: "which town is
// my brother in?" is about Hugo when "My brother Hugo is a plumber" is remembered, and "Hugo
// vit à Nantes" says nothing of a brother. A question naming one of my relatives or friends
// (after my/our/mon/ma/mes/notre/nos) gets the names the memories give that relation added.
import type { Lexicon } from './lexicon.js';
import { isStopWord, normaliseText, stem } from './text-analysis.js';

const POSSESSIVES = new Set(['my', 'our', 'mon', 'ma', 'mes', 'notre', 'nos']);
/** The household lexicon's categories of the people one has. */
const RELATION_CATEGORIES = ['family', 'people'];

/** The relations a question names after a possessive, as the lexicon's names (`brother`). */
export function relationsIn(query: string, lexicon: Lexicon): string[] {
  const words = normaliseText(query).split(' ');
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    if (!POSSESSIVES.has(words[i - 1]!)) continue;
    const entry = lexicon.conceptsOf(stem(words[i]!));
    if (entry.categories.some((c) => RELATION_CATEGORIES.includes(c))) {
      for (const name of entry.synonyms) out.add(name);
    }
  }
  return [...out];
}

const COPULAS = new Set(['is', 'was', 'est', 'etait']);

/**
 * The names a memory gives a relation: a capitalised word next to the relation's word, commas
 * and possessives aside ("My brother Hugo", "Claire, my sister", "mon frère Hugo"), or across a
 * copula ("Martine is my mother", "ma mère est Martine").
 */
export function namesFor(text: string, relation: string, lexicon: Lexicon): string[] {
  const tokens = text.split(/[\s,;:]+/).filter(Boolean);
  const names: string[] = [];
  const is = (j: number, words: Set<string>) => words.has(normaliseText(tokens[j] ?? ''));
  tokens.forEach((token, i) => {
    const word = normaliseText(token);
    if (!lexicon.conceptsOf(stem(word)).synonyms.includes(relation)) return;
    for (const j of [i + 1, i - 1, i - 2, i - 3, i + 2]) {
      const near = tokens[j];
      if (!near || !/^\p{Lu}\p{Ll}/u.test(near) || POSSESSIVES.has(normaliseText(near))) continue;
      if (j <= i - 2 && !is(i - 1, POSSESSIVES)) continue;
      if (j === i - 3 && !is(i - 2, COPULAS)) continue;
      if (j === i + 2 && !(is(i + 1, COPULAS) && is(i - 1, POSSESSIVES))) continue;
      // Across a copula only a name, of the relative itself: not "Today is my mother's
      // birthday", "It is my sister's car", "My mother is French".
      const copula = j === i - 3 || j === i + 2;
      if (copula && (/['’]s$/.test(token) || !nameLike(normaliseText(near), lexicon))) continue;
      names.push(near.replace(/['’]s$/, ''));
      return;
    }
  });
  return names;
}

/** Whether a folded word may be a name: not a little word, not a word of the language. */
function nameLike(folded: string, lexicon: Lexicon): boolean {
  return !isStopWord(folded) && lexicon.tagger?.isWord?.(folded) !== true;
}

/** The query with the names its relations are given in `texts` (memories found for them). */
export function withNames(
  query: string,
  relations: readonly string[],
  texts: readonly string[],
  lexicon: Lexicon,
): string {
  const names = new Set<string>();
  for (const relation of relations) {
    for (const text of texts) for (const name of namesFor(text, relation, lexicon)) names.add(name);
  }
  return names.size === 0 ? query : `${query} ${[...names].join(' ')}`;
}
