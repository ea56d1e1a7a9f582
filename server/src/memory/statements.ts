// What a statement says: the thing it is about (`felix`, `user`, `password wifi`) and the facets
// it gives a value to: "Felix is a black cat" gives Felix's colour (black) and says he is a cat;
// "Felix is at the vet" gives his whereabouts; "Hugo is allergic to nuts" adds an allergy (to
// nuts). A later statement updates an older one only where both give the same facet of the same
// thing (`revisions.ts`); everything else is kept side by side. Light English/French heuristics:
// when in doubt a facet is specific (its topic is every content word), so the failure is a
// missed update, never a lost fact.
import { canonicalWords, conceptsOf, hasConcept } from './lexicon.js';
import type { MemoryKind } from './memory.js';
import {
  COPULAS,
  FIRST_PERSON,
  HAVE,
  NAME_VERBS,
  POSSESSIVES,
  type Token,
  VERBS,
  isAge,
  isBorn,
  isContent,
  isValue,
  normaliseSubject,
  phrase,
  reminderSubject,
  tokens,
} from './subjects.js';
import { isStopWord, normaliseText } from './text-analysis.js';

export interface Facet {
  /** `colour`, `location`, `live`, `job`, `birthday`, `age`, `allergy`, `like`, `is`, `has`... */
  readonly attribute: string;
  /** Which one of a many-valued attribute (`nut` for an allergy); '' when it has one value. */
  readonly topic: string;
  /** The value it is given (`grey`, `vet`, `not`), '' when the topic says it all. */
  readonly value: string;
  /** When a later statement gave this facet another value (the memory still holds the rest). */
  readonly replacedAt?: number;
  /** The statement that replaced it. */
  readonly replacedBy?: string;
}

export interface Statement {
  readonly thing: string;
  readonly facets: readonly Facet[];
}

/** Attributes that hold one value at a time: a new value replaces the old one. */
const SINGLE = new Set([
  'colour',
  'location',
  'live',
  'job',
  'employer',
  'birthday',
  'age',
  'value',
]);
const LOCATION_WORDS = new Set(
  (
    'at in on under behind inside outside near next beside above below by au aux chez dans sur ' +
    'sous derriere devant pres cote entre'
  ).split(' '),
);
const NEGATIONS = new Set(
  'not no never pas jamais plus longer don doesn didn isn aren wasn won cant'.split(' '),
);
const FRENCH_ARTICLES = new Set(['la', 'le', 'l', 'les']);

/** "at the vet", "chez le vétérinaire", "à la maison" (French "à" folds to "a", English's article). */
function isPlace(list: readonly Token[], at: number): boolean {
  const t = list[at];
  if (!t) return false;
  if (t.word === 'a') return FRENCH_ARTICLES.has(list[at + 1]?.word ?? '') || !!list[at + 1]?.name;
  return LOCATION_WORDS.has(t.word);
}

/** The canonical, sorted content words of tokens, values left out. */
function topicOf(list: readonly Token[]): string {
  const content = list.filter(
    (t) => isContent(t) && !isValue(t) && !NEGATIONS.has(t.word) && t.word.length > 1,
  );
  return [...new Set(canonicalWords(content.map((t) => t.stem)))].sort().join(' ');
}

/** The values among tokens (numbers, colours, temperatures, times) plus a negation, canonical. */
function valueOf(list: readonly Token[]): string {
  const values = canonicalWords(list.filter((t) => isValue(t)).map((t) => t.stem));
  if (list.some((t) => NEGATIONS.has(t.word))) values.push('not');
  return [...new Set(values)].join(' ');
}

/** Everything content in the tokens, values included, canonical and in order. */
function wholeValue(list: readonly Token[]): string {
  return canonicalWords(list.filter((t) => isContent(t) || isValue(t)).map((t) => t.stem)).join(
    ' ',
  );
}

