// `npm run bench -w server -- understanding [calibrate]`: prints the tables, writes JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CALIBRATION } from '../src/engines/stt/phrase-engine.js';
import { DEFAULT_SENSITIVE_CONFIDENCE } from '../src/engines/stt/phrase-engine.js';
import {
  calibrate,
  formatTable,
  machine,
  scoreCorpus,
  tabulate,
  type Thresholds,
} from './understanding.js';

/** The fit at which the engine's confidence reaches `confidence`. */
function fitAt(confidence: number): number {
  const { midpoint, scale } = DEFAULT_CALIBRATION;
  return midpoint + scale * Math.log(confidence / (1 - confidence));
}

export async function runUnderstanding(resultsDir: string, calibrating: boolean): Promise<void> {
  const split = calibrating ? 'calibration' : 'heldout';
  const scored = await scoreCorpus([split]);
  const shipped: Thresholds = {
    accept: fitAt(0.5),
    sensitive: fitAt(DEFAULT_SENSITIVE_CONFIDENCE),
  };
  let chosen: (Thresholds & { sweep: string[] }) | undefined;
  if (calibrating) {
    chosen = calibrate(scored);
    console.log(
      '\nSweep on the calibration split (fit threshold, commands acted correctly, out-of-grammar acted, sensitive asked):\n',
    );
    console.log(
      '| fit ≥ | commands correct | out-of-grammar acted | sensitive asked |\n|---:|---:|---:|---:|',
    );
    console.log(chosen.sweep.join('\n'));
    console.log(
      `\nchosen: accept at fit ≥ ${chosen.accept}, sensitive at fit ≥ ${chosen.sensitive}`,
    );
  }
  const thresholds = chosen ?? shipped;
  const rows = tabulate(scored, thresholds);
  console.log(
    `\nUnderstanding, ${split} split (${split === 'heldout' ? 'never used to choose anything' : 'the thresholds were chosen on it'}): ` +
      `accept at fit ≥ ${thresholds.accept.toFixed(1)}, sensitive at fit ≥ ${thresholds.sensitive.toFixed(1)}\n`,
  );
  console.log(formatTable(rows));
  const ms = scored.map((s) => s.ms).sort((a, b) => a - b);
  console.log(
    `\nphrase engine per utterance: p50 ${ms[ms.length >> 1]!.toFixed(0)} ms, p95 ${ms[Math.floor(ms.length * 0.95)]!.toFixed(0)} ms`,
  );
  const out = join(resultsDir, `server-understanding-${split}.json`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ ...machine(), split, thresholds, rows, utterances: scored }, null, 1)}\n`,
  );
  console.log(`\nwrote ${out}`);
}
