import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Describe, Info, Ping } from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** The URI the server logs it listens on, once it does. */
async function listeningUri(output: () => string, exited: () => boolean): Promise<string> {
  for (;;) {
    const match = /listening on (tcp:\/\/\S+)/.exec(output());
    if (match) return match[1]!;
    if (exited()) throw new Error(`the demo server exited:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the demo server process (what npm start runs until the server exists)', () => {
  it('serves Wyoming on the given URI and stops cleanly on SIGTERM', async () => {
    const cli = join(root, 'protocol', 'src', 'node', 'demo-cli.ts');
    child = spawn(process.execPath, ['--import', 'tsx', cli, '--uri', 'tcp://127.0.0.1:0'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });

    const started = child;
    const uri = await listeningUri(
      () => stderr,
      () => started.exitCode !== null,
    );
    expect(uri).toMatch(/^tcp:\/\/127\.0\.0\.1:[1-9]\d*$/);
    const client = await WyomingClient.connect(uri);
    await client.write(new Describe());
    const info = Info.fromEvent((await client.readEvent())!);
    expect(info.asr).toEqual([]);
    await client.write(new Ping({ text: 'e2e' }));
    expect(await client.readEvent()).toEqual({ type: 'pong', data: { text: 'e2e' } });

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    expect(await client.readEvent()).toBeNull();
    expect(stderr).toContain(`listening on ${uri}`);
  });
});
