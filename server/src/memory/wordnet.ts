// Princeton WordNet 3.0 read from its database files (Debian's wordnet-base installs them in
// /usr/share/wordnet): the senses of an English word (its base form found as WordNet's morphy
// does: exception lists, then suffix rules), each sense's synset, and the synsets above it
// (hypernyms). Files are read as they are: the index files are searched in place (they are
// sorted), synsets are read at their byte offset in the data files and kept once read. Nothing
// is fetched; when the files are missing `openWordNet` says so and returns undefined.
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';

export const WORDNET_DIR = '/usr/share/wordnet';

export type WordNetPos = 'n' | 'v' | 'a' | 'r';
const POS_FILES: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const ALL_POS: readonly WordNetPos[] = ['n', 'v', 'a', 'r'];

/** Suffix rules of WordNet's morphy, per part of speech. */
const MORPHY_RULES: Record<WordNetPos, readonly (readonly [string, string])[]> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

export interface Synset {
  /** `n03359137`: part of speech and byte offset, unique in WordNet. */
  readonly id: string;
  readonly lemmas: readonly string[];
  /** Hypernyms and instance hypernyms (`@`, `@i`); for adjectives the similar ones (`&`). */
  readonly above: readonly string[];
  /**
   * The same idea in other words: derivationally related forms (`+`: swim, swimmer), attributes
   * (`=`: tall, height), pertainyms (`\\`), participles (`<`), verb entailments (`*`: snore,
   * sleep) and causes (`>`), "see also" (`^`), antonyms (`!`: the same attribute, another value:
   * alive, dead).
   */
  readonly related: readonly string[];
  /**
   * Wholes and parts: holonyms (`#m #s #p`: ankle, leg) and meronyms (`%m %s %p`: kit, needle),
   * and the topic a word belongs to (`;c -c`: penicillin, medicine).
   */
  readonly parts?: readonly string[];
  /** The definition, examples aside ("a device that removes moisture from the air"). */
  readonly gloss: string;
  /** Every word of it written with a capital: a proper noun ("Firenze, Florence"). */
  readonly proper?: boolean;
  /** Its lexicographer file (`lex_filenum`): 15 places, 18 people, 28 times, among nouns. */
  readonly lexFile?: number;
}

const RELATED = new Set(['+', '=', '\\', '<', '*', '>', '^', '!']);
const PARTS = new Set(['#m', '#s', '#p', '%m', '%s', '%p', ';c', '-c']);

export interface WordNet {
  /** Where the files were read from. */
  readonly dir: string;
  /** The synset ids of a word's senses (commonest first, per part of speech), at most `limit` each. */
  senses(word: string, limit?: number): string[];
  /** A synset by id, undefined when there is none. */
  synset(id: string): Synset | undefined;
  /**
   * How often a word's senses were met in WordNet's tagged texts (cntlist.rev, its base forms
   * summed; 0 when unknown or the file is missing): how common, so how little it tells.
   */
  frequency?(word: string): number;
}

class SortedIndex {
  readonly #text: Buffer;
  readonly #starts: Int32Array;

