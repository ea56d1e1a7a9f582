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
  readonly state: number;
  readonly children: Map<string, TrieNode>;
  /** Sentences through this node. */
  count: number;
  /** Sentences ending here. */
  ends: number;
}

function newNode(state: number): TrieNode {
  return { state, children: new Map(), count: 0, ends: 0 };
}

/**
 * A pocketsphinx FSG accepting exactly `paths` (each a list of words). Shared prefixes share
 * states; transition probabilities give every sentence the same prior.
 */
export function buildFsg(paths: readonly (readonly string[])[], name = 'jarvis'): string {
  let states = 2; // 0 = start, 1 = final
  const root = newNode(0);
  for (const path of paths) {
    let node = root;
    node.count++;
    for (const word of path) {
      let child = node.children.get(word);
      if (!child) {
        child = newNode(states++);
        node.children.set(word, child);
      }
      child.count++;
      node = child;
    }
    node.ends++;
  }
  const transitions: string[] = [];
  const visit = (node: TrieNode) => {
    for (const [word, child] of node.children) {
      transitions.push(
        `TRANSITION ${node.state} ${child.state} ${prob(child.count / node.count)} ${word}`,
      );
      visit(child);
    }
    if (node.ends > 0)
      transitions.push(`TRANSITION ${node.state} 1 ${prob(node.ends / node.count)}`);
  };
  visit(root);
  return [
    `FSG_BEGIN ${name}`,
    `NUM_STATES ${states}`,
    'START_STATE 0',
    'FINAL_STATE 1',
    ...transitions,
    'FSG_END',
    '',
  ].join('\n');
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
