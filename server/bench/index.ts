// The server's benchmarks: `npm run bench -w server`. Prints tables, writes bench-results/server.json.
// `npm run bench -w server -- memory`: only the long-term memory benchmark (server-memory.json);
// `... memory tune`: searches recall's weights on its development sets (server-memory-tune.json);
// `... memory dev [variant]`: the development sets only, with the questions missed;
// `... memory transfer [variant]`: dev 1-5 (house, people misses), dev 6 and 7 aggregates only;
// `... memory updates`: only update correctness (no recall sets);
// `... memory paired "<variant>"`: recall latency of the default and a variant, paired;
// `... memory latency`: only latency and ingest, both embedders (MEMORY_SIZES; no recall sets);
// `... memory encoder`: the sentence encoder's load time, speed and memory;
// `... memory tune-embedder`: embedders and the vector weight on them (…-tune-embedder.json);
// `... memory tune-wordnet`: WordNet's senses and hypernym levels on them (…-tune-wordnet.json);
// `... memory overlap`: how many held-out question words earlier sets' questions use (no recall).
// `npm run bench -w server -- bridge`: only the MQTT bridge's cost on a turn (server-bridge.json).
// `npm run bench -w server -- understanding [calibrate|calibration] [--from FILE]`: what the
// phrase engine acts on (server-understanding-<split>.json); `calibration`: the calibration
// split at the shipped rule; BENCH_CAL_SCALE=3: three times as many calibration commands (the
// held-out split unchanged); `--split heldout3`: only the third split (understanding-heldout3.ts),
// at the shipped rule. `... understanding warps calibration|heldout [WARP...]`: the
// split decoded at each frequency warp (server-understanding-warps-*.json);
// `--rule FIT:WORD:DEFICIT:SENSITIVE:BAND` judges by other thresholds than the shipped ones;
// `... understanding slotcheck FILE [T]`: the slot check on a BENCH_SLOT_CHECK=1 calibration run;
// `... understanding filler FILE [T [ask]]`: the filler check on a BENCH_FILLER_CHECK=1 one;
// `... understanding vtln BEFORE AFTER`: a calibration run without and one with BENCH_VTLN=1
// (vocal tract length normalisation; BENCH_VTLN_TRIES=2: the grammar at the 2 best warps)
// compared per voice, each rule calibrated on its own run. BENCH_PARTIAL=FILE: a long run saves
// its decodes every 50 utterances and, started again, keeps them (understanding-partial.ts).
// `... understanding pick FILE...`: ways of choosing a warp per utterance, each calibrated on
// the files' split (give it calibration runs only). `... understanding sweep [NAME...]`:
// pocketsphinx settings on the calibration split, each calibrated (understanding-sweep.ts).
// `... understanding early [heldout] [MS[:turn]...]`: early endpointing on the calibration
// split (or the held-out one, to report a choice) for each pipeline.speculate_after_ms, `:turn`
// filling the pause from the turn's quietest frame (understanding-early.ts).
// `... understanding general [--from FILE]`: Moonshine, the general engine, alone and after the
// phrase engine, on the calibration split at several min_confidence (understanding-general.ts).
// `... understanding asr decode tiny|base`, `... understanding asr report FILE...`: Moonshine tiny
// against base as the general engine, on the calibration split (understanding-asr.ts).
// `... understanding moonshine decode FILE`: Moonshine's transcripts of an understanding run's
// speech (FILE-moonshine.json); `... understanding moonshine [report] FILE`: the second opinion's
// rule searched on a calibration run, or (`report`) any run judged by the shipped rule.
// `npm run bench -w server -- latency`: only the latency benchmark (server-latency.json, which
// the whole run writes too); `... streams`: only the streams benchmark (STREAMS=N,
// WAKE_SPEED_VARIANTS=P, WAKE_WORKERS=N, STREAM_LEAD=speech; server-streams-*.json);
// EARLY_ENDPOINT_MS=0 runs it with early endpointing off, for comparison; SPECULATE_AFTER_MS=300
// transcribes speculatively 300 ms into a pause rather than at its start.
// `npm run bench -w server -- wake-asr [wake options]`: the satellite's wake word confirmed by
// Moonshine's transcript (wake-asr.ts), on the satellite's wake corpus scored with the same
// options as `npm run bench -w satellite -- wake` (`--available --rnnoise-only ...`), and
// `--calibration-only`, `--asr-windows 1500,2000`. Here, not in the satellite, because Moonshine
// is the server's: the satellite's workspace never imports the server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBridgeBenchmark } from './bridge.js';
import { formatLatency, runLatencyBenchmark } from './latency.js';
import { parseRule, runUnderstanding } from './understanding-run.js';
import { type Split, SPLITS } from './understanding-corpus.js';
import { runWarps } from './understanding-warps.js';
import { runPick } from './understanding-pick.js';
import { runVtlnReport } from './understanding-vtln.js';
import { runSweep } from './understanding-sweep.js';
import { runSlots } from './understanding-slots.js';
import { runSlotCheck } from './understanding-slotcheck.js';
import { runFiller } from './understanding-filler.js';
import { runEarly } from './understanding-early.js';
import { runGeneralDecode } from './understanding-lvcsr.js';
import { runAgreement } from './understanding-agree.js';
import { runGeneral } from './understanding-general.js';
import { runMoonshineDecode } from './understanding-moonshine.js';
import {
  formatMemoryBenchmark,
  heldOutOverlaps,
  memorySizes,
  runLatencies,
  runMemoryBenchmark,
  runUpdates,
} from './memory.js';
import { formatMemoryLatency, formatOverlap } from './memory-format.js';
import { formatEncoderCost, measureEncoder } from './memory-encoder.js';
import { runPaired } from './memory-paired.js';
import { formatTune, tuneWeights } from './memory-tune.js';
import { formatDevelopment, runDevelopment } from './memory-dev.js';
import { runTransfer } from './memory-transfer.js';
import { formatExpansion, tuneExpansion } from './memory-tune-wordnet.js';
import { formatEmbedderTune, tuneEmbedder } from './memory-tune-embedder.js';
import { runStreamsBenchmark } from './streams.js';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench-results');

