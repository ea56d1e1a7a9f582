// `npm run pack -w satellite`: builds the satellite and writes satellite/pack/
// jarvis-satellite-<version>.tgz (and install.sh beside it), a package that installs alone on a
// Pi: its runtime dependencies, the protocol bundled, the models copied in with their licences.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findModelFile, MODEL_SOURCES } from '../../src/engines/model-files.js';
import { modelsReadme, type PackedModel, SILERO_VAD_LICENCE } from './licences.js';
import { bundledManifest, packedManifest } from './manifest.js';

const satellite = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repo = join(satellite, '..');
const out = join(satellite, 'pack');
const stage = join(out, 'stage');

const readJson = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const notMap = (path: string) => !path.endsWith('.map');
const notTest = (path: string) => !path.endsWith('.test.ts');

function copyModels(into: string): void {
  mkdirSync(into, { recursive: true });
  const models: PackedModel[] = [];
  const versions: Record<string, string> = {};
  for (const [file, source] of Object.entries(MODEL_SOURCES)) {
    const path = findModelFile(file, join(into, 'none'));
    if (path === undefined) throw new Error(`${file}: install ${source.package} (npm ci) first`);
    copyFileSync(path, join(into, file));
    const bytes = readFileSync(path);
    models.push({
      file,
      source,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    versions[source.package] ??= String(readJson(installedManifest(source.package)).version);
  }
  writeFileSync(join(into, 'README.md'), modelsReadme(models, versions));
  writeFileSync(join(into, 'LICENSE-silero-vad.txt'), SILERO_VAD_LICENCE);
}

/** `node_modules/<name>/package.json` as Node would find it from the satellite. */
function installedManifest(name: string): string {
  for (let dir = satellite; ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (npm ci first)`);
  }
}

export function pack(): string {
  rmSync(join(satellite, 'dist'), { recursive: true, force: true });
  rmSync(join(repo, 'protocol', 'dist'), { recursive: true, force: true });
  execFileSync('npm', ['run', 'build', '-w', 'protocol', '-w', 'satellite'], {
    cwd: repo,
    stdio: 'inherit',
  });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  cpSync(join(satellite, 'dist'), join(stage, 'dist'), { recursive: true, filter: notMap });
  for (const item of ['sounds', 'systemd', 'examples', 'satellite.example.yaml', 'README.md']) {
    cpSync(join(satellite, item), join(stage, item), { recursive: true, filter: notTest });
  }
  copyFileSync(join(satellite, 'scripts', 'install.sh'), join(stage, 'install.sh'));
  // Beside the tarball too: the two files are all a Pi needs.
  copyFileSync(join(satellite, 'scripts', 'install.sh'), join(out, 'install.sh'));
  copyModels(join(stage, 'models'));
  const protocol = readJson(join(repo, 'protocol', 'package.json'));
  const bundled = join(stage, 'node_modules', String(protocol.name));
  cpSync(join(repo, 'protocol', 'dist'), join(bundled, 'dist'), {
    recursive: true,
    filter: notMap,
  });
  writeFileSync(join(bundled, 'package.json'), JSON.stringify(bundledManifest(protocol), null, 2));
  const installed = (name: string) => String(readJson(installedManifest(name)).version);
  const manifest = packedManifest(
    readJson(join(satellite, 'package.json')),
    String(protocol.name),
    installed,
  );
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  const name = execFileSync('npm', ['pack', '--pack-destination', out], {
    cwd: stage,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1)!;
  const tarball = join(out, name);
  process.stdout.write(`${tarball} (${(statSync(tarball).size / 1e6).toFixed(1)} MB)\n`);
  return tarball;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) pack();
