// `npm run bench -w server -- understanding warps calibration|heldout [WARP...]`: every utterance of a split heard
// at several frequency warps (pocketsphinx's -warp_params, a VTLN-like stretch of the filter
// bank), written as JSON for choosing a warp per utterance afterwards (understanding-pick.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhraseEngine } from '../src/engines/stt/phrase-engine.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { buildCorpus, type Split } from './understanding-corpus.js';
import { englishHome } from './understanding-home.js';
import { machine, type Scored, scoreWith } from './understanding.js';

export const WARPS = [0.9, 1.0, 1.1, 1.2, 1.3] as const;

export async function runWarps(
  resultsDir: string,
  split: Split,
  warps: readonly number[] = WARPS,
): Promise<void> {
  const recognizer = createIntentRecognizer();
  const grammar = recognizer.sentences(englishHome(), 'en');
  const corpus = await buildCorpus({ grammar, commands: 60, splits: [split] });
  const byWarp: Record<string, Scored[]> = {};
  for (const warp of warps) {
    const engine = new PhraseEngine({ decoderArgs: ['-warp_params', String(warp)] });
    await engine.setSentences([...grammar, ...recognizer.answers('en')]);
    try {
      byWarp[warp] = await scoreWith(engine, recognizer, corpus);
    } finally {
      await engine.close();
    }
    console.log(`warp ${warp}: ${corpus.length} utterances`);
  }
  const out = join(resultsDir, `server-understanding-warps-${split}-${warps.join('-')}.json`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...machine(), split, warps, byWarp }, null, 1)}\n`);
  console.log(`wrote ${out}`);
}
