// What a question asks for, from how it is asked rather than what it is about: a question told
// in the past ("did we…", "have I ever…", "when did…", a French passé composé: "ai-je réussi",
// "sont-ils venus") asks for an episode; one with a word of liking ("what do I like", "quelle
// couleur je préfère") for a preference, as `inferKind` reads a statement; a question in the
// first person that names nobody else ("can I have cheese?") is about the user. Recall favours
// memories of those kinds and the user's own memories (weights `kind` and `user`).
import type { Lexicon } from './lexicon.js';
import type { MemoryKind } from './memory.js';
import { FIRST_PERSON, inferKind } from './subjects.js';
import { normaliseText } from './text-analysis.js';
import { looksFrench } from './wordnet-lexicon.js';

export interface QuestionProfile {
  /** The kinds of memory the way of asking points at (none: no preference). */
  readonly kinds: readonly MemoryKind[];
  /** Asked in the first person, naming nobody else. */
  readonly aboutUser: boolean;
}

// English auxiliaries and adverbs of a question about the past ("did", "ever", "yet").
const PAST = new Set(['did', 'didn', 'ever', 'yet', 'happened', 'ago', 'still', 'anymore']);
const HAVE = new Set(['have', 'has', 'haven', 'hasn']);
const PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they']);
// French auxiliaries of the passé composé and the adverbs that go with it (folded).
const AUXILIARIES = new Set(
  'ai as a avons avez ont suis es est sommes etes sont'.split(' ').concat(['t']),
);
const FRENCH_PAST = new Set(['deja', 'encore', 'toujours', 'jamais']);
// A French past participle as written: "allé", "venus", "pris", "offert", "perdu".
const PARTICIPLE = /(?:é|ée|és|ées|is|it|u|us|ue|ert|erte)$/u;
const FIRST = new Set([...FIRST_PERSON, 'me', 'us', 'our', 'ours', 'notre', 'nos', 'moi']);

/** Whether a question is asked in a past tense. */
export function askedInPast(question: string): boolean {
  const words = normaliseText(question).split(' ');
  if (words.some((w) => PAST.has(w) || FRENCH_PAST.has(w))) return true;
  if (words.some((w, i) => HAVE.has(w) && PRONOUNS.has(words[i + 1] ?? ''))) return true;
  if (!looksFrench(words)) return false;
  // The written tokens: an auxiliary, then a participle (not a name) within the next three words.
  const written = question.split(/[^\p{L}]+/u).filter(Boolean);
  return written.some(
    (w, i) =>
      AUXILIARIES.has(normaliseText(w)) &&
      written
        .slice(i + 1, i + 4)
        .some((p) => p.length > 3 && /^\p{Ll}/u.test(p) && PARTICIPLE.test(p)),
  );
}

/** Capitalised words inside the question: names of people, pets, things. */
function namesSomeone(question: string): boolean {
  const tokens = question.split(/\s+/);
  return tokens.some((t, i) => i > 0 && /^\p{Lu}\p{Ll}/u.test(t));
}

/** How a question is asked: the kinds of memory it points at, whether it is about the user. */
export function profileQuestion(
  question: string,
  lexicon: Lexicon,
  relatives: readonly string[] = [],
): QuestionProfile {
  const kinds = new Set<MemoryKind>();
  if (askedInPast(question)) kinds.add('episode');
  const told = inferKind(question, lexicon);
  if (told === 'preference' || told === 'episode') kinds.add(told);
  const words = normaliseText(question).split(' ');
  const aboutUser =
    words.some((w) => FIRST.has(w)) && relatives.length === 0 && !namesSomeone(question);
  return { kinds: [...kinds], aboutUser };
}
