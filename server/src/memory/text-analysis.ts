// Light English/French text analysis shared by the hashed embedder, the full-text column and
// subject derivation: normalisation (lowercase, accents folded, elisions and punctuation out),
// stop words and a small suffix-stripping stemmer.
const ELISION = /\b(?:l|d|j|m|t|s|c|n|qu|jusqu|lorsqu|puisqu)['’]/g;

/** Lowercase, accents folded, French elisions split off, everything but letters and digits out. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(ELISION, ' ')
    .replace(/['’]s\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a normalised text. */
export function words(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised === '' ? [] : normalised.split(' ');
}

// Function words, question words and the commonest auxiliaries, English and French (folded).
const STOP_WORDS = new Set(
  (
    'a an the and or but if of at by for with about against between into through during to from in ' +
    'out on off over under again then once here there all any both each few more most other some such ' +
    'no nor not only own same so than too very can will just should now is are was were be been being ' +
    'have has had having do does did doing am it its it s this that these those what which who whom ' +
    'whose where when why how me my mine myself we our ours you your yours he him his she her hers ' +
    'they them their i would could shall may might must also tell know remind please jarvis anything ' +
    'something thing things hey ok okay well ' +
    'le la les un une des du de d l au aux ce cet cette ces et ou mais donc or ni car que qui quoi ' +
    'quel quelle quels quelles dont ou est sont etait etaient etre ete suis es sommes etes ai as avons ' +
    'avez ont avait a y en ne pas plus dans sur sous par pour avec sans chez vers je j me m moi tu te ' +
    'toi il elle on nous vous ils elles se s mon ma mes ton ta tes son sa ses notre nos votre vos leur ' +
    'leurs lui c ca cela ceci comment quand pourquoi combien dis dit moi rappelle fait faire tout tous ' +
    'toute toutes tres bien aussi alors quelque chose si'
  ).split(' '),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const STEP1: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['sses', 'ss'],
  ['xes', 'x'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['aux', 'al'],
  ['eaux', 'eau'],
];
const STEP2 = [
  'issements',
  'issement',
  'ements',
  'ement',
  'ations',
  'ation',
  'euses',
  'euse',
  'ings',
  'ing',
  'ees',
  'ee',
  'ies',
  'ied',
  'ed',
  'er',
  'ez',
  'es',
  'e',
  'ly',
  'y',
];

/** A light English/French stemmer: plurals, then one verb/adjective ending; stems keep >= 3 letters. */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  let w = word;
  const plural = STEP1.find(([suffix]) => w.endsWith(suffix));
  if (plural) w = w.slice(0, -plural[0].length) + plural[1];
  else if ((w.endsWith('s') || w.endsWith('x')) && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of STEP2) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // running -> runn -> run, arrete -> arret stays.
  if (/([bdfgklmnprt])\1$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  return w;
}
