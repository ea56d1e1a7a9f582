// The phrase engine's grammar: the sentences as a pocketsphinx finite-state grammar (a prefix
// tree, every sentence equally likely) and the matching pronunciation dictionary. Pure.
import type { Pronunciations } from './lexicon.js';
import { normalizeSentence } from './phrase-text.js';

export interface DroppedSentence {
  readonly sentence: string;
  /** Its words that have no pronunciation. */
  readonly unknownWords: readonly string[];
}

export interface PhraseGrammar {
  /** Spoken form -> the sentence as it was given (the first one, when several read the same). */
  readonly sentences: ReadonlyMap<string, string>;
  readonly dropped: readonly DroppedSentence[];
  /** Pocketsphinx FSG text; empty when no sentence is left. */
  readonly fsg: string;
  /** Pocketsphinx dictionary text with the words of `fsg`. */
  readonly dictionary: string;
}

/** The distinct words of the sentences' spoken forms. */
export function wordsOf(sentences: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const sentence of sentences) {
    for (const word of normalizeSentence(sentence).split(' ')) if (word) words.add(word);
  }
  return words;
}

/** The distinct words of spoken sentences, sorted. */
export function grammarWords(spoken: Iterable<string>): string[] {
  return [...new Set([...spoken].flatMap((sentence) => sentence.split(' ')))].sort();
}

/** Builds the grammar from sentences and pronunciations; sentences with unknown words are dropped. */
export function buildPhraseGrammar(
  sentences: readonly string[],
  pronunciations: Pronunciations,
): PhraseGrammar {
  const kept = new Map<string, string>();
  const dropped: DroppedSentence[] = [];
  for (const sentence of sentences) {
    const spoken = normalizeSentence(sentence);
    if (!spoken) continue;
    const unknownWords = spoken.split(' ').filter((word) => !pronunciations.has(word));
    if (unknownWords.length > 0) dropped.push({ sentence, unknownWords });
    else if (!kept.has(spoken)) kept.set(spoken, sentence);
  }
  const paths = [...kept.keys()].map((spoken) => spoken.split(' '));
  const words = new Set(paths.flat());
  return {
    sentences: kept,
    dropped,
    fsg: paths.length > 0 ? buildFsg(paths) : '',
    dictionary: buildDictionary([...words].sort(), pronunciations),
  };
}

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** Sentences ending here. */
  ends: number;
}

function newNode(_state: number): TrieNode {
  return { children: new Map(), ends: 0 };
}

/**
 * A pocketsphinx FSG accepting exactly `paths` (each a list of words), as a minimal acyclic
 * automaton: shared prefixes share states (a trie), and so do shared endings ("... the kitchen
 * light" after every verb), which keeps the search small in a large home. Every choice at a
 * state is equally likely.
 */
export function buildFsg(paths: readonly (readonly string[])[], name = 'jarvis'): string {
  const root = newNode(0);
  for (const path of paths) {
    let node = root;
    for (const word of path) {
      let child = node.children.get(word);
      if (!child) {
        child = newNode(-1);
        node.children.set(word, child);
      }
      node = child;
    }
    node.ends++;
  }
  // Merge nodes whose futures are identical, from the leaves up: one state per signature. A
  // state's number of completions is the same for every node merged into it, so the
  // probabilities below still give every sentence the same prior.
  const states = new Map<string, { state: number; completions: number }>();
  const transitions: string[] = [];
  let next = 2; // 0 = start, 1 = final
  const stateOf = (node: TrieNode, isRoot = false): { state: number; completions: number } => {
    const edges = [...node.children].map(([word, child]) => [word, stateOf(child)] as const);
    edges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1].state - b[1].state));
    const signature = `${node.ends > 0 ? '$' : ''}${edges.map(([w, c]) => `${w}>${c.state}`).join(' ')}`;
    const known = isRoot ? undefined : states.get(signature);
    if (known) return known;
    const ends = node.ends > 0 ? 1 : 0;
    const completions = ends + edges.reduce((sum, [, child]) => sum + child.completions, 0);
    const entry = { state: isRoot ? 0 : next++, completions };
    if (!isRoot) states.set(signature, entry);
    for (const [word, child] of edges) {
      transitions.push(
        `TRANSITION ${entry.state} ${child.state} ${prob(child.completions / completions)} ${word}`,
      );
    }
    if (ends) transitions.push(`TRANSITION ${entry.state} 1 ${prob(1 / completions)}`);
    return entry;
  };
  stateOf(root, true);
  return fsgText(name, next, transitions);
}

/** An FSG's text: `states` states, 0 the start and 1 the final one, and its transition lines. */
export function fsgText(name: string, states: number, transitions: readonly string[]): string {
  const head = [`FSG_BEGIN ${name}`, `NUM_STATES ${states}`, 'START_STATE 0', 'FINAL_STATE 1'];
  return [...head, ...transitions, 'FSG_END', ''].join('\n');
}

function prob(p: number): string {
  return p.toPrecision(6);
}

/** Dictionary lines for `words`: `word PH ...`, then `word(2) PH ...` for alternatives. */
export function buildDictionary(words: readonly string[], pronunciations: Pronunciations): string {
  const lines: string[] = [];
  for (const word of words) {
    (pronunciations.get(word) ?? []).forEach((phones, i) => {
      lines.push(i === 0 ? `${word} ${phones}` : `${word}(${i + 1}) ${phones}`);
    });
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The ARPAbet phones of the en-us acoustic model, for the phone-loop grammar. */
export const ARPABET_PHONES = [
  'AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'B', 'CH', 'D', 'DH', 'EH', 'ER', 'EY', 'F', 'G', 'HH',
  'IH', 'IY', 'JH', 'K', 'L', 'M', 'N', 'NG', 'OW', 'OY', 'P', 'R', 'S', 'SH', 'T', 'TH', 'UH',
  'UW', 'V', 'W', 'Y', 'Z', 'ZH',
] as const; // prettier-ignore

/**
 * A free phone loop: any sequence of phones, each a one-phone "word" (`+aa+`). Decoding the same
 * audio with it gives the best acoustic score speech can get without the grammar's constraint.
 */
export function buildPhoneLoop(): { fsg: string; dictionary: string } {
  const each = prob(1 / ARPABET_PHONES.length);
  const transitions = ARPABET_PHONES.map((phone) => `TRANSITION 0 0 ${each} ${loopWord(phone)}`);
  const fsg = ['FSG_BEGIN phone_loop', 'NUM_STATES 2', 'START_STATE 0', 'FINAL_STATE 1']
    .concat(transitions, ['TRANSITION 0 1 0.1', 'FSG_END', ''])
    .join('\n');
  const dictionary = ARPABET_PHONES.map((phone) => `${loopWord(phone)} ${phone}\n`).join('');
  return { fsg, dictionary };
}

function loopWord(phone: string): string {
  return `+${phone.toLowerCase()}+`;
}

/**
 * Any sequence of the grammar's words, each equally likely: what the audio is closest to with the
 * same words and pronunciations but no sentence. A sentence that is heard fits about as well as
 * this loop; speech that is no sentence fits it better.
 */
export function buildWordLoop(words: readonly string[], name = 'word_loop'): string {
  const each = prob(1 / Math.max(words.length, 1));
  const transitions = words.map((word) => `TRANSITION 0 0 ${each} ${word}`);
  return [`FSG_BEGIN ${name}`, 'NUM_STATES 2', 'START_STATE 0', 'FINAL_STATE 1']
    .concat(transitions, ['TRANSITION 0 1 0.1', 'FSG_END', ''])
    .join('\n');
}
