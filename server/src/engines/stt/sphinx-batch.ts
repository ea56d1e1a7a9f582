// One long-lived `pocketsphinx_batch` process used as a decoding server. Its control file and
// its `-hypseg` output are two named pipes (Node's child stdio are sockets, which the program
// cannot fopen), so each line we write ("utt7") makes it decode `<dir>/utt7.raw` and print one
// segmentation line, unbuffered. The acoustic model and the grammar load once, so an utterance
// costs only its decoding. One utterance at a time; an abort or a timeout kills the process,
// and the next call starts a fresh one.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { constants, openSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { EngineError } from '../../errors.js';

/** One decoded utterance, from a `-hypseg` line. */
export interface Hypothesis {
  readonly id: string;
  /** The recognized words without silences, fillers and alternative-pronunciation marks. */
  readonly words: readonly string[];
  /** Acoustic log-likelihood of the best path (pocketsphinx's scaled log base 1.0001). */
  readonly acousticScore: number;
  /** Frames (10 ms) up to the end of the last segment; 0 when nothing was recognized. */
  readonly frames: number;
  /** Frames inside words, silences and noises left out. */
  readonly speechFrames: number;
  /** Every segment of the best path, fillers included, in order. */
  readonly segments: readonly Segment[];
}

/** One word (or filler) of a hypothesis: frames `start` (inclusive) to `end` (exclusive). */
export interface Segment {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** Its acoustic score. */
  readonly acousticScore: number;
  readonly filler: boolean;
}

