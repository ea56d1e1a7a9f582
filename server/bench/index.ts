// The server's benchmarks: `npm run bench -w server`. Prints tables, writes bench-results/server.json.
// `npm run bench -w server -- memory`: only the long-term memory benchmark (server-memory.json).
// `npm run bench -w server -- latency`: only the latency benchmark (server-latency.json, which
// the whole run writes too);
// EARLY_ENDPOINT_MS=0 runs it with early endpointing off, for comparison.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatLatency, runLatencyBenchmark } from './latency.js';
import { runUnderstanding } from './understanding-run.js';
import { formatMemoryBenchmark, runMemoryBenchmark } from './memory.js';
import { runStreamsBenchmark } from './streams.js';

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench-results');
if (process.argv.slice(2)[0] === 'understanding') {
  await runUnderstanding(resultsDir, process.argv.slice(2)[1] === 'calibrate');
  process.exit(0);
}
if (process.argv.slice(2)[0] === 'memory') {
  const memory = await runMemoryBenchmark();
  console.log(formatMemoryBenchmark(memory));
  const out = join(resultsDir, 'server-memory.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), cpu: cpus()[0]?.model, memory }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out}`);
  process.exit(0);
}

const fmt = (n: number) => n.toFixed(1);
const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));
const early = process.env.EARLY_ENDPOINT_MS;
const latency = await runLatencyBenchmark({
  earlyEndpointMs: early === undefined ? undefined : Number(early),
});
console.log(`\n${formatLatency(latency)}`);
// Written at once: the streams benchmark below runs for a while, and may fail.
writeResults('server-latency.json', { latency });
if (process.argv.slice(2)[0] === 'latency') process.exit(0);
const streams = await runStreamsBenchmark(Number(process.env.STREAMS ?? 50));
console.log(
  `\n${streams.streams} always-streaming satellites, wake word on the server, real-time pacing`,
);
console.log(
  '| streams | wake words detected | late chunks | CPU s per stream-second | added latency p50 ms | p95 ms | max ms |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
console.log(
  `| ${streams.streams} | ${streams.detected} | ${streams.lateChunks} | ${streams.cpuSecondsPerStreamSecond.toFixed(4)} | ` +
    `${fmt(streams.addedLatencyMs.p50 ?? NaN)} | ${fmt(streams.addedLatencyMs.p95 ?? NaN)} | ${fmt(streams.addedLatencyMs.max ?? NaN)} |`,
);
writeResults('server.json', { latency, streams });

function writeResults(name: string, results: Record<string, unknown>): void {
  const out = join(resultsDir, name);
  mkdirSync(dirname(out), { recursive: true });
  const load = { atStart: loadAtStart, atEnd: loadavg().map((n) => Number(n.toFixed(2))) };
  const machine = { cpu: cpus()[0]?.model, cores: cpus().length, load };
  const date = new Date().toISOString();
  writeFileSync(out, `${JSON.stringify({ date, ...machine, ...results }, null, 2)}\n`);
  console.log(`\nwrote ${out} (load average at start ${loadAtStart.join(' ')})`);
}
