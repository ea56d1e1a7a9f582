// What a memory is about, derived from its text with light English/French heuristics, so that a
// new statement about the same thing replaces the old one: "Felix is a black cat" and "Felix is
// actually grey" are both about `felix`; "I stopped smoking today" and "J'ai arrêté de fumer"
// are both `user: smoke`; "I like warm light in the evening" is `user: evening light`.
import { HOUSEHOLD_LEXICON, type Lexicon } from './lexicon.js';
import type { MemoryKind } from './memory.js';
import { isStopWord, normaliseText, stem } from './text-analysis.js';

export const FIRST_PERSON = new Set([
  'i',
  'im',
  'ive',
  'je',
  'moi',
  'my',
  'mon',
  'ma',
  'mes',
  'we',
  'nous',
]);
export const POSSESSIVES = new Set(['my', 'mon', 'ma', 'mes', 'our', 'notre', 'nos']);
export const COPULAS = new Set([
  'is',
  'are',
  'was',
  'were',
  'est',
  'sont',
  'etait',
  'etaient',
  'isn',
]);
// Verbs that end the noun phrase a statement is about (stems).
export const VERBS = new Set(
  (
    'like love hate prefer enjoy liv work has have eat sleep play need want go come take use own ' +
    'drink drive speak aim ador detest habit vit travaill mang dor jou prefer boi conduit parl ' +
    'possed ont veut va vien prend utilis stay rest leav'
  )
    .split(' ')
    .map(stem),
);
// Words that date an event rather than say what it is about.
export const WHEN_WORDS = new Set(
  (
    'today yesterday tomorrow tonight now just ago since already again still anymore week weeks ' +
    'month months year years last next aujourd hui hier demain maintenant deja encore ' +
    'depuis semaine semaines mois an annee dernier derniere prochain prochaine actually really ' +
    'finally enfin vraiment en fait monday tuesday wednesday thursday friday saturday sunday ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche morning matin pm am'
  ).split(' '),
);
/** What a statement with a copula is about when its predicate says so. */
const ASPECTS = ['birthday', 'allergy', 'age', 'job'];
export const NAME_VERBS =
  /\b(?:called|named|name is|appelle|nom est|prenom est)\s+(\p{L}[\p{L}-]*)/u;

/** Trims, lowercases, folds accents and collapses spaces (`user:` prefixes kept). */
export function normaliseSubject(subject: string): string {
  const user = /^\s*user\s*:/i.test(subject);
  const rest = normaliseText(subject.replace(/^\s*user\s*:/i, ''));
  return user ? `user: ${rest}` : rest;
}

export interface Token {
  /** Normalised, accents folded. */
  readonly word: string;
  readonly stem: string;
  /** Capitalised where it was written, and not the first word. */
  readonly name: boolean;
}