function facet(attribute: string, topic: string, value: string): Facet {
  if (SINGLE.has(attribute)) return { attribute, topic: '', value: value || topic };
  // "J'aime le thé vert" (thé is a stop word): a topic-less many-valued facet is its value.
  return topic === '' ? { attribute, topic: value, value: '' } : { attribute, topic, value };
}

/** Facets of what follows "is": born, age, a place, an allergy, colours, what it is. */
function predicateFacets(predicate: readonly Token[]): Facet[] {
  const at = predicate.findIndex((t, i) => isContent(t) || isBorn(t) || isPlace(predicate, i));
  const first = predicate[at];
  if (first && (isBorn(first) || hasConcept(first.stem, 'birthday'))) {
    return [facet('birthday', '', wholeValue(predicate))];
  }
  if (isAge(predicate)) return [facet('age', '', wholeValue(predicate))];
  if (first && isPlace(predicate, at)) return [facet('location', '', wholeValue(predicate))];
  const allergy = predicate.findIndex((t) => hasConcept(t.stem, 'allergy'));
  if (allergy >= 0) {
    return [facet('allergy', topicOf(predicate.slice(allergy + 1)), valueOf(predicate))];
  }
  const out: Facet[] = [];
  const colours = predicate.filter((t) => conceptsOf(t.stem).categories.includes('colour'));
  if (colours.length > 0)
    out.push(facet('colour', '', canonicalWords(colours.map((t) => t.stem)).join(' ')));
  const rest = predicate.filter((t) => !colours.includes(t));
  const topic = topicOf(rest);
  if (topic !== '') out.push(facet('is', topic, valueOf(rest)));
  else if (out.length === 0 && valueOf(rest) !== '') out.push(facet('value', '', valueOf(rest)));
  return out;
}

/** Facets of a verb and what follows it ("likes warm places", "works as a nurse"). */
function verbFacets(verb: Token, rest: readonly Token[], negated: boolean): Facet[] {
  if (hasConcept(verb.stem, 'live')) return [facet('live', '', wholeValue(rest))];
  if (hasConcept(verb.stem, 'job')) {
    const as = rest[0]?.word;
    if (as === 'as' || as === 'comme') return [facet('job', '', wholeValue(rest))];
    if (as && LOCATION_WORDS.has(as)) return [facet('employer', '', wholeValue(rest))];
  }
  const attribute = hasConcept(verb.stem, 'dislike')
    ? 'dislike'
    : hasConcept(verb.stem, 'like')
      ? 'like'
      : hasConcept(verb.stem, 'change')
        ? 'habit'
        : HAVE.has(verb.word)
          ? 'has'
          : (canonicalWords([verb.stem])[0] ?? verb.stem);
  const value = attribute === 'habit' ? canonicalWords([verb.stem])[0]! : '';
  const values = [value, valueOf(rest), negated ? 'not' : ''].filter(Boolean);
  return [facet(attribute, topicOf(rest), [...new Set(values)].join(' '))];
}

/** "living room": a two-word name the lexicon knows, not the verb "live". */
const startsPair = (list: readonly Token[], i: number) => {
  const next = list[i + 1]?.stem;
  return (
    next !== undefined &&
    conceptsOf(list[i]!.stem, next).synonyms.length > conceptsOf(list[i]!.stem).synonyms.length
  );
};

const isVerb = (t: Token, i: number, list: readonly Token[]) =>
  !startsPair(list, i) &&
  (COPULAS.has(t.word) ||
    VERBS.has(t.stem) ||
    HAVE.has(t.word) ||
    hasConcept(t.stem, 'like') ||
    hasConcept(t.stem, 'dislike') ||
    hasConcept(t.stem, 'change') ||
    hasConcept(t.stem, 'live'));

