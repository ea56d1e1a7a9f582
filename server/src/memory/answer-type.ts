// What kind of answer a question wants, from its question word, and whether a memory holds one:
// "when…", "quand…", "at what time…", "how often…" want a time, and "Defrost the freezer on
// Saturday" has one (a weekday, month, season, part of the day, clock time, year or date);
// "where…", "où…" want a place, and "The torch is in the glovebox" has one (a place
// preposition); "who…", "qui…" want a person, and "Our friend Mireille is a midwife" names one.
// Question words are stop words, so neither the full text nor the vector sees
// them; recall favours memories holding the kind of answer asked for (weight `answer`). The
// words below are closed classes of English and French (question words, prepositions, the
// calendar), not words of any question.
import { normaliseText } from './text-analysis.js';

/** `spot`: a place a thing is in ("in the attic"), not a town ("in Lyon"): see `spotAsked`. */
export type AnswerType = 'time' | 'place' | 'person' | 'spot';

// Question words and phrases asking for a time (folded, as normaliseText leaves them: "jusqu'à
// quand" is "a quand", "c'est quand" "est quand"). "When" and "quand" ask only where a question
// word stands: first, after a preposition ("since when", "jusqu'à quand", "pour quand"), after
// "is" ("c'est quand…") or last ("tu pars quand ?"); elsewhere they are conjunctions ("que
// dois-je faire quand Felix vomit ?"), and "quand même" is "still".
const TIME_QUESTION =
  /^(?:when|quand)\b|\b(?:since|until|till|by|is|was) when\b|\b(?:depuis|a|pour|de|ici|est|etait|sera) quand\b(?! meme)|\b(?:when|quand)$|\b(?:how often|how long ago|since when|what time|what day|which day|what date|which date|(?:a|de) quel(?:le)? (?:heure|jour|moment|date|rythme|frequence)|quel(?:le)? (?:jour|heure|date)|combien de fois|a quelle periode)\b/;
// "où" is "ou" (or) once folded, so it is looked for as written.
const PLACE_QUESTION = /\bwhere(?:abouts)?\b|(?<!\p{L})où(?!\p{L})/iu;

const CALENDAR = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday weekday weekdays weekend weekends ' +
    'january february march april may june july august september october november december ' +
    'spring summer autumn winter christmas easter morning mornings afternoon afternoons ' +
    'evening evenings night nights noon midnight dawn dusk sunrise sunset daily weekly monthly ' +
    'yearly annually today tomorrow yesterday tonight ago ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche semaine janvier fevrier mars avril mai ' +
    'juin juillet aout septembre octobre novembre decembre printemps automne hiver noel ' +
    'paques matin matins midi soir soirs soiree nuit nuits minuit aube aujourd hier demain ' +
    'quotidien hebdomadaire mensuel annuel'
  ).split(' '),
);
// Clock times, years and dates: "6 pm", "15 h", "8 am", "2024", "the 1st", "le 20", "every…".
const TIME_PATTERN =
  /\b(?:\d{1,2} ?(?:am|pm|h)\b|\d{1,2}h\d{0,2}\b|(?:19|20)\d{2}\b|\d{1,2}(?:st|nd|rd|th|er)\b|(?:the|le) \d{1,2}\b|every|each|chaque|tous les|toutes les|(?:lever|coucher) du soleil)\b/;
// Prepositions of place, English and French (folded): "in the loft", "sous l'évier".
const PLACE_WORDS =
  /\b(?:au|aux|in|inside|under|underneath|behind|beside|next to|near|by the|on top of|on the|above|below|at the|outside|upstairs|downstairs|dans|sous|derriere|devant|pres|a cote|sur le|sur la|sur l|au dessus|en dessous|chez|au fond|dehors)\b/;

// As written: "à" (not "a", has), "at Airbus", "en Norvège" (not "en mars").
const PLACE_WRITTEN = /(?:^|\s)à\s|\bat (?!\d)|\ben \p{Lu}/u;