/** Silences, noises, sentence marks and the end-of-path `(NULL)`. */
const isFiller = (word: string) => /^[<([]/.test(word);

/**
 * Parses `uttid S 0 T total A acoustic L language (sf ascr lscr word)* ef`. A decoding that
 * reached no final state prints no segments (and an undefined end frame): no words, 0 frames.
 */
export function parseHypseg(line: string): Hypothesis {
  const fields = line.trim().split(/\s+/);
  const [id, s, , t, , a, acoustic, l] = fields;
  if (!id || s !== 'S' || t !== 'T' || a !== 'A' || l !== 'L') {
    throw new EngineError('phrase', `unexpected pocketsphinx output: ${line.slice(0, 200)}`);
  }
  const segments = fields.slice(9);
  const count = Math.floor(segments.length / 4);
  const frames = count > 0 ? Number(segments[segments.length - 1]) : 0;
  const words: string[] = [];
  const parsed: Segment[] = [];
  let speechFrames = 0;
  for (let i = 0; i < count; i++) {
    const raw = segments[i * 4 + 3]!;
    const start = Number(segments[i * 4]);
    const end = i + 1 < count ? Number(segments[(i + 1) * 4]) : frames;
    const filler = isFiller(raw);
    const word = filler ? raw : raw.replace(/\(\d+\)$/, '');
    parsed.push({ word, start, end, acousticScore: Number(segments[i * 4 + 1]), filler });
    if (filler) continue;
    words.push(word);
    speechFrames += Math.max(0, end - start);
  }
  return {
    id,
    words,
    acousticScore: Number(acoustic),
    frames: Number.isFinite(frames) ? frames : 0,
    speechFrames: Number.isFinite(speechFrames) ? speechFrames : 0,
    segments: parsed,
  };
}

export interface SphinxBatchOptions {
  /** Label used in errors (`phrase`). */
  engine: string;
  /** The `pocketsphinx_batch` binary. */
  binary: string;
  /** Folder the raw utterances (`<id>.raw`, 16 kHz mono s16le) are written to. */
  audioDir: string;
  /** Decoder arguments (`-hmm`, `-dict`, `-fsg`, beams...). */
  args: readonly string[];
  /** Longest wait for one utterance, start-up included (default 15 s). */
  timeoutMs?: number;
  /**
   * Each utterance names its own grammar (`<audioDir>/<name>.fsg`, `-fsgctl`); `args` still give
   * the one loaded at start. Pocketsphinx keeps every grammar it loaded by that name (it reads
   * the file again each time), so callers reuse a few names.
   */
  grammarPerUtterance?: boolean;
}

interface Job {
  readonly id: string;
  resolve(hypothesis: Hypothesis): void;
  reject(error: Error): void;
}

/** A running decoder: the process and our ends of its two pipes. */
interface Running {
  readonly child: ChildProcess;
  readonly control: Socket;
  readonly output: Socket;
  readonly grammars?: Socket;
  readonly fifos: readonly string[];
}

const STDERR_TAIL = 4096;
const run = promisify(execFile);
let fifoCount = 0;

export class SphinxBatch {
  private running: Promise<Running> | undefined;
  private stderrTail = '';
  private current: Job | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: SphinxBatchOptions) {}

  /**
   * Decodes `<audioDir>/<id>.raw` (with `<audioDir>/<grammar>.fsg` when given and the decoder
   * takes a grammar per utterance). Waits for earlier utterances first.
   */
  decode(id: string, signal?: AbortSignal, grammar?: string): Promise<Hypothesis> {
    const next = this.chain.then(() => this.decodeNow(id, signal, grammar));
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Lets queued utterances finish (even ones queued meanwhile), then stops the process. */
  async close(): Promise<void> {
    for (let chain = this.chain; ; chain = this.chain) {
      await chain;
      if (chain === this.chain) break;
    }
    this.closed = true;
    const running = await this.running?.catch(() => undefined);
    this.running = undefined;
    if (!running) return;
    const exited = new Promise((resolve) => running.child.once('close', resolve));
    running.grammars?.end();
    running.control.end();
    const timer = setTimeout(() => running.child.kill('SIGKILL'), 2000);
    if (running.child.exitCode === null && running.child.signalCode === null) await exited;
    clearTimeout(timer);
  }

  private async decodeNow(id: string, signal?: AbortSignal, grammar?: string): Promise<Hypothesis> {
    if (this.closed) throw this.error('decoder is closed');
    if (this.options.grammarPerUtterance && !grammar) {
      throw this.error('this decoder needs a grammar for each utterance');
    }
    signal?.throwIfAborted();
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const started = this.start();
    return new Promise<Hypothesis>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.current = undefined;
      };
      const fail = (error: Error) => {
        finish();
        reject(error);
      };
      const onAbort = () => {
        this.kill();
        fail(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const timer = setTimeout(() => {
        this.kill();
        fail(this.error(`no result after ${timeoutMs} ms`, true));
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.current = { id, resolve: (hypothesis) => (finish(), resolve(hypothesis)), reject: fail };
      started.then(
        (running) => this.current?.id === id && this.send(running, id, grammar),
        (error: Error) => this.current?.id === id && fail(error),
      );
    });
  }

  private send(running: Running, id: string, grammar: string | undefined): void {
    if (running.grammars) running.grammars.write(`${grammar}\n`);
    running.control.write(`${id}\n`);
  }

  /** The running process, started when there is none. */
  private start(): Promise<Running> {
    this.running ??= this.spawn();
    const running = this.running;
    running.catch(() => {
      if (this.running === running) this.running = undefined;
    });
    return running;
  }

  private async spawn(): Promise<Running> {
    const { binary, audioDir, args } = this.options;
    const name = `sphinx-${process.pid}-${++fifoCount}`;
    const perUtterance = this.options.grammarPerUtterance === true;
    const fifos = [join(audioDir, `${name}.ctl`), join(audioDir, `${name}.out`)];
    if (perUtterance) fifos.push(join(audioDir, `${name}.fsgctl`));
    await run('mkfifo', ['-m', '600', ...fifos]);
    // Read-write opens of a FIFO never block, and keep it open whatever the other side does.
    const open = (path: string) => openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
    const control = new Socket({ fd: open(fifos[0]!), readable: false, writable: true });
    const output = new Socket({ fd: open(fifos[1]!), readable: true, writable: false });
    const grammars = perUtterance
      ? new Socket({ fd: open(fifos[2]!), readable: false, writable: true })
      : undefined;
    const child = spawn(
      binary,
      [
        ...['-ctl', fifos[0]!, '-hypseg', fifos[1]!],
        ...(perUtterance ? ['-fsgctl', fifos[2]!, '-fsgdir', audioDir, '-fsgext', '.fsg'] : []),
        ...['-adcin', 'yes', '-cepdir', audioDir, '-cepext', '.raw'],
        ...args,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const running: Running = { child, control, output, grammars, fifos };
    this.stderrTail = '';
    control.on('error', () => {}); // an exit is reported by 'close'
    grammars?.on('error', () => {});
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL);
    });
    createInterface({ input: output }).on('line', (line) => this.onLine(line));
    child.on('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT';
      this.onExit(running, this.error(missing ? `${binary} not found` : error.message, !missing));
    });
    child.on('close', (code, signal) => {
      const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
      this.onExit(running, this.error(`${binary} ${why}${this.lastError()}`, signal !== null));
    });
    return running;
  }

  private onLine(line: string): void {
    const job = this.current;
    if (!job || !line.startsWith(`${job.id} `)) return;
    try {
      job.resolve(parseHypseg(line));
    } catch (error) {
      job.reject(error as Error);
    }
  }

  private onExit(running: Running, error: EngineError): void {
    running.control.destroy();
    running.output.destroy();
    running.grammars?.destroy();
    for (const fifo of running.fifos) void unlink(fifo).catch(() => {});
    void this.running?.then((current) => {
      if (current !== running) return;
      this.running = undefined;
      this.current?.reject(error);
    });
  }

  private kill(): void {
    const running = this.running;
    this.running = undefined;
    void running?.then((r) => r.child.kill('SIGKILL')).catch(() => {});
  }

  /** The last error line pocketsphinx logged, if any. */
  private lastError(): string {
    const lines = this.stderrTail.split('\n').filter((line) => /ERROR|FATAL/.test(line));
    const last = lines.at(-1)?.trim();
    return last ? `: ${last}` : '';
  }

  private error(message: string, retryable = false): EngineError {
    return new EngineError(this.options.engine, message, { retryable });
  }
}
