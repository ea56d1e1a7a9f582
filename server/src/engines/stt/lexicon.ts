// Pronunciations for the phrase engine: looked up in the CMU dictionary that pocketsphinx-en-us
// ships, and, for words it lacks (brand names, pet names), guessed with espeak-ng's own
// letter-to-sound rules and mapped from espeak's phoneme names to the model's ARPAbet phones.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Word -> pronunciations (space-separated ARPAbet phones, most common first). */
export type Pronunciations = Map<string, string[]>;

/**
 * The entries of a pocketsphinx dictionary's text (`word PH PH ...`, alternatives as
 * `word(2) ...`, folded into `word`), `wanted` words only when given.
 */
export function readDictionary(text: string, wanted?: ReadonlySet<string>): Pronunciations {
  const found: Pronunciations = new Map();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const word = line.slice(0, space).replace(/\(\d+\)$/, '');
    if (wanted && !wanted.has(word)) continue;
    const phones = line.slice(space + 1).trim();
    if (!phones) continue;
    const list = found.get(word) ?? [];
    list.push(phones);
    found.set(word, list);
  }
  return found;
}

/** The pronunciations of `words` in a pocketsphinx dictionary file; words it lacks are absent. */
export async function lookupPronunciations(
  dictPath: string,
  words: Iterable<string>,
): Promise<Pronunciations> {
  return readDictionary(await readFile(dictPath, 'utf8'), new Set(words));
}

/** espeak-ng's English phoneme names and the ARPAbet phones of the en-us acoustic model. */
const ESPEAK_TO_ARPABET: Record<string, string> = {
  // vowels and diphthongs
  a: 'AE',
  aa: 'AE',
  'a#': 'AH',
  'A:': 'AA',
  'A@': 'AA R',
  'A#': 'AA',
  aI: 'AY',
  'aI@': 'AY ER',
  aI3: 'AY ER',
  aU: 'AW',
  'aU@': 'AW ER',
  '@': 'AH',
  '@-': 'AH',
  '@2': 'AH',
  '@5': 'AH',
  '@L': 'AH L',
  '3': 'ER',
  '3:': 'ER',
  E: 'EH',
  E2: 'EH',
  'e@': 'EH R',
  eI: 'EY',
  i: 'IY',
  'i:': 'IY',
  'i@': 'IY AH',
  'i@3': 'IH R',
  I: 'IH',
  'I#': 'IH',
  I2: 'IH',
  O: 'AO',
  'O:': 'AO',
  'O@': 'AO R',
  'o@': 'AO R',
  OI: 'OY',
  oU: 'OW',
  'oU#': 'OW',
  '0': 'AA',
  U: 'UH',
  'u:': 'UW',
  'U@': 'UH R',
  V: 'AH',
  // consonants
  b: 'B',
  C: 'HH',
  d: 'D',
  'd#': 'D',
  D: 'DH',
  dZ: 'JH',
  f: 'F',
  g: 'G',
  h: 'HH',
  j: 'Y',
  k: 'K',
  l: 'L',
  'l-': 'AH L',
  m: 'M',
  'm-': 'AH M',
  n: 'N',
  'n-': 'AH N',
  N: 'NG',
  p: 'P',
  r: 'R',
  'r-': 'R',
  s: 'S',
  S: 'SH',
  t: 'T',
  't#': 'T',
  '?': 'T',
  T: 'TH',
  tS: 'CH',
  v: 'V',
  w: 'W',
  W: 'W',
  x: 'K',
  z: 'Z',
  'z#': 'Z',
  Z: 'ZH',
};
const LONGEST_KEY = Math.max(...Object.keys(ESPEAK_TO_ARPABET).map((key) => key.length));

/** Maps one espeak phoneme (or a run of them) by greedy longest match; unknown marks are skipped. */
function mapPhoneme(token: string): string[] {
  const exact = ESPEAK_TO_ARPABET[token];
  if (exact) return exact.split(' ');
  const phones: string[] = [];
  for (let i = 0; i < token.length;) {
    let length = Math.min(LONGEST_KEY, token.length - i);
    while (length > 0 && !ESPEAK_TO_ARPABET[token.slice(i, i + length)]) length--;
    if (length === 0) {
      i++;
      continue;
    }
    phones.push(...ESPEAK_TO_ARPABET[token.slice(i, i + length)]!.split(' '));
    i += length;
  }
  return phones;
}

/**
 * Converts `espeak-ng -x --sep=_` output ("h_j_'u: l_'a_m_p") to ARPAbet ("HH Y UW L AE M P").
 * Stress and syllable marks are dropped. Returns undefined when nothing maps.
 */