/** "I stopped smoking", "Le soir je préfère une lumière chaude": about the user. */
function userStatement(list: readonly Token[]): Statement {
  const body = list.filter((t) => !FIRST_PERSON.has(t.word) || POSSESSIVES.has(t.word));
  const verbAt = body.findIndex((t, i) => isVerb(t, i, body) && !COPULAS.has(t.word));
  if (verbAt >= 0) {
    const rest = [...body.slice(0, verbAt), ...body.slice(verbAt + 1)];
    return { thing: 'user', facets: verbFacets(body[verbAt]!, rest, isNegated(list)) };
  }
  const copula = body.findIndex((t) => COPULAS.has(t.word) || t.word === 'm' || t.word === 'suis');
  return { thing: 'user', facets: predicateFacets(body.slice(copula + 1)) };
}

/** "Felix is ...", "Claire's birthday is ...", "The spare key is ...": a thing and its facets. */
function thingStatement(list: readonly Token[], hint: string | undefined): Statement {
  const start = list.findIndex((t) => !isStopWord(t.word) || POSSESSIVES.has(t.word));
  const body = list.slice(Math.max(0, start));
  const verbAt = body.findIndex(isVerb);
  if (verbAt < 0 || verbAt > 6) {
    const thing = hint ?? phrase(body, 2);
    return { thing, facets: [facet('note', topicOf(body), valueOf(body))] };
  }
  const head = body.slice(0, verbAt);
  const names = head.filter((t) => t.name);
  // "He likes fish" (said about Felix): the subject given names the thing.
  const thing = names.length > 0 ? names.map((t) => t.word).join(' ') : phrase(head) || hint;
  const verb = body[verbAt]!;
  const rest = body.slice(verbAt + 1);
  // "Claire's birthday is ...", "La couleur de Felix est grise": the head names the facet.
  const aspect = names.length > 0 ? topicOf(head.filter((t) => !t.name && !isFamily(t))) : '';
  let facets: Facet[];
  if (aspect !== '' && COPULAS.has(verb.word)) {
    facets = [{ attribute: aspect, topic: '', value: wholeValue(rest) }];
  } else if (COPULAS.has(verb.word)) facets = predicateFacets(rest);
  else facets = verbFacets(verb, rest, isNegated(list));
  return { thing: thing ?? '', facets };
}

const isNegated = (list: readonly Token[]) => list.some((t) => NEGATIONS.has(t.word));
const isFamily = (t: Token) => hasConcept(t.stem, 'family') || hasConcept(t.stem, 'people');

/** The thing a statement is about and the facets it gives (see the file comment). */
export function analyseStatement(text: string, kind: MemoryKind, subject?: string): Statement {
  const hint = subject ? normaliseSubject(subject) : undefined;
  const list = tokens(text);
  let statement: Statement;
  const named = NAME_VERBS.exec(normaliseText(text).replace(/\s+/g, ' '));
  const colon = /^([^:]{1,30}):(.*)$/s.exec(text.trim());
  if (kind === 'reminder') {
    statement = {
      thing: 'reminder',
      facets: [facet('when', reminderSubject(list), valueOf(list))],
    };
  } else if (named) {
    // "We have a black cat called Felix", "Mon chat s'appelle Felix": about Felix.
    const name = normaliseText(named[1]!);
    const others = list.filter(
      (t) => t.word !== name && !/^(?:called|named|appelle|name|nom|prenom)$/.test(t.word),
    );
    statement = { thing: name, facets: predicateFacets(others.filter((t) => !HAVE.has(t.word))) };
  } else if (colon) {
    statement = {
      thing: phrase(tokens(colon[1]!)),
      facets: [facet('note', topicOf(tokens(colon[2]!)), valueOf(tokens(colon[2]!)))],
    };
  } else if (list.some((t) => FIRST_PERSON.has(t.word) && !POSSESSIVES.has(t.word))) {
    statement = userStatement(list);
  } else statement = thingStatement(list, hint);
  const facets =
    statement.facets.length > 0 ? statement.facets : [facet('note', topicOf(list), valueOf(list))];
  return { thing: statement.thing || hint || topicOf(list), facets };
}

/** The key two facets share when one can update the other. */
export const facetKey = (f: Facet) => `${f.attribute}|${f.topic}`;
