// Does a transcript of the audio before a detection sound like "hey jarvis"? Its last one to
// three words against the phrase: by phones (CMUdict, the closest pronunciations) or by spelling.
// 1 is the same; the check accepts from a threshold chosen on the calibration voices. Pure.
import { phoneDistance, phoneSequences, type PhoneLookup } from './general-agreement.js';

export const RULES = ['phones', 'spelling'] as const;
export type Rule = (typeof RULES)[number];
const PHRASE = ['hey', 'jarvis'];
/** The phrase and at most one word the recogniser wrote around it ("hey, jarvis, turn"). */
const MAX_WORDS = 3;

/** Moonshine's text as lower-case words ("Hey, Jarvis!" -> hey jarvis). */
export function words(transcript: string): string[] {
  return transcript
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[^a-z' ]+/g, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Levenshtein distance between two strings. */
function spellingDistance(a: string, b: string): number {
  return phoneDistance([...a], [...b]);
}

/** The runs of 1 to MAX_WORDS words that end the transcript, or end one word before its end. */
function endings(said: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const drop of [0, 1]) {
    const end = said.length - drop;
    for (let n = 1; n <= MAX_WORDS && end - n >= 0; n++) out.push(said.slice(end - n, end));
  }
  return out;
}

/** 1 - the edit distance of the best ending to "hey jarvis" / the phrase's length; 0 for nothing. */
export function similarity(transcript: string, rule: Rule, lookup: PhoneLookup): number {
  const said = words(transcript);
  let best = 0;
  if (rule === 'spelling') {
    const target = PHRASE.join('');
    for (const run of endings(said)) {
      best = Math.max(best, 1 - spellingDistance(run.join(''), target) / target.length);
    }
    return best;
  }
  const targets = phoneSequences(PHRASE, lookup);
  for (const run of endings(said)) {
    // A word CMUdict does not know leaves its ending without phones: that ending cannot match.
    if (run.some((w) => lookup(w).length === 0)) continue;
    for (const a of phoneSequences(run, lookup)) {
      for (const b of targets) best = Math.max(best, 1 - phoneDistance(a, b) / b.length);
    }
  }
  return best;
}
