// A real ALSA mixer for tests on a machine without a sound card: PulseAudio (the Debian
// `pulseaudio` package) with a null sink, in a fresh directory on its own socket, seen through
// alsa-lib's `pulse` control plugin (`libasound2-plugins`). `amixer -D pulse` then shows a
// `Capture` control whose switch mutes PulseAudio's default source, and `amixer events` follows
// it, as it follows a HAT's codec.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class PulseMixer {
  private child: ChildProcess | undefined;
  private log = '';
  /** The ALSA control device to give `amixer -D`. */
  readonly device = 'pulse';
  /** The environment that points alsa-lib's pulse plugin at this daemon. */
  readonly env: NodeJS.ProcessEnv;
  private readonly home: NodeJS.ProcessEnv;
  private readonly socket: string;

  private constructor(private readonly dir: string) {
    this.socket = join(dir, 'native');
    this.home = { HOME: dir, XDG_RUNTIME_DIR: dir, XDG_CONFIG_HOME: dir };
    this.env = { ...process.env, ...this.home, PULSE_SERVER: `unix:${this.socket}` };
    writeFileSync(
      join(dir, 'daemon.pa'),
      [
        'load-module module-null-sink sink_name=jarvis_null',
        `load-module module-native-protocol-unix auth-anonymous=1 socket=${this.socket}`,
        '',
      ].join('\n'),
    );
  }

  static async start(): Promise<PulseMixer> {
    const mixer = new PulseMixer(mkdtempSync(join(tmpdir(), 'jarvis-pulse-')));
    await mixer.launch();
    return mixer;
  }

  amixer(...args: string[]): Promise<string> {
    return run('amixer', ['-D', this.device, ...args], { env: this.env }).then((r) => r.stdout);
  }

  /** Turns the capture switch on or off, as `amixer sset Capture cap|nocap` does. */
  async setCapture(on: boolean): Promise<void> {
    await this.amixer('sset', 'Capture', on ? 'cap' : 'nocap');
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    rmSync(this.socket, { force: true });
    const child = spawn(
      'pulseaudio',
      [
        ...['-n', '-F', join(this.dir, 'daemon.pa'), '--daemonize=no', '--exit-idle-time=-1'],
        ...['--use-pid-file=no', '--disallow-exit', '--disable-shm=yes'],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...this.home } },
    );
    this.child = child;
    child.stderr!.on('data', (data) => (this.log += data));
    // Ready when the pulse control plugin answers.
    for (let tries = 0; ; tries++) {
      if (child.exitCode !== null) throw new Error(`pulseaudio exited:\n${this.log}`);
      if (existsSync(this.socket) && (await this.amixer('sget', 'Capture').catch(() => undefined)))
        return;
      if (tries > 600) throw new Error(`pulseaudio did not answer:\n${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