export function espeakToArpabet(phonemes: string): string | undefined {
  const tokens = phonemes
    .replace(/[',%=]/g, '')
    .split(/[_\s]+/)
    .filter((token) => token.length > 0);
  const phones = tokens.flatMap(mapPhoneme);
  return phones.length > 0 ? phones.join(' ') : undefined;
}

export interface GuessOptions {
  /** The espeak-ng binary (default `espeak-ng` on the PATH). */
  espeak?: string;
  /** espeak-ng voice whose rules to use (default `en-us`). */
  voice?: string;
  signal?: AbortSignal;
}

/** Guesses one word's pronunciation with espeak-ng; undefined when espeak cannot run or map it. */
export function guessPronunciation(
  word: string,
  options: GuessOptions = {},
): Promise<string | undefined> {
  const args = ['-q', '-x', '--sep=_', '-v', options.voice ?? 'en-us', word];
  return new Promise((resolve) => {
    execFile(
      options.espeak ?? 'espeak-ng',
      args,
      { signal: options.signal, timeout: 5000 },
      (error, stdout) => resolve(error ? undefined : espeakToArpabet(stdout)),
    );
  });
}

/** Guesses several words, a few espeak-ng processes at a time. */
export async function guessPronunciations(
  words: readonly string[],
  options: GuessOptions = {},
): Promise<Pronunciations> {
  const guessed: Pronunciations = new Map();
  const queue = [...words];
  const worker = async () => {
    for (let word = queue.shift(); word !== undefined; word = queue.shift()) {
      options.signal?.throwIfAborted();
      const phones = await guessPronunciation(word, options);
      if (phones) guessed.set(word, [phones]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  options.signal?.throwIfAborted();
  return guessed;
}

/**
 * Guesses many words with one espeak-ng process, one word a line: word -> ARPAbet. Empty when
 * espeak-ng cannot run or its lines do not match the words one to one.
 */
export function guessAll(
  words: readonly string[],
  options: GuessOptions = {},
): Promise<Pronunciations> {
  const args = ['-q', '-x', '--sep=_', '--stdin', '-v', options.voice ?? 'en-us'];
  return new Promise((resolve) => {
    const child = execFile(
      options.espeak ?? 'espeak-ng',
      args,
      { signal: options.signal, timeout: 30_000, maxBuffer: 1 << 24 },
      (error, stdout) => {
        const lines = stdout.split('\n').filter((line) => line.trim());
        const guessed: Pronunciations = new Map();
        if (error || lines.length !== words.length) return resolve(guessed);
        words.forEach((word, i) => {
          const phones = espeakToArpabet(lines[i]!);
          if (phones) guessed.set(word, [phones]);
        });
        resolve(guessed);
      },
    );
    child.stdin?.on('error', () => {}); // a missing binary is reported by the callback
    child.stdin?.end(words.map((word) => `${word}.\n`).join(''));
  });
}

/**
 * Adds to `pronunciations` each word's pronunciation by espeak-ng's rules for each accent in
 * `accents` (`en-gb`, `en-029`...), where it differs from those known: the acoustic model hears
 * an accent better when the dictionary has its vowels. Returns how many variants were added.
 */
export async function addAccentVariants(
  pronunciations: Pronunciations,
  accents: readonly string[],
  options: Omit<GuessOptions, 'voice'> = {},
): Promise<number> {
  let added = 0;
  const words = [...pronunciations.keys()];
  for (const voice of accents) {
    for (const [word, [phones]] of await guessAll(words, { ...options, voice })) {
      const known = pronunciations.get(word)!;
      if (phones && !known.includes(phones)) {
        known.push(phones);
        added++;
      }
    }
  }
  return added;
}

/**
 * The dictionary's pronunciations of `words`, espeak-ng's guesses for the words it lacks (also
 * returned as `guessed`, plain data), and the accents' variants; no guesses nor variants when
 * `espeak` is `null`.
 */
export async function pronounce(
  dictionary: string,
  words: ReadonlySet<string>,
  options: { espeak: string | null; accents: readonly string[]; signal?: AbortSignal },
): Promise<{ pronunciations: Pronunciations; guessed: Record<string, string> }> {
  const { espeak, accents, signal } = options;
  const pronunciations = await lookupPronunciations(dictionary, words);
  const guessed: Record<string, string> = {};
  if (espeak === null) return { pronunciations, guessed };
  const unknown = [...words].filter((word) => !pronunciations.has(word));
  if (unknown.length > 0) {
    for (const [word, phones] of await guessPronunciations(unknown, { espeak, signal })) {
      pronunciations.set(word, phones);
      guessed[word] = phones[0]!;
    }
  }
  await addAccentVariants(pronunciations, accents, { espeak, signal });
  return { pronunciations, guessed };
}
