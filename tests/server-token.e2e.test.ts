// A fresh `npm start` with no `http.token`: the real server process generates one on first start,
// keeps it in the data dir readable by its owner only, says where (never what) in its start-up
// summary, and uses the same one on the next start. Both ports are 0: the summary reports them.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './helpers/server-process.js';
import { tempDir } from './helpers/temp-dir.js';

const running: ServerProcess[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
});

async function start(dataDir: string) {
  const server = await startServer({
    data_dir: dataDir,
    wyoming: { uri: 'tcp://127.0.0.1:0', zeroconf: false },
    http: { host: '127.0.0.1', port: 0 },
    discovery: { zeroconf: false },
    ollama: { enabled: false },
    memory: { enabled: false },
  });
  running.push(server);
  const line = /HTTP API:\s+http:\/\/[^:]+:(\d+)\/ \(token (generated in|in) (\S+)\)/.exec(
    server.log(),
  );
  if (!line) throw new Error(`no HTTP API line in:\n${server.log()}`);
  return { server, port: Number(line[1]), generated: line[2] === 'generated in', file: line[3]! };
}

describe('the HTTP API token on first start', () => {
  it('is generated into the data dir (0600), named in the summary, and kept', async () => {
    const dataDir = join(tempDir('jarvis-token-'), 'data');
    const first = await start(dataDir);
    expect(first.generated).toBe(true);
    expect(first.file).toBe(join(dataDir, 'http-token'));
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const token = readFileSync(first.file, 'utf8').trim();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(first.server.log()).not.toContain(token);

    const base = `http://127.0.0.1:${first.port}`;
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${base}/api/satellites`)).status).toBe(401);
    expect((await fetch(`${base}/api/satellites`, { headers: auth })).status).toBe(200);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/health`, { headers: auth })).json()).toMatchObject({
      status: 'ok',
      home: { kind: 'demo home' },
    });
    await first.server.stop();
    running.pop();

    const second = await start(dataDir);
    expect(second.generated).toBe(false);
    expect(readFileSync(second.file, 'utf8').trim()).toBe(token);
    const again = await fetch(`http://127.0.0.1:${second.port}/api/satellites`, { headers: auth });
    expect(again.status).toBe(200);
  }, 180_000);
});
