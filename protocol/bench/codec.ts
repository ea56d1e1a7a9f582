// Codec benchmark: encode and decode throughput for audio-chunk events with 2,048-byte
// payloads and for small JSON-only events. Prints a table, writes bench-results/protocol.json.
//   npm run bench -w protocol [-- --events 200000 --runs 5]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AudioChunk, type Event, EventDecoder, encodeEvent, Transcript } from '../src/index.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '5' },
    'read-size': { type: 'string', default: '65536' },
  },
});
const EVENTS = Number(values.events);
const RUNS = Number(values.runs);
const READ_SIZE = Number(values['read-size']);

interface Row {
  case: string;
  operation: 'encode' | 'decode';
  events: number;
  bytes: number;
  seconds: number;
  eventsPerSecond: number;
  megabytesPerSecond: number;
}

const audio = new AudioChunk({
  rate: 16000,
  width: 2,
  channels: 1,
  audio: new Uint8Array(2048).map((_, i) => i & 0xff),
  timestamp: 0,
}).toEvent();
const small = new Transcript({ text: 'turn on the kitchen light', language: 'en' }).toEvent();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function row(name: string, operation: Row['operation'], bytes: number, seconds: number): Row {
  return {
    case: name,
    operation,
    events: EVENTS,
    bytes,
    seconds,
    eventsPerSecond: EVENTS / seconds,
    megabytesPerSecond: bytes / seconds / 1e6,
  };
}

function benchEncode(name: string, event: Event): Row {
  let bytes = 0;
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    bytes = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < EVENTS; i++) bytes += encodeEvent(event).byteLength;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run > 0) times.push(seconds); // run 0 warms up the JIT
  }
  return row(name, 'encode', bytes, median(times));
}

function benchDecode(name: string, event: Event): Row {
  const frame = encodeEvent(event);
  const stream = new Uint8Array(frame.byteLength * EVENTS);
  for (let i = 0; i < EVENTS; i++) stream.set(frame, i * frame.byteLength);
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const decoder = new EventDecoder();
    let decoded = 0;
    const start = process.hrtime.bigint();
    for (let offset = 0; offset < stream.byteLength; offset += READ_SIZE) {
      decoded += decoder.push(stream.subarray(offset, offset + READ_SIZE)).length;
    }
    decoder.end();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (decoded !== EVENTS) throw new Error(`decoded ${decoded} of ${EVENTS} events`);
    if (run > 0) times.push(seconds);
  }
  return row(name, 'decode', stream.byteLength, median(times));
}

const rows = [
  benchEncode('audio-chunk, 2,048-byte payload', audio),
  benchDecode('audio-chunk, 2,048-byte payload', audio),
  benchEncode('transcript, JSON only', small),
  benchDecode('transcript, JSON only', small),
];

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
console.log(
  `\nwyoming-ts codec, ${fmt(EVENTS)} events per run, median of ${RUNS} runs, reads of ${fmt(READ_SIZE)} bytes\n`,
);
console.log('| case | operation | events/s | MB/s |');
console.log('|---|---|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.case} | ${r.operation} | ${fmt(r.eventsPerSecond)} | ${fmt(r.megabytesPerSecond, 1)} |`,
  );
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'bench-results', 'protocol.json');
mkdirSync(dirname(out), { recursive: true });
const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, rows }, null, 2)}\n`,
);
console.log(`\nwrote ${out}`);
