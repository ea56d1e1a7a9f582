// The built card's size, raw and gzipped (HACS serves a .gz of it), against the contract's
// limits (the size test uses `cardSize`), and what a `hass` update costs the card in a large
// home: `npm run bench -w lovelace-card` prints a table and writes
// bench-results/lovelace-card.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { house } from '../test/home.js';
import type { HassEntities } from '../src/hass.js';
import { selectSatellites } from '../src/discovery.js';
import { EntityTracker, type Selection } from '../src/tracker.js';
import { CARD_FILE, buildCard } from './build.js';

export const MAX_BYTES = 120 * 1024;
export const MAX_GZIP_BYTES = 35 * 1024;

export interface CardSize {
  readonly bytes: number;
  readonly gzipBytes: number;
}

export async function cardSize(file: string = CARD_FILE): Promise<CardSize> {
  const code = await readFile(file);
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/**
 * Mean microseconds of one tracker update (what the card does on each `hass`) in a home of
 * `others` other entities, one of which changed.
 */
export function updateCost(others: number, rounds: number): number {
  const other = (id: string, state: string) => ({
    entity_id: id,
    state,
    attributes: {},
    last_changed: '',
    last_updated: '',
  });
  const base: Record<string, HassEntities[string]> = { ...house() };
  for (let i = 0; i < others; i += 1) base[`sensor.other_${i}`] = other(`sensor.other_${i}`, '1');
  // Two homes that differ in one other entity, given in turn: each update sees one change.
  const homes = [base, { ...base, 'sensor.other_0': other('sensor.other_0', '2') }];
  const tracker = new EntityTracker();
  const all: Selection = (found) => selectSatellites(found.satellites, undefined);
  tracker.update(base, all);
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) tracker.update(homes[round % 2]!, all);
  return ((performance.now() - started) * 1000) / rounds;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCard();
  const size = await cardSize();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('| jarvis-card.js | bytes | KiB | limit KiB |');
  out('|---|---|---|---|');
  for (const [name, bytes, limit] of [
    ['raw', size.bytes, MAX_BYTES],
    ['gzip -9', size.gzipBytes, MAX_GZIP_BYTES],
  ] as const) {
    out(`| ${name} | ${bytes} | ${(bytes / 1024).toFixed(1)} | ${limit / 1024} |`);
  }
  const homes = [200, 2000, 10000].map((others) => ({ others, us: updateCost(others, 500) }));
  out('');
  out('| other entities | µs per hass update (one other entity changed) |');
  out('|---|---|');
  for (const { others, us } of homes) out(`| ${others} | ${us.toFixed(0)} |`);
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench-results');
  await mkdir(dir, { recursive: true });
  const report = {
    file: 'lovelace-card/dist/jarvis-card.js',
    ...size,
    limits: { bytes: MAX_BYTES, gzipBytes: MAX_GZIP_BYTES },
    update_us: homes,
  };
  await writeFile(join(dir, 'lovelace-card.json'), `${JSON.stringify(report, null, 2)}\n`);
}
