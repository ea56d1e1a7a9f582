// What one spoken-word check costs (wake-asr.ts `--asr-cost N`): Moonshine's CPU and wall time per
// window, its files' size and the memory it adds to a process, measured now on the same windows
// for each model (the cached transcripts' times were taken under other loads).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Scored } from '@jarvis/satellite/bench/wake';
import {
  defaultMoonshineDir,
  MoonshineRecognizer,
  type MoonshineSize,
} from '../src/engines/stt/moonshine.js';
import { hear, type WindowToHear } from './wake-asr-transcripts.js';

const MB = 1024 * 1024;

export const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** Every `n`-th of `all`, sorted by key, so that each model hears the same windows. */
export function sample<T>(all: ReadonlyMap<string, T>, count: number): T[] {
  const keys = [...all.keys()].sort();
  const step = Math.max(1, keys.length / count);
  const out: T[] = [];
  for (let at = 0; at < keys.length && out.length < count; at += step) {
    out.push(all.get(keys[Math.floor(at)]!)!);
  }
  return out;
}

/** Moonshine `size` timed on `windows`, with the memory it took; printed as one paragraph. */
export async function measureCost(
  s: Scored,
  size: MoonshineSize,
  windows: readonly WindowToHear[],
  log: (line: string) => void,
): Promise<void> {
  const dir = defaultMoonshineDir(undefined, size);
  const bytes = readdirSync(dir)
    .filter((f) => f.endsWith('.onnx'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  const rss = () => process.memoryUsage().rss / MB;
  const before = rss();
  const moonshine = await MoonshineRecognizer.load({ size });
  const loaded = rss();
  const cpu: number[] = [];
  const wall: number[] = [];
  try {
    for (const w of windows) {
      const t = await hear(s, moonshine, w);
      cpu.push(t.cpuMs);
      wall.push(t.wallMs);
    }
  } finally {
    await moonshine.close();
  }
  const after = rss();
  log(
    `moonshine ${size} (${(bytes / MB).toFixed(1)} MB of .onnx, one thread), ` +
      `${windows.length} windows of ${windows[0]?.windowMs ?? 0} ms: ` +
      `CPU p50 ${quantile(cpu, 0.5).toFixed(0)} ms, p95 ${quantile(cpu, 0.95).toFixed(0)} ms; ` +
      `wall p50 ${quantile(wall, 0.5).toFixed(0)} ms, p95 ${quantile(wall, 0.95).toFixed(0)} ms; ` +
      `RSS ${before.toFixed(0)} MB before loading, +${(loaded - before).toFixed(0)} MB loaded, ` +
      `+${(after - before).toFixed(0)} MB after the checks`,
  );
}
