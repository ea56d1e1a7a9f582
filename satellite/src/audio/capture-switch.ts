// The microphone's mute at the sound card: the capture switch of an ALSA mixer control
// (`--mic-mixer-control`), read with `amixer sget` at start and again after each switch event
// that `amixer events` prints. A HAT's mute button, `alsamixer` or `amixer sset Capture nocap`
// all land there, so the satellite reports the mute the microphone really has.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { type Logger, silentLogger } from 'wyoming-ts';
import { ConfigError } from '../errors.js';

/**
 * Whether `amixer sget CONTROL`'s output shows the capture switch off on every channel
 * (`Front Left: Capture 65536 [100%] [off]`, `Mono: Playback [on] Capture 16 [100%] [off]`);
 * undefined when the control has no capture switch.
 */
export function captureSwitchOff(sget: string): boolean | undefined {
  const states: boolean[] = [];
  for (const line of sget.split('\n')) {
    const at = line.lastIndexOf('Capture');
    if (at < 0 || !/^\s+[^:]+: /.test(line)) continue;
    const state = /\[(on|off)\]/.exec(line.slice(at))?.[1];
    if (state !== undefined) states.push(state === 'off');
  }
  return states.length === 0 ? undefined : states.every(Boolean);
}

export interface CaptureSwitchOptions {
  /** The ALSA control device (`amixer -D`): `default`, `hw:CARD=seeed2micvoicec`. */
  device: string;
  /** The simple mixer control whose capture switch is the mute (`Capture`). */
  control: string;
  /** Called with the state read at start, then on every change: true when switched off. */
  onChange: (off: boolean) => void;
  logger?: Logger;
  /** The environment of the `amixer` processes (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** Delay before `amixer events` is started again after it ended (default 5 s). */
  retryMs?: number;
}

/** Watches one capture switch until `stop()`. */
export class CaptureSwitchWatch {
  private off: boolean | undefined;
  private events: ChildProcess | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Read once and reported: a failing `amixer events` is tried again from then on. */
  private started = false;
  /** A read is under way; `again`: another event came meanwhile, read once more after it. */
  private reading: Promise<void> | undefined;
  private again = false;
  private warned = false;
  private readonly logger: Logger;

  private constructor(private readonly options: CaptureSwitchOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Reads the switch once (a control without one, or amixer failing, is a `ConfigError` naming
   * the flag), reports it, then follows its events.
   */
  static async start(options: CaptureSwitchOptions): Promise<CaptureSwitchWatch> {
    const watch = new CaptureSwitchWatch(options);
    // Subscribed first, then read: no change falls between the two.
    await watch.follow();
    let output: string;
    try {
      output = await watch.sget();
    } catch (error) {
      await watch.stop();
      throw new ConfigError(
        `amixer -D ${options.device} sget '${options.control}' failed: ${(error as Error).message}`,
        '--mic-mixer-control',
      );
    }
    const off = captureSwitchOff(output);
    if (off === undefined) {
      await watch.stop();
      throw new ConfigError(
        `'${options.control}' on ${options.device} has no capture switch`,
        '--mic-mixer-control',
      );
    }
    watch.report(off);
    watch.started = true;
    // `amixer events` already ended (or never started): follow again in a while.
    const events = watch.events!;
    if (events.pid === undefined || events.exitCode !== null) watch.followAgain(events.exitCode);
    return watch;
  }

  /** The last state read: true when the capture switch is off. */
  get isOff(): boolean {
    return this.off === true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const child = this.events;
    // No pid: it never started (its 'error' was logged), and no 'exit' will come.
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await this.reading;
  }

  private sget(): Promise<string> {
    const { device, control, env } = this.options;
    return new Promise((resolve, reject) =>
      execFile('amixer', ['-D', device, 'sget', control], { env }, (error, stdout, stderr) =>
        error ? reject(new Error(stderr.trim().split('\n')[0] || error.message)) : resolve(stdout),
      ),
    );
  }

  private report(off: boolean): void {
    if (off === this.off) return;
    this.off = off;
    this.logger.info(`microphone ${off ? 'muted' : 'unmuted'} at the sound card`);
    this.options.onChange(off);
  }

  /**
   * `amixer events`, line-buffered (stdbuf: its output to a pipe is otherwise held back).
   * Resolves once it listens ("Ready to listen...") or has ended.
   */
  private follow(): Promise<void> {
    const { device, env } = this.options;
    const child = spawn('stdbuf', ['-oL', 'amixer', '-D', device, 'events'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env,
    });
    this.events = child;
    return new Promise((resolve) => {
      child.on('error', (error) => {
        this.logger.warn(`amixer events: ${error.message}`);
        resolve();
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith('Ready to listen')) resolve();
        // Any value event, not only the switch's: PulseAudio's plugin names the volume for the
        // first change after it opened a muted source. A read costs one amixer run.
        else if (line.startsWith('event value')) this.refresh();
      });
      child.on('exit', (code) => {
        resolve();
        if (this.started && !this.stopped) this.followAgain(code);
      });
    });
  }

  /** `amixer events` ended (the card went away): warned once, started again after a while. */
  private followAgain(code: number | null): void {
    if (!this.warned) {
      const seconds = this.retryMs / 1000;
      this.logger.warn(
        `amixer events on ${this.options.device} ended (${code}): trying again every ${seconds} s`,
      );
      this.warned = true;
    }
    this.retry = setTimeout(
      () => void this.follow().then(() => this.stopped || this.refresh()),
      this.retryMs,
    );
  }

  private get retryMs(): number {
    return this.options.retryMs ?? 5000;
  }

  /** Reads the switch again; events during a read lead to one more read after it. */
  private refresh(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.sget()
      .then((output) => {
        const off = captureSwitchOff(output);
        if (off !== undefined && !this.stopped) this.report(off);
      })
      .catch((error: Error) => this.logger.warn(`amixer sget: ${error.message}`))
      .finally(() => {
        this.reading = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.refresh();
        }
      });
  }
}
