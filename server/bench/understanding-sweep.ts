// `npm run bench -w server -- understanding sweep [NAME...]`: the calibration split decoded with
// each of several pocketsphinx settings (the corpus is generated once), each with the acceptance
// rule calibrated on it, and why the commands it missed were missed. Calibration split only: a
// setting is chosen here, then reported once on the held-out split.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORD_LOOP_ACCEPTANCE } from '../src/engines/stt/phrase-confidence.js';
import { PhraseEngine, type PhraseEngineOptions } from '../src/engines/stt/phrase-engine.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { buildCorpus } from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';
import { MISS_CAUSES, missCause } from './understanding-misses.js';
import { calibrate, machine, type Scored, scoreWith, tabulate } from './understanding.js';

/** The settings tried: engine options over the shipped ones. */
export const SETTINGS: Readonly<Record<string, PhraseEngineOptions>> = {
  shipped: {},
  'word loop': { wordLoop: true, calibration: { rule: WORD_LOOP_ACCEPTANCE, scale: 3 } },
  'cmn batch': { decoderArgs: ['-cmn', 'batch'] },
  'cmn batch, varnorm': { decoderArgs: ['-cmn', 'batch', '-varnorm', 'yes'] },
  'cmninit 60': { decoderArgs: ['-cmninit', '60,3,-1'] },
  'beams 1e-100': { grammarArgs: ['-beam', '1e-100', '-pbeam', '1e-100', '-wbeam', '1e-80'] },
  'beams 1e-80': { grammarArgs: ['-beam', '1e-80', '-pbeam', '1e-80', '-wbeam', '1e-60'] },
  'beams 1e-60': { grammarArgs: ['-beam', '1e-60', '-pbeam', '1e-60', '-wbeam', '1e-40'] },
  'wip 0.2': { grammarArgs: ['-wip', '0.2'] },
  'wip 1': { grammarArgs: ['-wip', '1.0'] },
  'pip 0.5': { grammarArgs: ['-pip', '0.5'] },
  'silprob 0.1': { grammarArgs: ['-silprob', '0.1'] },
  'fillprob 1e-2': { grammarArgs: ['-fillprob', '1e-2'] },
  'no fillers': { grammarArgs: ['-fsgusefiller', 'no'] },
  'bestpath yes': { grammarArgs: ['-bestpath', 'yes'] },
  'topn 16': { decoderArgs: ['-topn', '16'] },
  'topn 4': { decoderArgs: ['-topn', '4'] },
  'remove_noise yes': { decoderArgs: ['-remove_noise', 'yes'] },
  'remove_silence no': { decoderArgs: ['-remove_silence', 'no'] },
  'lowerf 200': { decoderArgs: ['-lowerf', '200'] },
  'upperf 5000': { decoderArgs: ['-upperf', '5000'] },
  'nfilt 30': { decoderArgs: ['-nfilt', '30'] },
  'lw 10': { grammarArgs: ['-lw', '10'] },
  'lw 3': { grammarArgs: ['-lw', '3'] },
};

export interface SweepRow {
  readonly name: string;
  readonly options: PhraseEngineOptions;
  readonly rule: string;
  readonly correct: number;
  readonly commands: number;
  readonly oogActed: number;
  readonly oog: number;
  readonly asked: number;
  readonly causes: Record<string, number>;
  readonly p50Ms: number;
}

function row(name: string, options: PhraseEngineOptions, scored: readonly Scored[]): SweepRow {
  const thresholds = calibrate(scored);
  const rows = tabulate(scored, thresholds);
  const cmd = rows.find((r) => r.kind === 'command')!;
  const oog = rows.find((r) => r.kind === 'out-of-grammar (all)')!;
  const causes = Object.fromEntries(MISS_CAUSES.map((c) => [c, 0]));
  for (const s of scored.filter((x) => x.item.kind === 'command')) {
    const cause = missCause(s, thresholds);
    if (cause) causes[cause]!++;
  }
  const { rule } = thresholds;
  const ms = scored.map((s) => s.ms).sort((a, b) => a - b);
  return {
    name,
    options,
    rule:
      `fit ≥ ${rule.fit}, word ≥ ${rule.worstWord}, deficit ≥ ${rule.worstDeficit}, ` +
      `loop ≥ ${rule.wordLoop}, sens +${thresholds.sensitive}`,
    correct: cmd.correct,
    commands: cmd.count,
    oogActed: oog.correct + oog.wrong,
    oog: oog.count,
    asked: oog.asked,
    causes,
    p50Ms: ms[ms.length >> 1] ?? NaN,
  };
}

export function formatSweep(rows: readonly SweepRow[]): string {
  const lines = [
    `| setting | rule (calibrated) | commands acted correctly | out-of-grammar acted | asked | ${MISS_CAUSES.join(' | ')} | p50 ms |`,
    `|---|---|---:|---:|---:|${MISS_CAUSES.map(() => '---:|').join('')}---:|`,
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${r.rule} | ${r.correct}/${r.commands} | ${r.oogActed}/${r.oog} | ${r.asked} | ` +
        `${MISS_CAUSES.map((c) => r.causes[c]).join(' | ')} | ${r.p50Ms.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

export async function runSweep(resultsDir: string, names: readonly string[]): Promise<void> {
  const chosen = names.length > 0 ? names : Object.keys(SETTINGS);
  const unknown = chosen.filter((name) => !SETTINGS[name]);
  if (unknown.length > 0) throw new Error(`unknown settings: ${unknown.join(', ')}`);
  const recognizer = createIntentRecognizer();
  const grammar = recognizer.sentences(englishHome(), 'en');
  const corpus = await buildCorpus({ grammar, commands: 60, splits: ['calibration'] });
  const rows: SweepRow[] = [];
  const utterances: Record<string, Scored[]> = {};
  const out = join(resultsDir, 'server-understanding-sweep-calibration.json');
  mkdirSync(resultsDir, { recursive: true });
  for (const name of chosen) {
    const options = SETTINGS[name]!;
    const engine = new PhraseEngine(options);
    try {
      await engine.setSentences([...grammar, ...recognizer.answers('en')]);
      utterances[name] = await scoreWith(engine, recognizer, corpus);
      rows.push(row(name, options, utterances[name]));
    } catch (error) {
      console.log(`${name}: ${(error as Error).message}`);
      continue;
    } finally {
      await engine.close();
    }
    console.log(formatSweep(rows.slice(-1)).split('\n').at(-1));
    writeFileSync(
      out,
      `${JSON.stringify({ ...machine(), split: 'calibration', rows, utterances }, null, 1)}\n`,
    );
  }
  console.log(`\nCalibration split, each setting with its own calibrated rule:\n`);
  console.log(formatSweep(rows));
  console.log(`\nwrote ${out}`);
}