  constructor(text: Buffer) {
    this.#text = text;
    const starts: number[] = [];
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf(10, at);
      // The licence at the top of each file is indented with two spaces.
      if (text[at] !== 32) starts.push(at);
      at = end < 0 ? text.length : end + 1;
    }
    this.#starts = Int32Array.from(starts);
  }

  /** The line whose first field is `key`, without it; undefined when none. */
  find(key: string): string | undefined {
    const wanted = Buffer.from(`${key} `, 'latin1');
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.#starts[mid]!;
      const end = Math.min(start + wanted.length, this.#text.length);
      const cmp = this.#text.compare(wanted, 0, wanted.length, start, end);
      if (cmp === 0) {
        const eol = this.#text.indexOf(10, start);
        return this.#text.toString('latin1', end, eol < 0 ? undefined : eol);
      }
      // The line sorts before `wanted`: look further down.
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

function readLineAt(fd: number, offset: number): string {
  const chunks: Buffer[] = [];
  let at = offset;
  for (;;) {
    const chunk = Buffer.alloc(4096);
    const read = readSync(fd, chunk, 0, chunk.length, at);
    if (read <= 0) break;
    const end = chunk.subarray(0, read).indexOf(10);
    if (end >= 0) {
      chunks.push(chunk.subarray(0, end));
      break;
    }
    chunks.push(chunk.subarray(0, read));
    at += read;
  }
  return Buffer.concat(chunks).toString('latin1');
}

/** One data-file line: `offset lex_filenum ss_type w_cnt word lex_id ... p_cnt ptr... | gloss`. */
export function parseSynset(pos: WordNetPos, line: string): Synset {
  const fields = line.split(' | ')[0]!.split(' ');
  const count = parseInt(fields[3]!, 16);
  const written: string[] = [];
  for (let i = 0; i < count; i++) written.push(fields[4 + 2 * i]!.replace(/\(\w+\)$/, ''));
  const lemmas = written.map((w) => w.toLowerCase());
  let at = 4 + 2 * count;
  const pointers = Number(fields[at++]);
  const above: string[] = [];
  const related: string[] = [];
  const parts: string[] = [];
  for (let i = 0; i < pointers; i++, at += 4) {
    const [symbol, offset, targetPos] = [fields[at]!, fields[at + 1]!, fields[at + 2]!];
    const target = `${targetPos === 's' ? 'a' : targetPos}${offset}`;
    const wanted = pos === 'a' ? symbol === '&' : symbol === '@' || symbol === '@i';
    if (wanted) above.push(target);
    else if (RELATED.has(symbol)) related.push(target);
    else if (PARTS.has(symbol)) parts.push(target);
  }
  const gloss = (line.split(' | ')[1] ?? '').split(/;\s*"|"/)[0]!.trim();
  return {
    id: `${pos}${fields[0]}`,
    lemmas,
    above,
    related: [...new Set(related)],
    parts: [...new Set(parts)],
    gloss,
    proper: written.every((w) => /^\p{Lu}/u.test(w)),
    lexFile: Number(fields[1]),
  };
}

class FileWordNet implements WordNet {
  readonly dir: string;
  readonly #index = new Map<WordNetPos, SortedIndex>();
  readonly #data = new Map<WordNetPos, number>();
  readonly #exceptions = new Map<WordNetPos, Map<string, string[]>>();
  readonly #synsets = new Map<string, Synset>();
  #counts: Map<string, number> | undefined;

  constructor(dir: string) {
    this.dir = dir;
    for (const pos of ALL_POS) {
      const name = POS_FILES[pos];
      this.#index.set(pos, new SortedIndex(readFileSync(join(dir, `index.${name}`))));
      this.#data.set(pos, openSync(join(dir, `data.${name}`), 'r'));
      const exceptions = new Map<string, string[]>();
      const exc = join(dir, `${name}.exc`);
      if (existsSync(exc)) {
        for (const line of readFileSync(exc, 'latin1').split('\n')) {
          const [inflected, ...bases] = line.trim().split(' ');
          if (inflected && bases.length > 0) exceptions.set(inflected, bases);
        }
      }
      this.#exceptions.set(pos, exceptions);
    }
  }

  /** Base forms of a word in one part of speech that WordNet has, the word itself first. */
  #bases(word: string, pos: WordNetPos): string[] {
    const candidates = [word, ...this.#inflections(word, pos)];
    // A phrasal verb is inflected on its verb: "passed_away" is "pass_away".
    const [head, ...rest] = word.split('_');
    if (rest.length > 0) {
      for (const base of this.#inflections(head!, pos)) candidates.push([base, ...rest].join('_'));
    }
    const index = this.#index.get(pos)!;
    return [...new Set(candidates)].filter((c) => index.find(c) !== undefined);
  }

  /** What morphy's exception list and suffix rules make of a word (may not be in WordNet). */
  #inflections(word: string, pos: WordNetPos): string[] {
    const out = [...(this.#exceptions.get(pos)!.get(word) ?? [])];
    for (const [suffix, ending] of MORPHY_RULES[pos]) {
      if (word.endsWith(suffix) && word.length > suffix.length + 1) {
        out.push(word.slice(0, -suffix.length) + ending);
      }
    }
    return out;
  }

  senses(word: string, limit = Infinity): string[] {
    const key = word.toLowerCase().replace(/\s+/g, '_');
    const out: string[] = [];
    for (const pos of ALL_POS) {
      for (const base of this.#bases(key, pos)) {
        // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...
        const fields = this.#index.get(pos)!.find(base)!.trim().split(' ');
        const synsets = Number(fields[1]);
        const offsets = fields.slice(fields.length - synsets);
        for (const offset of offsets.slice(0, limit)) out.push(`${pos}${offset}`);
        break;
      }
    }
    return [...new Set(out)];
  }

  frequency(word: string): number {
    const key = word.toLowerCase().replace(/\s+/g, '_');
    const bases = new Set(ALL_POS.flatMap((pos) => this.#bases(key, pos).slice(0, 1)));
    let total = 0;
    for (const base of bases) total += this.#tagCounts().get(base) ?? 0;
    return total;
  }

  /** cntlist.rev's lines (`sense_key sense_number tag_count`) summed per lemma, read once. */
  #tagCounts(): Map<string, number> {
    if (this.#counts) return this.#counts;
    this.#counts = new Map();
    const file = join(this.dir, 'cntlist.rev');
    if (!existsSync(file)) return this.#counts;
    for (const line of readFileSync(file, 'latin1').split('\n')) {
      const [key, , count] = line.split(' ');
      const lemma = key?.split('%')[0];
      if (lemma && count) this.#counts.set(lemma, (this.#counts.get(lemma) ?? 0) + Number(count));
    }
    return this.#counts;
  }

  synset(id: string): Synset | undefined {
    const known = this.#synsets.get(id);
    if (known) return known;
    const pos = id[0] as WordNetPos;
    const fd = this.#data.get(pos);
    if (fd === undefined) return undefined;
    const line = readLineAt(fd, Number(id.slice(1)));
    if (!line.startsWith(id.slice(1))) return undefined;
    const synset = parseSynset(pos, line);
    this.#synsets.set(id, synset);
    return synset;
  }

  close(): void {
    for (const fd of this.#data.values()) closeSync(fd);
    this.#data.clear();
  }
}

/** The files WordNet needs, relative to its folder. */
export const WORDNET_FILES = ALL_POS.flatMap((p) => [
  `index.${POS_FILES[p]}`,
  `data.${POS_FILES[p]}`,
]);

/**
 * WordNet from `dir` (default /usr/share/wordnet), or undefined with `missing` telling what is
 * not there, so the caller can say it (recall then works without it).
 */
export function openWordNet(dir = WORDNET_DIR): { wordnet?: WordNet; missing?: string } {
  const absent = WORDNET_FILES.filter((f) => !existsSync(join(dir, f)));
  if (absent.length > 0) return { missing: `${absent.map((f) => join(dir, f)).join(', ')}` };
  return { wordnet: new FileWordNet(dir) };
}
