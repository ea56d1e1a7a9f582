// Whether onnxruntime's telemetry ran in a process: when it is on, the first session writes a
// device id and an event queue under <cache>/Microsoft/DeveloperTools/.onnxruntime before it
// sends anything, so the folder shows it without waiting for the network.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './satellite-process.js';

// onnxruntime keeps its telemetry off when it sees one of these (a CI machine): the probe clears
// them, or a CI run would see no telemetry whatever Jarvis does.
const CI_MARKERS = [
  'CI',
  'TF_BUILD',
  'GITHUB_ACTIONS',
  'GITLAB_CI',
  'CIRCLECI',
  'TRAVIS',
  'JENKINS_URL',
  'CODEBUILD_BUILD_ID',
  'BUILDKITE',
  'TEAMCITY_VERSION',
  'APPVEYOR',
  'BITBUCKET_BUILD_NUMBER',
];

/** Environment of a child whose home and cache folders are `dir`, with telemetry left alone. */
export function isolatedHomeEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, XDG_CACHE_HOME: dir };
  delete env.ORT_DISABLE_TELEMETRY;
  for (const marker of CI_MARKERS) delete env[marker];
  return env;
}

/** True when onnxruntime's telemetry wrote its folder under `dir` (a child's home and cache). */
export function telemetryFolderIn(dir: string): boolean {
  return existsSync(join(dir, 'Microsoft'));
}

/**
 * Runs `script` (ES module source; `ROOT` is the repository path) in a fresh Node with tsx and a
 * home of its own, and says whether onnxruntime's telemetry ran in it.
 */
export async function telemetryRanIn(script: string): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'jarvis-telemetry-'));
  try {
    const source = `const ROOT = ${JSON.stringify(REPO_ROOT)};\n${script}`;
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', source],
      { cwd: REPO_ROOT, env: isolatedHomeEnv(dir), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (data) => (stderr += data));
    const [code] = await once(child, 'exit');
    if (code !== 0) throw new Error(`script exited with ${code}:\n${stderr}`);
    return telemetryFolderIn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
