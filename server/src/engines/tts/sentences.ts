// Sentence splitting for speaking text while it is still being written (an LLM's stream): text
// deltas in, whole sentences out, each as soon as it is known to have ended. Pure.
//
// A sentence ends at . ! ? … (or a run of them, "?!", "..."), after any closing quotes or
// brackets (French puts a space before ! ? » and we accept it), when whitespace and then a
// character that does not continue the sentence follow. The splitter waits for that next
// character, so "Dr. Smith", "3.5", "a.m. today" and "« Tu viens ? » demanda-t-il" stay whole.
// It does not split on . after an abbreviation (Dr, M, Mme, St, e.g, U.S), a lone capital
// (an initial: "J. K. Rowling", "M. Dupont"), or a list number at the start ("1. Open").
// A line break ends a sentence too (LLMs write lists); colons and semicolons never do. A
// sentence that grows past `maxLength` is cut after its last comma, semicolon or colon.

export { speakStreaming, type SpeakStreamingOptions } from './speak-streaming.js';

const TERMINATORS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['»', '”', '"', "'", '’', ')', ']', '}']);
const OPENERS = /^[«“"'‘([{]+/;
const ABBREVIATIONS = new Set([
  // English
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'etc', 'approx', 'fig',
  'no', 'nos', 'vol', 'inc', 'ltd', 'co', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  // French
  'mme', 'mmes', 'mlle', 'mlles', 'mm', 'me', 'mgr', 'pr', 'cf', 'ex', 'env', 'av', 'bd',
  'boul', 'chap', 'p', 'pp', 'tél', 'tel', 'janv', 'févr', 'fév', 'avr', 'juil', 'déc',
]); // prettier-ignore

export interface SentenceSplitterOptions {
  /** Cut sentences longer than this at their last comma, semicolon or colon (default 300). */
  readonly maxLength?: number;
}

const isSpace = (ch: string) => /\s/.test(ch);
const isLowercase = (ch: string) => /\p{Ll}/u.test(ch);

/** Incremental splitter: `push` deltas, get the sentences that are complete; `flush` at the end. */
export class SentenceSplitter {
  private buffer = '';
  /** Where to resume scanning (everything before it holds no undecided boundary). */
  private scanned = 0;
  private readonly maxLength: number;

  constructor(options: SentenceSplitterOptions = {}) {
    this.maxLength = options.maxLength ?? 300;
  }

  /** Adds text; returns the sentences it completed. */
  push(delta: string): string[] {
    this.buffer += delta;
    const sentences: string[] = [];
    for (;;) {
      const end = this.findEnd();
      if (end === undefined) break;
      this.emit(end, sentences);
    }
    return sentences;
  }

  /** Returns what is left as a last sentence (if any) and resets. */
  flush(): string[] {
    const rest = this.buffer.trim();
    this.buffer = '';
    this.scanned = 0;
    return rest ? [rest] : [];
  }

  private emit(end: number, sentences: string[]): void {
    const sentence = this.buffer.slice(0, end).trim();
    if (sentence) sentences.push(sentence);
    this.buffer = this.buffer.slice(end).replace(/^\s+/, '');
    this.scanned = 0;
  }

  /** The end (exclusive) of the first complete sentence, or undefined while undecided. */
  private findEnd(): number | undefined {
    const text = this.buffer;
    for (let i = this.scanned; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\n' && text.slice(0, i).trim()) return i;
      if (!TERMINATORS.has(ch)) continue;
      const decision = this.decideAt(i);
      if (decision === 'wait') {
        this.scanned = i;
        return this.cutLongSentence();
      }
      if (decision !== 'no') return decision;
      while (i + 1 < text.length && TERMINATORS.has(text[i + 1]!)) i++;
    }
    this.scanned = text.length;
    return this.cutLongSentence();
  }

  /** At a terminator: the sentence's end, 'no' (not a boundary), or 'wait' for more text. */
  private decideAt(start: number): number | 'no' | 'wait' {
    const text = this.buffer;
    let run = start;
    while (run < text.length && TERMINATORS.has(text[run]!)) run++;
    let end = run;
    for (;;) {
      let next = end;
      while (next < text.length && isSpace(text[next]!)) next++;
      if (next === text.length) return 'wait';
      if (CLOSERS.has(text[next]!)) {
        end = next + 1;
        continue;
      }
      if (next === end) return 'no'; // "3.5", "a.m": no space after the terminator
      if (isLowercase(text[next]!)) return 'no';
      const single = run - start === 1 && text[start] === '.';
      return single && this.isAbbreviation(start) ? 'no' : end;
    }
  }

  /** Whether the word before the period at `dot` is an abbreviation, an initial or a list number. */
  private isAbbreviation(dot: number): boolean {
    const before = this.buffer.slice(0, dot);
    const word = (/(\S+)$/.exec(before)?.[1] ?? '').replace(OPENERS, '');
    if (!word) return false;
    if (word.includes('.')) return true; // e.g, i.e, U.S
    if (/^\p{Lu}$/u.test(word)) return true; // J. K. Rowling, M. Dupont
    if (/^\d+$/.test(word) && before.trim() === word) return true; // "1. Open the door"
    return ABBREVIATIONS.has(word.toLowerCase());
  }

  /** When the text has grown too long without an end, cut after its last , ; or : */
  private cutLongSentence(): number | undefined {
    if (this.buffer.length <= this.maxLength) return undefined;
    const head = this.buffer.slice(0, this.maxLength);
    const cut = Math.max(head.lastIndexOf(', '), head.lastIndexOf('; '), head.lastIndexOf(': '));
    return cut > 0 ? cut + 1 : undefined;
  }
}

/** Splits a whole text into sentences. */
export function splitSentences(text: string, options?: SentenceSplitterOptions): string[] {
  const splitter = new SentenceSplitter(options);
  return [...splitter.push(text), ...splitter.flush()];
}

/** Sentences from a stream of text deltas, each yielded as soon as it is complete. */
export async function* sentencesOf(
  deltas: AsyncIterable<string>,
  options?: SentenceSplitterOptions,
): AsyncGenerator<string> {
  const splitter = new SentenceSplitter(options);
  for await (const delta of deltas) yield* splitter.push(delta);
  yield* splitter.flush();
}
