// Turns a written sentence into the words a speaker says, the form the phrase engine's grammar
// and dictionary are built from: lower case, numbers and a few symbols spelled out, punctuation
// dropped. English only, like the pocketsphinx model it feeds.

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [number, string][] = [
  [1_000_000_000, 'billion'],
  [1_000_000, 'million'],
  [1000, 'thousand'],
];

/** Symbols spoken as words. */
const SYMBOLS: Record<string, string> = {
  '%': ' percent ',
  '°c': ' degrees celsius ',
  '°f': ' degrees fahrenheit ',
  '°': ' degrees ',
  '&': ' and ',
  '+': ' plus ',
  '@': ' at ',
};

function belowThousand(n: number): string[] {
  const words: string[] = [];
  if (n >= 100) {
    words.push(ONES[Math.floor(n / 100)]!, 'hundred');
    n %= 100;
  }
  if (n >= 20) {
    words.push(TENS[Math.floor(n / 10)]!);
    n %= 10;
    if (n > 0) words.push(ONES[n]!);
  } else if (n > 0 || words.length === 0) {
    words.push(ONES[n]!);
  }
  return words;
}

/** Spells a non-negative integer below 10^12 in English words ("two hundred forty one"). */
export function integerToWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) {
    throw new RangeError(`cannot spell ${n}`);
  }
  if (n < 1000) return belowThousand(n).join(' ');
  const words: string[] = [];
  let rest = n;
  for (const [scale, name] of SCALES) {
    if (rest >= scale) {
      words.push(...belowThousand(Math.floor(rest / scale)), name);
      rest %= scale;
    }
  }
  if (rest > 0) words.push(...belowThousand(rest));
  return words.join(' ');
}

/** Spells a written number: "21" -> "twenty one", "3.5" -> "three point five". */
export function numberToWords(written: string): string {
  const [whole = '0', fraction] = written.split(/[.,]/);
  const digits = whole.replace(/^0+(?=\d)/, '');
  const head = digits.length > 12 ? [...digits].map((d) => ONES[Number(d)]).join(' ') : null;
  const spelled = head ?? integerToWords(Number(digits));
  if (fraction === undefined || fraction === '') return spelled;
  return `${spelled} point ${[...fraction].map((d) => ONES[Number(d)]).join(' ')}`;
}

/**
 * The spoken form of `text`: "Set the light to 50 %!" -> "set the light to fifty percent".
 * Apostrophes inside words stay ("what's"); hyphens and other punctuation become spaces.
 */
export function normalizeSentence(text: string): string {
  let result = text.toLowerCase().normalize('NFKC');
  for (const [symbol, spoken] of Object.entries(SYMBOLS)) {
    result = result.split(symbol).join(spoken);
  }
  result = result.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  result = result.replace(/\d+(?:[.,]\d+)?/g, (number) => ` ${numberToWords(number)} `);
  result = result.replace(/[’‘`]/g, "'");
  result = result.replace(/[^\p{L}\p{N}']+/gu, ' ');
  result = result.replace(/(^|\s)'+|'+(?=\s|$)/g, '$1');
  return result.trim().replace(/\s+/g, ' ');
}