const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));

/** `--split NAME` (calibration, heldout, heldout3 to heldout5); else `calibration` as a word, or held-out. */
function splitOf(args: readonly string[]): Split {
  const at = args.indexOf('--split');
  if (at < 0) return args.includes('calibration') ? 'calibration' : 'heldout';
  const name = args[at + 1] as Split;
  if (!SPLITS.includes(name)) throw new Error(`--split ${SPLITS.join('|')}, not ${name}`);
  return name;
}

if (process.argv.slice(2)[0] === 'wake-asr') {
  await (await import('./wake-asr.js')).runWakeAsrBenchmark(process.argv.slice(3));
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'pick') {
  runPick(process.argv.slice(4));
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'early') {
  const heldout = process.argv[4] === 'heldout';
  const variants = process.argv.slice(heldout ? 5 : 4);
  const chosen = variants.length > 0 ? variants : ['0', '0:turn', '200', '250'];
  await runEarly(resultsDir, chosen, heldout ? 'heldout' : 'calibration');
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'lvcsr') {
  if (process.argv[4] === 'decode') await runGeneralDecode(process.argv[5]!);
  else runAgreement(process.argv[4]!);
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'general') {
  await runGeneral(resultsDir, process.argv.slice(4));
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'asr') {
  await (await import('./understanding-asr.js')).runAsr(resultsDir, process.argv.slice(4));
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'moonshine') {
  if (process.argv[4] === 'decode') await runMoonshineDecode(process.argv[5]!);
  else await (await import('./understanding-second.js')).runSecondOpinion(process.argv.slice(4));
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'slots') {
  await runSlots(process.argv.slice(4));
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'filler') {
  const threshold = process.argv[5] === undefined ? undefined : Number(process.argv[5]);
  const relative = process.env.BENCH_FILLER_RELATIVE === '1';
  runFiller(process.argv[4]!, threshold, process.argv[6] === 'ask', relative);
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'slotcheck') {
  runSlotCheck(
    process.argv[4]!,
    process.argv[5] === undefined ? undefined : Number(process.argv[5]),
  );
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'sweep') {
  await runSweep(resultsDir, process.argv.slice(4));
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'vtln') {
  runVtlnReport(process.argv[4]!, process.argv[5]!);
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding' && process.argv[3] === 'warps') {
  const warps = process.argv.slice(5).map(Number);
  const split = process.argv[4] === 'heldout' ? 'heldout' : 'calibration';
  await runWarps(resultsDir, split, warps.length > 0 ? warps : undefined);
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'understanding') {
  const args = process.argv.slice(3);
  const from = args.indexOf('--from');
  const rule = args.indexOf('--rule');
  await runUnderstanding(resultsDir, {
    rule: rule >= 0 ? parseRule(args[rule + 1]!) : undefined,
    calibrating: args.includes('calibrate'),
    split: splitOf(args),
    from: from >= 0 ? args[from + 1] : undefined,
    calibrationScale: Number(process.env.BENCH_CAL_SCALE ?? '1') || 1,
  });
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'tune') {
  const tuned = await tuneWeights();
  console.log(formatTune(tuned));
  writeResults('server-memory-tune.json', { tuned });
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'tune-embedder') {
  const embedders = await tuneEmbedder();
  console.log(formatEmbedderTune(embedders));
  writeResults('server-memory-tune-embedder.json', { embedders });
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'encoder') {
  const encoder = await measureEncoder();
  console.log(formatEncoderCost(encoder));
  writeResults('server-memory-encoder.json', { encoder });
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'latency') {
  const latency = await runLatencies(memorySizes(), process.argv[4]);
  console.log(formatMemoryLatency(latency));
  writeResults('server-memory-latency.json', { latency });
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'paired') {
  const paired = await runPaired(process.argv[4] ?? '');
  console.log(JSON.stringify(paired, null, 2));
  writeResults('server-memory-paired.json', { paired });
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'updates') {
  const updates = await runUpdates();
  console.log(JSON.stringify(updates, null, 2));
  writeResults('server-memory-updates.json', { updates });
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'dev') {
  const run = await runDevelopment(process.argv[4]);
  console.log(formatDevelopment(run));
  writeResults('server-memory-dev.json', { development: run });
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'transfer') {
  console.log(await runTransfer(process.argv[4]));
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'tune-wordnet') {
  const expansion = await tuneExpansion();
  console.log(formatExpansion(expansion));
  writeResults('server-memory-tune-wordnet.json', { expansion });
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory' && process.argv[3] === 'overlap') {
  console.log(formatOverlap(heldOutOverlaps()));
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory') {
  const memory = await runMemoryBenchmark();
  console.log(formatMemoryBenchmark(memory));
  writeResults('server-memory.json', { memory });
  process.exit(0);
}

