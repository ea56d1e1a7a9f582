import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AudioChunk, writeWav } from 'wyoming-ts';
import { splitCommand } from './command-line.js';
import { MicGain } from './gain.js';
import { CommandMic, FileMic } from './mic.js';
import { CommandSink, FileSink } from './sink.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const tmp = () => tempDir('sat-audio-');

describe('splitCommand', () => {
  it.each([
    [
      'arecord -r 16000 -c 1 -f S16_LE -t raw',
      ['arecord', '-r', '16000', '-c', '1', '-f', 'S16_LE', '-t', 'raw'],
    ],
    [`sh -c 'cat > "/tmp/a b"'`, ['sh', '-c', 'cat > "/tmp/a b"']],
    [`echo "a \\"b\\" c" d\\ e`, ['echo', 'a "b" c', 'd e']],
    [`x ''`, ['x', '']],
  ])('%s', (command, words) => {
    expect(splitCommand(command)).toEqual(words);
  });

  it('names the flag for a bad command', () => {
    expect(() => splitCommand(`arecord 'oops`, '--mic-command')).toThrow(
      "--mic-command: unterminated ' quote",
    );
    expect(() => splitCommand('  ', '--snd-command')).toThrow('--snd-command: empty command');
  });
});

/** Polls `check` until it holds; the test's timeout is the only deadline. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('CommandMic', () => {
  it('converts the command output to 16 kHz mono chunks of 1024 samples', async () => {
    // 0.5 s of 8 kHz stereo 16-bit: 16,000 bytes -> about 0.5 s at 16 kHz mono = 16,000 bytes.
    const mic = new CommandMic({
      command: 'head -c 16000 /dev/zero',
      format: { rate: 8000, width: 2, channels: 2 },
      initialBackoffMs: 60_000,
    });
    const chunks: Uint8Array[] = [];
    mic.start((chunk) => chunks.push(chunk));
    await until(() => chunks.length >= 7);
    await mic.stop();
    expect(chunks.every((chunk) => chunk.length === 2048)).toBe(true);
    expect(chunks.length).toBe(7); // 15,9xx bytes after resampling, in whole chunks
  });

  it('restarts a command that dies, with growing delays, and never gives up', async () => {
    const mic = new CommandMic({
      command: 'sh -c "exit 3"',
      initialBackoffMs: 20,
      maxBackoffMs: 80,
    });
    mic.start(() => {});
    await until(() => mic.starts >= 5);
    await mic.stop();
    expect(mic.starts).toBeGreaterThanOrEqual(5);
    expect(mic.starts).toBeLessThan(20);
  });
});

describe('FileMic', () => {
  it('plays a file in real time, then silence', async () => {
    const path = join(tmp(), 'mic.wav');
    const audio = new Uint8Array(16000).fill(1); // 0.5 s at 16 kHz
    writeFileSync(path, writeWav({ rate: 16000, width: 2, channels: 1, audio }));
    const mic = new FileMic({ path });
    const chunks: Uint8Array[] = [];
    const started = performance.now();
    mic.start((chunk) => chunks.push(chunk));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await mic.stop();
    const elapsed = performance.now() - started;
    const expected = elapsed / 64;
    expect(chunks.length).toBeGreaterThan(expected - 3);
    expect(chunks.length).toBeLessThan(expected + 3);
    expect(chunks[0]![0]).toBe(1);
    expect(chunks.at(-1)!.every((byte) => byte === 0)).toBe(true);
  });

  it('names a file it cannot read', () => {
    expect(() => new FileMic({ path: '/nonexistent.wav' })).toThrow('/nonexistent.wav');
  });
});

describe('sinks', () => {
  it('CommandSink converts to its format and resolves end() when the player has exited', async () => {
    const out = join(tmp(), 'played.raw');
    const sink = new CommandSink({
      command: `sh -c 'sleep 0.2; cat > ${out}; touch ${out}.done'`,
      format: { rate: 16000, width: 2, channels: 1 },
      volume: 0.5,
    });
    const playback = sink.open();
    const samples = new Int16Array(1600).fill(1000);
    await playback.write(
      new AudioChunk({
        rate: 16000,
        width: 2,
        channels: 2,
        audio: new Uint8Array(new Int16Array([...samples, ...samples]).buffer),
      }),
    );
    await playback.end();
    expect(existsSync(`${out}.done`)).toBe(true); // the player had finished
    const played = new Int16Array(new Uint8Array(readFileSync(out)).buffer);
    expect(played.length).toBe(1600);
    expect(played[100]).toBe(500);
  });

  it('CommandSink abort() stops the player at once', async () => {
    const sink = new CommandSink({ command: 'sleep 30' });
    const playback = sink.open();
    const started = performance.now();
    await playback.abort();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('FileSink keeps every finished playback, and none that was aborted', async () => {
    const path = join(tmp(), 'out.wav');
    const sink = new FileSink(path, { format: { rate: 16000, width: 2, channels: 1 } });
    const chunk = (value: number) =>
      new AudioChunk({ rate: 16000, width: 2, channels: 1, audio: new Uint8Array(64).fill(value) });
    const first = sink.open();
    await first.write(chunk(1));
    await first.end();
    const aborted = sink.open();
    await aborted.write(chunk(2));
    await aborted.abort();
    await aborted.end();
    const bytes = readFileSync(path);
    expect(bytes.subarray(44)).toEqual(Buffer.from(new Uint8Array(64).fill(1)));
  });
});

describe('MicGain', () => {
  it('multiplies and clips', () => {
    const samples = new Int16Array([100, -100, 20000, -20000]);
    new MicGain(2).apply(samples);
    expect([...samples]).toEqual([200, -200, 32767, -32768]);
  });

  it('raises quiet speech towards the target level, slowly, and holds on silence', () => {
    const gain = new MicGain(1, 10);
    const quiet = () =>
      Int16Array.from({ length: 1024 }, (_, i) => Math.round(1000 * Math.sin(i / 5)));
    for (let i = 0; i < 100; i++) gain.apply(quiet());
    const raised = gain.currentGain;
    expect(raised).toBeGreaterThan(5);
    gain.apply(new Int16Array(1024));
    expect(gain.currentGain).toBe(raised);
  });
});
