// `npm run bench -w server -- understanding slots FILE`: a guard on the slot words (the words
// that tell the heard sentence apart from its nearest sentences of the grammar)
// swept over a calibration run's JSON: a sentence whose worst slot word fits worse than the
// threshold is asked back (`ask`) or rejected (`reject`) instead of acted on. Measured and not
// shipped: on the calibration split at BENCH_CAL_SCALE=8 no threshold separates the commands
// acted wrongly from the right ones (the misheard slot word fits about as well as free phones).
import { readFileSync } from 'node:fs';
import { isFillerWord } from '../src/engines/stt/phrase-confidence.js';
import { normalizeSentence } from '../src/engines/stt/phrase-text.js';
import {
  ASK_BAND,
  DEFAULT_CALIBRATION,
  DEFAULT_DICTIONARY,
  DEFAULT_SENSITIVE_CONFIDENCE,
} from '../src/engines/stt/phrase-engine.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { installedNameLanguage } from '../src/intents/word-language.js';
import { englishHome } from './understanding-home.js';
import { slotPositions } from '../src/engines/stt/slot-neighbours.js';
import { type Scored, type Thresholds, type Verdict, verdictOf } from './understanding.js';

const THRESHOLDS = [-Infinity, -80, -70, -60, -50, -40, -35, -30, -25, -20, -15, -10];

/** The worst fit among the heard sentence's slot words (0 when it has none). */
export function worstSlot(s: Scored, sentences: readonly (readonly string[])[]): number {
  const words = (s.segments ?? []).filter((w) => !isFillerWord(w.word));
  const spoken = words.map((w) => w.word.replace(/\(\d+\)$/, ''));
  const slots = slotPositions(spoken, sentences);
  return Math.min(0, ...[...slots].map((i) => words[i]!.margin));
}

function guarded(v: Verdict, slot: number, threshold: number, mode: 'ask' | 'reject'): Verdict {
  if (slot >= threshold || (v !== 'correct' && v !== 'wrong')) return v;
  if (mode === 'reject') return 'rejected';
  return v === 'correct' ? 'asked back, right' : 'asked back, wrong';
}

export async function runSlots(files: readonly string[]): Promise<void> {
  const { nameLanguage } = await installedNameLanguage({ englishDictionary: DEFAULT_DICTIONARY });
  const recognizer = createIntentRecognizer({ nameLanguage });
  const grammar = [...recognizer.sentences(englishHome(), 'en'), ...recognizer.answers('en')];
  const sentences = [...new Set(grammar.map(normalizeSentence))].map((s) => s.split(' '));
  const scored = files.flatMap(
    (file) => (JSON.parse(readFileSync(file, 'utf8')) as { utterances: Scored[] }).utterances,
  );
  if (scored.some((s) => s.item.split !== 'calibration')) throw new Error('calibration runs only');
  const t: Thresholds = {
    rule: DEFAULT_CALIBRATION.rule,
    sensitive:
      DEFAULT_CALIBRATION.scale *
      Math.log(DEFAULT_SENSITIVE_CONFIDENCE / (1 - DEFAULT_SENSITIVE_CONFIDENCE)),
    ask: ASK_BAND,
  };
  const rows = scored.map((s) => ({
    s,
    v: verdictOf(s, t),
    slot: s.outcome ? worstSlot(s, sentences) : 0,
  }));
  console.log(
    '| guard | slot ≥ | commands correct | acted wrongly | asked back right | asked back wrong | rejected | OOG acted | OOG asked back |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const mode of ['ask', 'reject'] as const) {
    for (const threshold of THRESHOLDS) {
      const count = (command: boolean, ...vs: Verdict[]) =>
        rows.filter(
          (r) =>
            (r.s.item.kind === 'command') === command &&
            vs.includes(guarded(r.v, r.slot, threshold, mode)),
        ).length;
      const commands = rows.filter((r) => r.s.item.kind === 'command').length;
      const oog = rows.length - commands;
      console.log(
        `| ${mode} | ${threshold} | ${count(true, 'correct')}/${commands} | ${count(true, 'wrong')} | ${count(true, 'asked back, right')} | ` +
          `${count(true, 'asked back, wrong')} | ${count(true, 'rejected')} | ${count(false, 'correct', 'wrong')}/${oog} | ` +
          `${count(false, 'asked back, right', 'asked back, wrong')}/${oog} |`,
      );
    }
  }
  console.log(
    '\nWorst slot word of the commands acted wrongly or asked back wrong, and of the OOG acted:',
  );
  for (const r of rows) {
    const bad =
      r.v === 'wrong' ||
      r.v === 'asked back, wrong' ||
      (r.s.item.kind !== 'command' && r.v === 'correct');
    if (bad)
      console.log(
        `- ${r.s.item.kind} ${r.v}: "${r.s.item.text}" -> "${r.s.heard}" slot ${r.slot.toFixed(1)} worst ${r.s.worstWord.toFixed(1)}`,
      );
  }
  const correct = rows
    .filter((r) => r.v === 'correct' && r.s.item.kind === 'command')
    .map((r) => r.slot)
    .sort((a, b) => a - b);
  console.log(
    `\nCorrect commands' worst slot word, lowest ten: ${correct
      .slice(0, 10)
      .map((x) => x.toFixed(1))
      .join(', ')}`,
  );
}