// "Who", "whom", "qui" where a question word stands: first, after a preposition ("à qui", "avec
// qui", "with whom"), after "c'est" or last; elsewhere "qui" is a relative pronoun.
const PERSON_QUESTION =
  /^(?:who|whom|whose|qui)\b|\b(?:with|to|for|from|by) whom\b|\b(?:a|avec|pour|de|chez|par|est|etait) qui\b|\bqui$/;
// What may stand before a name that is no person's: an article, a preposition of place.
const NOT_A_PERSON_BEFORE =
  /^(?:the|a|an|of|in|at|to|from|le|la|les|l|un|une|du|de|des|d|au|aux|en|dans|a|à|chez)$/i;

/** The kind of answer a question asks for, from its question word; undefined when none. */
export function answerTypeAsked(question: string): AnswerType | undefined {
  const folded = normaliseText(question);
  if (TIME_QUESTION.test(folded)) return 'time';
  if (PLACE_QUESTION.test(question)) return 'place';
  if (PERSON_QUESTION.test(folded)) return 'person';
  return undefined;
}

// A preposition of place, a determiner maybe, then the word after it (as written, for its case).
const PLACE_THEN_WORD =
  /(?:^|[\s'’])(?:in|inside|under|underneath|behind|beside|next to|near|by|on top of|on|above|below|at|outside|dans|sous|derrière|devant|près de|à côté de|sur|au dessus de|au-dessus de|en dessous de|au fond de|au|aux|à)\s+(?:(?:the|a|an|my|our|his|her|their|le|la|les|un|une|du|des|de|mon|ma|mes|notre|nos|son|sa|ses|leur|leurs)\s+|l['’]\s*)?(\p{L}[\p{L}'’-]*)/giu;

/**
 * A "where" question that names no one (no name, no relative; `relatives` says how many it
 * names) asks where a thing is: a spot ("in the attic"), not a town someone lives in ("à
 * Lille"). `isWord` as for `holdsAnswer`.
 */
export function spotAsked(
  question: string,
  isWord: (folded: string) => boolean,
  relatives: number,
): boolean {
  return relatives === 0 && !namesSomeone(question, isWord);
}

/**
 * Whether a text names someone: a word written with a capital inside it, not a day or a month,
 * not after an article or a preposition of place ("Our friend Mireille", not "the Peugeot" or "à Lille"), or its
 * first word when it is no common word (`isWord`; "Apolline has asthma", not "Order the oil").
 */
function namesSomeone(text: string, isWord: (folded: string) => boolean): boolean {
  const tokens = text.split(/\s+/).map((t) => t.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  return tokens.some((token, i) => {
    if (!/^\p{Lu}/u.test(token) || CALENDAR.has(normaliseText(token))) return false;
    if (i === 0) return !isWord(normaliseText(token));
    const before = tokens[i - 1]!.split(/['’]/).pop()!;
    return !NOT_A_PERSON_BEFORE.test(before) && !/[.!?:]$/.test(before);
  });
}

/**
 * Whether a memory's text holds an answer of that kind; for a person, a name (`isWord`: whether
 * a folded word is a common word, not a name) or a relative (`relative`, asked only then).
 */
export function holdsAnswer(
  text: string,
  type: AnswerType,
  isWord: (folded: string) => boolean = () => true,
  relative: () => boolean = () => false,
): boolean {
  if (type === 'person') return namesSomeone(text, isWord) || relative();
  if (type === 'spot')
    return [...text.matchAll(PLACE_THEN_WORD)].some((m) => /^\p{Ll}/u.test(m[1]!));
  const folded = normaliseText(text);
  if (type === 'place') return PLACE_WORDS.test(folded) || PLACE_WRITTEN.test(text);
  // Plurals too: "on Wednesdays", "les mercredis".
  return (
    TIME_PATTERN.test(folded) ||
    folded.split(' ').some((w) => CALENDAR.has(w) || CALENDAR.has(w.replace(/s$/, '')))
  );
}