if (process.argv.slice(2)[0] === 'bridge') {
  const bridge = await runBridgeBenchmark(Number(process.env.TURNS ?? 200));
  const f = (n: number) => n.toFixed(3);
  console.log(`\nMQTT bridge on a turn (real Mosquitto, ${bridge.turns} turns)\n`);
  console.log('| measure | p50 ms | p95 ms | max ms |');
  console.log('|---|---:|---:|---:|');
  const rows = [
    ['added latency (bus listeners, 5 events)', bridge.addedLatencyMs],
    ['turn -> event at another client', bridge.deliveryMs],
  ] as const;
  for (const [name, s] of rows)
    console.log(`| ${name} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.max)} |`);
  console.log(`\nmessages per turn: ${bridge.messagesPerTurn.toFixed(1)}`);
  writeResults('server-bridge.json', { bridge });
  process.exit(0);
}

const fmt = (n: number) => n.toFixed(1);
if (process.argv.slice(2)[0] === 'streams') {
  // Only the streams benchmark; WAKE_SPEED_VARIANTS, WAKE_WORKERS, STREAM_LEAD=speech.
  const streams = await runStreamsBenchmark(Number(process.env.STREAMS ?? 50), {
    speedVariants: Number(process.env.WAKE_SPEED_VARIANTS ?? 0),
    workers: Number(process.env.WAKE_WORKERS ?? 0),
    speechLead: process.env.STREAM_LEAD === 'speech',
  });
  printStreams(streams);
  const name = `server-streams-${streams.streams}-${streams.lead}-sv${streams.speedVariants}-w${streams.workers}.json`;
  writeResults(name, { streams });
  process.exit(0);
}
const early = process.env.EARLY_ENDPOINT_MS;
const speculateAfter = process.env.SPECULATE_AFTER_MS;
const latency = await runLatencyBenchmark({
  earlyEndpointMs: early === undefined ? undefined : Number(early),
  speculateAfterMs: speculateAfter === undefined ? undefined : Number(speculateAfter),
});
console.log(`\n${formatLatency(latency)}`);
// Written at once: the streams benchmark below runs for a while, and may fail.
writeResults('server-latency.json', { latency });
if (process.argv.slice(2)[0] === 'latency') process.exit(0);
const streams = await runStreamsBenchmark(Number(process.env.STREAMS ?? 50));
printStreams(streams);
writeResults('server.json', { latency, streams });

function printStreams(streams: Awaited<ReturnType<typeof runStreamsBenchmark>>): void {
  console.log(
    `\n${streams.streams} always-streaming satellites, wake word on the server, real-time pacing` +
      ` (lead: ${streams.lead}, wake.speed_variants ${streams.speedVariants}, wake.workers ${streams.workers || 'auto'})`,
  );
  console.log(
    '| streams | wake words detected | late chunks | CPU s per stream-second | added latency p50 ms | p95 ms | max ms |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${streams.streams} | ${streams.detected} | ${streams.lateChunks} | ${streams.cpuSecondsPerStreamSecond.toFixed(4)} | ` +
      `${fmt(streams.addedLatencyMs.p50 ?? NaN)} | ${fmt(streams.addedLatencyMs.p95 ?? NaN)} | ${fmt(streams.addedLatencyMs.max ?? NaN)} |`,
  );
}

/** Writes `bench-results/<name>` with the date, the machine and its load, and says so. */
function writeResults(name: string, results: Record<string, unknown>): void {
  const out = join(resultsDir, name);
  mkdirSync(dirname(out), { recursive: true });
  const load = { atStart: loadAtStart, atEnd: loadavg().map((n) => Number(n.toFixed(2))) };
  const machine = { cpu: cpus()[0]?.model, cores: cpus().length, load };
  const date = new Date().toISOString();
  writeFileSync(out, `${JSON.stringify({ date, ...machine, ...results }, null, 2)}\n`);
  console.log(`\nwrote ${out} (load average at start ${loadAtStart.join(' ')})`);
}
