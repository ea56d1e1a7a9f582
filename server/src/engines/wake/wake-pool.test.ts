import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OpenWakeWord,
  resolveWakeWordModels,
  type WakeDetection,
  type WakeWordDetector,
} from '@jarvis/satellite/engines';
import { telemetryRanIn } from '../../../../tests/helpers/onnx-telemetry.js';
import { REPO_ROOT } from '../../../../tests/helpers/satellite-process.js';
import { joinPcm, samplesOf, silence, speak } from '../../../../tests/helpers/speech.js';
import { WakeWordPool } from './wake-pool.js';

async function feed(detector: WakeWordDetector, samples: Int16Array, piece = 1024) {
  const calls: Promise<WakeDetection[]>[] = [];
  for (let offset = 0; offset < samples.length; offset += piece) {
    calls.push(detector.process(samples.subarray(offset, offset + piece)));
  }
  return (await Promise.all(calls)).flat();
}

describe('WakeWordPool: wake words on worker threads', () => {
  let clip: Int16Array;
  const pool = new WakeWordPool({ workers: 2 });
  beforeAll(async () => {
    clip = samplesOf(joinPcm(silence(500), (await speak('hey jarvis')).audio, silence(800)).audio);
  });
  afterAll(() => pool.close());

  it('detects what a detector on the main thread detects, in many streams at once', async () => {
    const models = resolveWakeWordModels({ names: ['hey_jarvis', 'alexa'] });
    const alone = await OpenWakeWord.load({ models });
    const expected = await feed(alone, clip);
    await alone.close();
    expect(expected.map((d) => d.name)).toEqual(['hey_jarvis']);
    const detectors = Array.from({ length: 6 }, () => pool.open(models));
    const silent = pool.open(models);
    const [results, quiet] = await Promise.all([
      Promise.all(detectors.map((detector, i) => feed(detector, clip, 700 + i * 300))),
      feed(silent, new Int16Array(clip.length)),
    ]);
    for (const found of results) {
      expect(found.map((d) => [d.name, d.timestampMs])).toEqual(
        expected.map((d) => [d.name, d.timestampMs]),
      );
      expect(found[0]!.score).toBeCloseTo(expected[0]!.score, 5);
    }
    expect(quiet).toEqual([]);
    await Promise.all([...detectors, silent].map((detector) => detector.close()));
  });

  it('loads its models on workers with onnxruntime telemetry off', async () => {
    // Only the wake pool loaded: nothing else in the process imports onnxruntime first.
    const script = `
      const { WakeWordPool } = await import(ROOT + '/server/src/engines/wake/wake-pool.ts');
      const { resolveWakeWordModels } = await import(ROOT + '/satellite/src/engines/index.ts');
      const pool = new WakeWordPool({ workers: 1 });
      const detector = pool.open(resolveWakeWordModels({ names: ['hey_jarvis'] }));
      await detector.process(new Int16Array(16000));
      await detector.close();
      await pool.close();`;
    expect(await telemetryRanIn(script)).toBe(false);
  });

  it('starts a stream again after reset, and refuses audio after close', async () => {
    const detector = pool.open(resolveWakeWordModels({ names: ['hey_jarvis'] }));
    expect(await feed(detector, clip.subarray(0, clip.length / 2))).toEqual([]);
    detector.reset();
    expect((await feed(detector, clip)).map((d) => d.name)).toEqual(['hey_jarvis']);
    await detector.close();
    await expect(detector.process(clip)).rejects.toThrow(/closed/);
  });

  it('fails only the stream whose model cannot load', async () => {
    const [good] = resolveWakeWordModels({ names: ['hey_jarvis'] });
    const broken = pool.open([{ ...good!, name: 'broken', path: '/nonexistent/model.onnx' }]);
    await expect(broken.process(clip)).rejects.toThrow(/model file not found/);
    const working = pool.open([good!]);
    expect((await feed(working, clip)).map((d) => d.name)).toEqual(['hey_jarvis']);
    await working.close();
  });

  it('closes while its worker runs the models, and the process lives on', async () => {
    // Ending a worker during an onnxruntime run aborted the whole process (exit 134): run in a
    // child. The models are loaded first; 8 streams of 20 s then keep the one worker busy for
    // seconds, and the pool is closed when the first stream's answer arrives: by then the worker
    // has gone on to the next stream's audio, so the close always meets it running the models.
    const script = `
      const ROOT = ${JSON.stringify(REPO_ROOT)};
      const { WakeWordPool } = await import(ROOT + '/server/src/engines/wake/wake-pool.ts');
      const { resolveWakeWordModels } = await import(ROOT + '/satellite/src/engines/index.ts');
      const pool = new WakeWordPool({ workers: 1 });
      const models = resolveWakeWordModels({ names: ['hey_jarvis'] });
      const long = Int16Array.from({ length: 16000 * 20 }, (_, i) => ((i * 7919) % 2001) - 1000);
      const detectors = Array.from({ length: 8 }, () => pool.open(models));
      await Promise.all(detectors.map((d) => d.process(new Int16Array(1280))));
      const rest = detectors.map((d) => d.process(long).then(() => 'heard', () => 'refused'));
      await Promise.race(rest);
      await pool.close();
      console.log((await Promise.all(rest)).join(' '));`;
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout!.on('data', (data) => (out += data));
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(out.trim().split(' ')).toHaveLength(8);
  }, 60_000);
});

describe('WakeWordPool with speed variants: hey_jarvis said fast (espeak-ng at 1.5x)', () => {
  const models = resolveWakeWordModels({ names: ['hey_jarvis'], threshold: 0.5 });
  const plain = new WakeWordPool({ workers: 1 });
  const slowed = new WakeWordPool({ workers: 1, speedVariants: { preThreshold: 0.1 } });
  let fast: Int16Array;
  beforeAll(async () => {
    const said = await speak('hey jarvis', { engine: 'espeak-ng', name: 'en-us' }, 1.5);
    fast = samplesOf(joinPcm(silence(1000), said.audio, silence(1000)).audio);
  }, 60_000);
  afterAll(() => Promise.all([plain.close(), slowed.close()]));

  it('is missed with the option off and detected with it on', async () => {
    const off = plain.open(models);
    const on = slowed.open(models);
    const [missed, found] = await Promise.all([feed(off, fast), feed(on, fast)]);
    expect(missed).toEqual([]);
    expect(found.map((d) => d.name)).toEqual(['hey_jarvis']);
    expect(found[0]!.score).toBeGreaterThan(0.5);
    await Promise.all([off.close(), on.close()]);
  }, 60_000);

  it('refuses a pre-threshold outside (0, 1] before starting a worker', () => {
    expect(() => new WakeWordPool({ speedVariants: { preThreshold: 0 } })).toThrow(
      /speedVariants.preThreshold: pre-threshold must be in \(0, 1\], got 0/,
    );
  });
});
