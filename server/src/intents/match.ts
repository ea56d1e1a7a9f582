// Matches a parsed template against tokens, backtracking: every alternative and every span a
// slot accepts is tried until the whole sentence is used. Sentences are short, so this is cheap.
import type { Token } from './normalize.js';
import type { Sequence } from './template.js';

export interface SlotSpan<V> {
  readonly end: number;
  readonly value: V;
}

/** The spans a slot accepts from `start`, longest first. */
export type SlotMatcher<V> = (
  slot: string,
  tokens: readonly Token[],
  start: number,
) => Iterable<SlotSpan<V>>;

export type Captures<V> = Readonly<Record<string, V>>;

type Done<V> = (pos: number, captures: Captures<V>) => Captures<V> | undefined;

export function matchTemplate<V>(
  sequence: Sequence,
  tokens: readonly Token[],
  slots: SlotMatcher<V>,
): Captures<V> | undefined {
  const walk = (
    seq: Sequence,
    i: number,
    pos: number,
    caps: Captures<V>,
    done: Done<V>,
  ): Captures<V> | undefined => {
    const node = seq[i];
    if (!node) return done(pos, caps);
    const next: Done<V> = (p, c) => walk(seq, i + 1, p, c, done);
    if (node.kind === 'word') {
      for (let k = 0; k < node.tokens.length; k++) {
        if (tokens[pos + k]?.norm !== node.tokens[k]) return undefined;
      }
      return next(pos + node.tokens.length, caps);
    }
    if (node.kind === 'alt') {
      for (const option of node.options) {
        const found = walk(option, 0, pos, caps, next);
        if (found) return found;
      }
      return node.optional ? next(pos, caps) : undefined;
    }
    for (const span of slots(node.name, tokens, pos)) {
      const found = next(span.end, { ...caps, [node.name]: span.value });
      if (found) return found;
    }
    return undefined;
  };
  return walk(sequence, 0, 0, {}, (pos, caps) => (pos === tokens.length ? caps : undefined));
}
