import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { resolveApiToken, TOKEN_FILE } from './token.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

describe('the HTTP API token', () => {
  it('is the configured one when set, and no file is written', async () => {
    const dir = tempDir('jarvis-token-');
    expect(await resolveApiToken('configured-token-0123456789', dir)).toEqual({
      token: 'configured-token-0123456789',
      generated: false,
    });
    expect(() => statSync(join(dir, TOKEN_FILE))).toThrow();
  });

  it('is generated once into the data dir, readable by its owner only, then kept', async () => {
    const dir = join(tempDir('jarvis-token-'), 'data', 'nested');
    const first = await resolveApiToken(undefined, dir);
    expect(first).toMatchObject({ generated: true, file: join(dir, TOKEN_FILE) });
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.file!, 'utf8').trim()).toBe(first.token);
    const second = await resolveApiToken(undefined, dir);
    expect(second).toEqual({ ...first, generated: false });
  });

  it('makes a kept file private again, and refuses one with no usable token', async () => {
    const dir = tempDir('jarvis-token-');
    const file = join(dir, TOKEN_FILE);
    writeFileSync(file, 'kept-token-0123456789abcdef\n');
    chmodSync(file, 0o644);
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    expect((await resolveApiToken(undefined, dir, logger)).token).toBe(
      'kept-token-0123456789abcdef',
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toHaveLength(1);
    writeFileSync(file, 'short\n');
    await expect(resolveApiToken(undefined, dir)).rejects.toThrow(ConfigError);
  });
});
