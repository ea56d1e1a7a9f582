// `npm run bench -w server -- understanding asr decode tiny|base`: every utterance of the
// understanding benchmark's calibration split heard by the general engine (MoonshineEngine: the
// server's VAD trim, its noise floor) with Moonshine tiny or base, in a process of its own so its
// memory is its own; the text goes through the server's local intents as in
// `understanding general`. `... understanding asr report FILE...` compares the files: words right
// (word error rate against the sentence said, both in the grammar's spoken form), what the
// commands and the other utterances would make Jarvis do, CPU per utterance and memory; with
// `--phrase FILE` (an `understanding general` run of the same scale) the chain's too: the phrase
// engine first, the model on what it rejects.
// Calibration only: nothing here opens a held-out split.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { phoneDistance, transcriptWords } from '../src/engines/stt/agreement.js';
import { MoonshineEngine } from '../src/engines/stt/moonshine-engine.js';
import type { MoonshineSize } from '../src/engines/stt/moonshine.js';
import { DEFAULT_DICTIONARY } from '../src/engines/stt/phrase-engine.js';
import { createIntentRecognizer } from '../src/intents/index.js';
import { installedNameLanguage } from '../src/intents/word-language.js';
import { buildCorpus } from './understanding-corpus.js';
import { type Counts, type GeneralScored, tally } from './understanding-general-judge.js';
import { moonshineScored, serverIntents } from './understanding-general.js';
import { englishHome } from './understanding-home.js';
import { machine } from './understanding.js';

interface AsrRun {
  readonly model: MoonshineSize;
  readonly scale: number;
  /** Resident memory in MB: before the model was loaded, after, and after every decode. */
  readonly rss: { readonly before: number; readonly loaded: number; readonly after: number };
  readonly utterances: readonly (GeneralScored & { readonly cpuMs: number })[];
}

const mb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

async function decode(model: MoonshineSize, resultsDir: string): Promise<void> {
  const scale = Number(process.env.BENCH_CAL_SCALE ?? '1') || 1;
  const { nameLanguage } = await installedNameLanguage({ englishDictionary: DEFAULT_DICTIONARY });
  const base = createIntentRecognizer({ nameLanguage });
  const recognizer = serverIntents(base);
  const corpus = await buildCorpus({
    grammar: base.sentences(englishHome(), 'en'),
    commands: 60,
    splits: ['calibration'],
    calibrationScale: scale,
  });
  const before = mb();
  const engine = new MoonshineEngine({ size: model });
  await engine.load();
  const loaded = mb();
  const utterances: AsrRun['utterances'][number][] = [];
  try {
    for (const [index, { audio, ...item }] of corpus.entries()) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const heard = await engine.hear({ audio });
      const used = process.cpuUsage(cpu);
      const ms = performance.now() - started;
      utterances.push({
        ...(await moonshineScored(recognizer, item, heard, ms)),
        cpuMs: (used.user + used.system) / 1000,
      });
      if (index % 50 === 49) console.log(`${index + 1}/${corpus.length} heard by ${model}`);
    }
  } finally {
    await engine.close();
  }
  const run: AsrRun = { model, scale, rss: { before, loaded, after: mb() }, utterances };
  const out = join(resultsDir, `server-understanding-asr-${model}-scale${scale}.json`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...machine(), ...run })}\n`);
  console.log(`wrote ${out}`);
}

/** Word edits against the sentence said, and its length, over the commands heard. */
export function wordErrors(runs: readonly GeneralScored[]): { edits: number; words: number } {
  let edits = 0;
  let words = 0;
  for (const s of runs) {
    if (s.item.kind !== 'command') continue;
    const said = transcriptWords(s.item.text);
    edits += phoneDistance(said, transcriptWords(s.moonshine.heard));
    words += said.length;
  }
  return { edits, words };
}

const pct = (n: number, d: number) => `${n} (${d ? ((100 * n) / d).toFixed(1) : '-'} %)`;
const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** `run` with the phrase engine's decodes of the same utterances (an `understanding general` run). */
export function withPhrase(run: AsrRun, general: readonly GeneralScored[]): AsrRun {
  const utterances = run.utterances.map((u, index) => {
    const other = general[index];
    if (other?.item.text !== u.item.text || other.item.source !== u.item.source)
      throw new Error(`utterance ${index} differs: ${u.item.text} / ${other?.item.text}`);
    return { ...u, phrase: other.phrase };
  });
  return { ...run, utterances };
}

export function formatAsr(runs: readonly AsrRun[]): string {
  const lines = [
    '| model | path | min_confidence | command WER | commands correct | commands acted wrongly | commands to the agent | not commands acted wrongly | of them near misses | not commands to the agent | CPU per utterance (median) | RSS loaded / after (MB, +model) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const empty = { count: 0 } as Counts;
  for (const run of runs) {
    const { edits, words } = wordErrors(run.utterances);
    const cpu = median(run.utterances.map((u) => u.cpuMs));
    const { before, loaded, after } = run.rss;
    const paths = run.utterances.every((u) => u.phrase)
      ? (['moonshine alone', 'chain'] as const)
      : (['moonshine alone'] as const);
    for (const path of paths) {
      for (const minConfidence of [0, 0.8]) {
        const rows = tally(run.utterances, { path, rule: 'mean', minConfidence });
        const c = rows.get('command') ?? empty;
        const o = rows.get('not commands (all)') ?? empty;
        const near = rows.get('near miss') ?? empty;
        lines.push(
          `| ${run.model} | ${path} | ${minConfidence} | ${((100 * edits) / words).toFixed(1)} % (${edits}/${words}) | ` +
            `${pct(c.correct, c.count)} | ${pct(c.wrong, c.count)} | ${c.agent} | ${pct(o.wrong, o.count)} | ` +
            `${near.wrong}/${near.count} | ${o.agent} | ${cpu.toFixed(0)} ms | ${loaded} / ${after} (+${loaded - before}) |`,
        );
      }
    }
  }
  return lines.join('\n');
}

export async function runAsr(resultsDir: string, args: readonly string[]): Promise<void> {
  if (args[0] === 'decode') {
    const model = args[1];
    if (model !== 'tiny' && model !== 'base') throw new Error('decode tiny|base');
    return decode(model, resultsDir);
  }
  const read = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
  const rest = args[0] === 'report' ? args.slice(1) : args;
  const phrase = rest.indexOf('--phrase');
  const general =
    phrase >= 0 ? read<{ utterances: GeneralScored[] }>(rest[phrase + 1]!).utterances : undefined;
  const files = phrase >= 0 ? rest.filter((_, i) => i !== phrase && i !== phrase + 1) : rest;
  const runs = files.map((file) => read<AsrRun>(file));
  console.log(formatAsr(general ? runs.map((run) => withPhrase(run, general)) : runs));
}
