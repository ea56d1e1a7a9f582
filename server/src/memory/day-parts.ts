// Parts of the day as terms: a clock time ("16 h", "6 pm", "at seven am") and a word for a part
// of the day ("afternoon", "l'après-midi", "dawn", "le soir") are tagged with the same term, so
// "je sirote quoi vers 16 h ?" meets "l'après-midi je bois du thé vert". The hours are the
// usual ones: morning 5-12, midday 12-14, afternoon 14-18, evening 18-22, night 22-5. The words
// are the closed class of English and French words for parts of the day (folded, stemmed).
import { stem } from './text-analysis.js';

export type DayPart = 'morning' | 'midday' | 'afternoon' | 'evening' | 'night';

const WORDS: Record<DayPart, string> = {
  morning: 'morning dawn daybreak sunrise matin matinee aube',
  midday: 'noon midday lunchtime midi',
  afternoon: 'afternoon',
  evening: 'evening dusk sunset nightfall soir soiree crepuscule',
  night: 'night midnight overnight nuit minuit',
};
const BY_STEM = new Map(
  Object.entries(WORDS).flatMap(([part, words]) =>
    words.split(' ').map((w) => [stem(w), part as DayPart] as const),
  ),
);
const NUMBERS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
// Prepositions of a moment (folded: "à" is "a", "jusqu'à" "a", "dès" "des"): "16 h" after one is
// a clock time; elsewhere "2 h" is as often a length ("le gâteau cuit 1 h").
const AT_TIME = new Set('a vers avant apres des at by before after until till around'.split(' '));

/** The part of the day an hour (0-23) falls in. */
export function dayPartOf(hour: number): DayPart {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 14) return 'midday';
  if (hour >= 14 && hour < 18) return 'afternoon';
  if (hour >= 18 && hour < 22) return 'evening';
  return 'night';
}

/**
 * The hour a word and its neighbours say ("à" "16" "h", "16h30", "6pm", "seven" "am"), if any:
 * hours in "h" only after a preposition of a moment or with their minutes.
 */
function hourOf(
  word: string,
  next: string | undefined,
  previous: string | undefined,
): number | undefined {
  const joined = /^(\d{1,2})(h|am|pm)(\d{0,2})$/.exec(word);
  const [digits, unit] = joined ? [joined[1]!, joined[2]!] : [word, next];
  const n = /^\d{1,2}$/.test(digits) ? Number(digits) : NUMBERS.indexOf(digits) + 1;
  if (n < 1 && digits !== '0') return undefined;
  const clock = AT_TIME.has(previous ?? '') || (joined?.[3] ?? '') !== '';
  if (unit === 'h' && n <= 23) return clock ? n : undefined;
  if ((unit === 'am' || unit === 'pm') && n >= 1 && n <= 12) {
    return unit === 'am' ? n % 12 : (n % 12) + 12;
  }
  return undefined;
}

/**
 * Per word of a normalised text (stop words too: "am" is one), the part-of-the-day term it
 * stands for (`t_afternoon`), or undefined: clock times and words for parts of the day;
 * "après midi" is the afternoon.
 */
export function dayPartTerms(words: readonly string[]): (string | undefined)[] {
  return words.map((word, i) => {
    if (word === 'midi' && words[i - 1] === 'apres') return 't_afternoon';
    if (word === 'apres' && words[i + 1] === 'midi') return 't_afternoon';
    const hour = hourOf(word, words[i + 1], words[i - 1]);
    if (hour !== undefined) return `t_${dayPartOf(hour)}`;
    const part = BY_STEM.get(stem(word));
    return part ? `t_${part}` : undefined;
  });
}
