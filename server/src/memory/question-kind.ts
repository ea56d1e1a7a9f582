// What a question asks for, from how it is asked rather than what it is about: a question told
// in the past ("did we…", "have I ever…", "when did…", a French passé composé: "ai-je réussi",
// "sont-ils venus") asks for an episode; one with a word of liking ("what do I like", "quelle
// couleur je préfère") for a preference, as `inferKind` reads a statement, and so does one
// asking what the user does or may do now ("can I have cheese?", "what do I listen to…", "je
// me baigne à quelle température ?"); one of what must be done ("do I need to…", "when is… due",
// "faut-il…", "dois-je…") for a reminder. A question in the first person that names nobody else
// is about the user, and reminders are the user's own. Recall favours memories of those kinds and
// the user's own memories (weights `kind` and `user`).
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
// "est", "sont" with a participle in a question of where: a state ("où sont rangés…").
const PASSIVE = new Set(['est', 'sont']);
// Participles of the verbs conjugated with "être" (as written, lower case, without the
// agreement): "où est allée Anna ?", "où est né Lucas ?" tell of an event even when asked where.
// Not "passé": "où est passée l'échelle ?" asks where it is now.
const WITH_ETRE = new Set(
  (
    'allé parti venu revenu devenu né arrivé resté monté descendu sorti entré rentré tombé ' +
    'retourné mort décédé'
  ).split(' '),
);
// Subject pronouns that may stand between the auxiliary and the participle: "est-elle allée".
const SUBJECT = new Set('je tu t il elle on nous vous ils elles'.split(' '));
const FRENCH_PAST = new Set(['deja', 'encore', 'toujours', 'jamais']);
// A French past participle as written: "allé", "venus", "pris", "offert", "perdu".
const PARTICIPLE = /(?:é|ée|és|ées|is|it|u|us|ue|ert|erte)$/u;
const FIRST = new Set([...FIRST_PERSON, 'me', 'us', 'our', 'ours', 'notre', 'nos', 'moi']);
// Words of what must be done (folded): "need", "must", "due", "faut", "dois", "prévu".
const OBLIGATION = new Set(
  (
    'need needs must due meant supposed faut dois doit devons devez doivent devrais devrait ' +
    'devrions prevu prevue prevus'
  ).split(' '),
);
const HAVE_TO = new Set(['have', 'has', 'got']);
// "When should I…" asks what must be done; "where do I…" asks about the house.
const WHEN = new Set(['when', 'quand']);
// "où" as written: folded, it is "ou" (or).
const WHERE = /\bwhere\b|où/iu;
// "do I…", "can I…", "would I…": the user asked about now; "you… me" what the user wants.
const PRESENT_AUXILIARIES = new Set(['do', 'can', 'could', 'should', 'would', 'may', 'shall']);
const FRENCH_SELF = new Set(['je', 'me', 'moi']);

/** Whether a question is asked in a past tense. */
export function askedInPast(question: string): boolean {
  const words = normaliseText(question).split(' ');
  if (words.some((w) => PAST.has(w) || FRENCH_PAST.has(w))) return true;
  if (words.some((w, i) => HAVE.has(w) && PRONOUNS.has(words[i + 1] ?? ''))) return true;
  if (!looksFrench(words)) return false;
  // The written tokens: an auxiliary, then a participle (not a name) within the next three words.
  const written = question.split(/[^\p{L}]+/u).filter(Boolean);
  // "Où sont rangés les passeports ?", "où est passée l'échelle ?": where a thing is, not an event.
  const state = WHERE.test(question) ? PASSIVE : new Set<string>();
  return written.some((w, i) => {
    const auxiliary = normaliseText(w);
    if (!AUXILIARIES.has(auxiliary)) return false;
    if (withEtre(written, i + 1)) return true;
    return (
      !state.has(auxiliary) &&
      written
        .slice(i + 1, i + 4)
        .some((p) => p.length > 3 && /^\p{Ll}/u.test(p) && PARTICIPLE.test(p))
    );
  });
}

/** Whether the words from `from` on, past subject pronouns, open with a participle of "être". */
function withEtre(written: readonly string[], from: number): boolean {
  let i = from;
  while (i < written.length && SUBJECT.has(written[i]!.toLowerCase())) i += 1;
  // Without the agreement: "allées" is "allé", "partie" "parti", "mortes" "mort".
  const word = written[i]?.normalize('NFC').toLowerCase().replace(/e?s?$/u, '') ?? '';
  return WITH_ETRE.has(word);
}

/** Whether a question asks what must be done: "do I need to…", "faut-il…", "when should I…". */
export function askedAsDuty(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      OBLIGATION.has(w) ||
      (HAVE_TO.has(w) && words[i + 1] === 'to') ||
      (w === 'should' && WHEN.has(words[i - 1] ?? '')),
  );
}

/**
 * Whether a question asks what the user does, likes or may do now: "what do I listen to…",
 * "can I have…", "how should you address me", "je me baigne à quelle température ?" (not where
 * something is, not a duty, not the past).
 */
function askedAboutHabit(question: string, words: readonly string[]): boolean {
  if (WHERE.test(question)) return false;
  if (looksFrench(words)) return words.some((w) => FRENCH_SELF.has(w));
  return words.some(
    (w, i) =>
      PRESENT_AUXILIARIES.has(w) &&
      (words[i + 1] === 'i' || (words[i + 1] === 'you' && words.includes('me'))),
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
  const words = normaliseText(question).split(' ');
  const past = askedInPast(question);
  const duty = !past && askedAsDuty(words);
  if (past) kinds.add('episode');
  if (duty) kinds.add('reminder');
  const told = inferKind(question, lexicon);
  // "Which subscription do I have to stop?": a word of change in a duty is no episode.
  if (told === 'preference' || (told === 'episode' && !duty)) kinds.add(told);
  const aboutUser =
    words.some((w) => FIRST.has(w)) && relatives.length === 0 && !namesSomeone(question);
  // "What should I cook when Lucas comes?" is about Lucas's tastes, not the user's habits.
  if (aboutUser && !past && !duty && askedAboutHabit(question, words)) kinds.add('preference');
  return { kinds: [...kinds], aboutUser };
}
