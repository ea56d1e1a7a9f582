// The adoption file on a real file system, in a temp dir.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { AdoptionStore } from './adoption-store.js';
import type { Adoption } from './adoptions.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const dir = () => tempDir('jarvis-adoptions-');
const kitchen: Adoption = {
  kind: 'connected-in',
  name: 'kitchen',
  address: '10.0.0.5',
  adopted_at: '2025-01-01T00:00:00.000Z',
};
const porch: Adoption = {
  kind: 'dialed',
  uri: 'tcp://10.0.0.9:10700',
  name: 'porch',
  adopted_at: '2025-01-01T00:00:00.000Z',
};

describe('the adoption file', () => {
  it('is empty before anything is adopted, and keeps what was saved, last save winning', async () => {
    const file = join(dir(), 'data', 'satellites.json');
    const store = new AdoptionStore(file);
    expect(await store.load()).toEqual([]);
    await Promise.all([store.save([kitchen]), store.save([kitchen, porch])]);
    expect(await new AdoptionStore(file).load()).toEqual([kitchen, porch]);
    expect(readdirSync(join(file, '..'))).toEqual(['satellites.json']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('refuses a damaged file with an error naming it and what is wrong', async () => {
    const root = dir();
    const cases: Array<[string, RegExp]> = [
      ['{"version": 1, "adopted": [', /satellites\.json: not valid JSON/],
      ['{"version": 1, "adopted": [{"kind": "dialed", "uri": "http://x"}]}', /adopted\.0\.uri/],
      ['{"version": 2, "adopted": []}', /version/],
    ];
    for (const [index, [text, message]] of cases.entries()) {
      const file = join(root, `${index}`, 'satellites.json');
      await new AdoptionStore(file).save([]);
      writeFileSync(file, text);
      const error = await new AdoptionStore(file).load().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
    }
  });
});