export function tokens(text: string, lexicon: Lexicon = HOUSEHOLD_LEXICON): Token[] {
  const raw = text
    .replace(/\bj['’]/gi, 'je ')
    .replace(/\bm['’]/gi, 'me ')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .flatMap((w) => w.split(/['’-]/))
    .filter(Boolean);
  return raw.flatMap((original, index) => {
    const word = normaliseText(original);
    if (word === '') return [];
    const capital = /^\p{Lu}/u.test(original) && original !== 'I';
    const name =
      capital &&
      (index > 0 || (!isStopWord(word) && lexicon.canonicalWords([stem(word)])[0] === stem(word)));
    return word.split(' ').map((w) => ({ word: w, stem: stem(w), name }));
  });
}

export const isBorn = (t: Token) => t.word === 'ne' || t.word === 'nee';
export const isValue = (t: Token, lexicon: Lexicon = HOUSEHOLD_LEXICON) =>
  /^\d/.test(t.word) ||
  lexicon.hasConcept(t.stem, 'colour') ||
  lexicon.hasConcept(t.stem, 'temperature') ||
  WHEN_WORDS.has(t.word);
export const isContent = (t: Token) =>
  !isStopWord(t.word) && !FIRST_PERSON.has(t.word) && !POSSESSIVES.has(t.word);

/** Names first ("anna"), then the other content words in canonical form, sorted. */
export function phrase(
  list: readonly Token[],
  max = 3,
  lexicon: Lexicon = HOUSEHOLD_LEXICON,
): string {
  const { canonicalWords, hasConcept } = lexicon;
  const names = list.filter((t) => t.name).map((t) => t.word);
  const content = list.filter(
    (t) =>
      !t.name &&
      isContent(t) &&
      !WHEN_WORDS.has(t.word) &&
      // "my sister Anna" is about Anna.
      !(names.length > 0 && (hasConcept(t.stem, 'family') || hasConcept(t.stem, 'people'))),
  );
  const rest = [...new Set(canonicalWords(content.slice(0, max).map((t) => t.stem)))].sort();
  return [...names, ...rest].join(' ');
}

/** Guesses the kind of a statement when none is given. */
export function inferKind(text: string, lexicon: Lexicon = HOUSEHOLD_LEXICON): MemoryKind {
  const { hasConcept } = lexicon;
  const list = tokens(text, lexicon);
  const first = list.find((t) => !isStopWord(t.word))?.word ?? '';
  if (/^(?:remind|rappelle|rappel|reminder|n oublie|dont forget)/.test(normaliseText(text))) {
    return 'reminder';
  }
  const firstPerson = list.some((t) => FIRST_PERSON.has(t.word) && !POSSESSIVES.has(t.word));
  if (firstPerson && list.some((t) => hasConcept(t.stem, 'preference'))) return 'preference';
  if (firstPerson && list.some((t) => hasConcept(t.stem, 'change') || WHEN_WORDS.has(t.word))) {
    return 'episode';
  }
  if (hasConcept(stem(first), 'room') || /^[^:]{1,30}:/.test(text.trim())) return 'house';
  return 'fact';
}

function aboutUser(list: readonly Token[], lexicon: Lexicon): string {
  const { canonicalWords, hasConcept } = lexicon;
  const content = list.filter(
    (t) =>
      isContent(t) &&
      !isValue(t, lexicon) &&
      !hasConcept(t.stem, 'preference') &&
      !hasConcept(t.stem, 'change'),
  );
  const words = [...new Set(canonicalWords(content.slice(0, 3).map((t) => t.stem)))].sort();
  return `user: ${words.join(' ')}`.trim();
}

export function reminderSubject(
  list: readonly Token[],
  lexicon: Lexicon = HOUSEHOLD_LEXICON,
): string {
  const start = list.findIndex((t) => /^(?:remind|rappel)/.test(t.word));
  const rest = list
    .slice(start + 1)
    .filter((t) => isContent(t) && !isValue(t, lexicon) && t.word !== 'h');
  return lexicon.canonicalWords(rest.slice(0, 3).map((t) => t.stem)).join(' ');
}

export const HAVE = new Set(['has', 'have', 'had', 'ont', 'possede']);

/** "is 3 years old", "is three", "a 3 ans": an age, its own aspect. */
export const isAge = (predicate: readonly Token[]) =>
  predicate.some((t, i) => t.word === 'old' && /^years?$/.test(predicate[i - 1]?.word ?? '')) ||
  predicate.some((t) => t.word === 'ans');

/** The noun phrase before the first verb, plus the verb when it is not a copula. */
function statementSubject(list: readonly Token[], kind: MemoryKind, lexicon: Lexicon): string {
  const start = list.findIndex((t) => !isStopWord(t.word) || POSSESSIVES.has(t.word));
  const body = list.slice(Math.max(0, start));
  const verbAt = body.findIndex((t, i) => i > 0 && (COPULAS.has(t.word) || VERBS.has(t.stem)));
  if (verbAt < 0 || verbAt > 5) return phrase(body, 2, lexicon);
  const head = phrase(body.slice(0, verbAt), 3, lexicon);
  const verb = body[verbAt]!;
  if (head === '') return head;
  // "The living room has three lamps" is what the living room is like.
  if (kind === 'house' && HAVE.has(verb.word)) return head;
  if (COPULAS.has(verb.word)) {
    // "Anna was born in May", "Anna is allergic to nuts": about her birthday, her allergy.
    const predicate = body.slice(verbAt + 1);
    const next = predicate.find((t) => isContent(t) || isBorn(t));
    const aspect = isAge(predicate)
      ? 'age'
      : next && (isBorn(next) ? 'birthday' : ASPECTS.find((a) => lexicon.hasConcept(next.stem, a)));
    return aspect ? `${head} ${aspect}` : head;
  }
  return `${head} ${lexicon.canonicalWords([verb.stem])[0]}`;
}

/** A stable subject for a statement (see the file comment for examples). */
export function deriveSubject(
  text: string,
  kind: MemoryKind,
  lexicon: Lexicon = HOUSEHOLD_LEXICON,
): string {
  const named = NAME_VERBS.exec(
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  );
  // "Mon chat s'appelle Felix": Felix's name, not everything about Felix ("Felix is a black cat").
  if (named) return `${normaliseText(named[1]!)} name`;
  const list = tokens(text, lexicon);
  const colon = /^([^:]{1,30}):/.exec(text.trim());
  let subject: string;
  if (kind === 'reminder') subject = reminderSubject(list, lexicon);
  else if (colon) subject = phrase(tokens(colon[1]!, lexicon), 3, lexicon);
  else if (list.some((t) => FIRST_PERSON.has(t.word) && !POSSESSIVES.has(t.word))) {
    subject = aboutUser(list, lexicon);
  } else subject = statementSubject(list, kind, lexicon);
  if (subject === '' || subject === 'user:') {
    subject = lexicon
      .canonicalWords(
        list
          .filter(isContent)
          .slice(0, 3)
          .map((t) => t.stem),
      )
      .join(' ');
  }
  return subject;
}

const ABOUT =
  /^.*?\b(?:about|regarding|concerning|sur|de|du|des|d)\s+(?=\S)|^\s*(?:tell me|parle[sz]?[- ]moi)\s+/i;

/**
 * The thing a question about everything known names, as memories store it: "what did I tell you
 * about Felix" -> `felix`, "que sais-tu sur le mot de passe du wifi" -> `password wifi`.
 */
export function aboutWhat(question: string): string {
  const rest = question.replace(/[?!.]+\s*$/, '').replace(ABOUT, '');
  const list = tokens(` ${rest}`);
  const names = list.filter((t) => t.name);
  if (names.length > 0) return names.map((t) => t.word).join(' ');
  const content = list.filter(isContent);
  return content.length === 1 ? content[0]!.word : phrase(list);
}
