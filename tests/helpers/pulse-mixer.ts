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
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    /** The environment that points alsa-lib's pulse plugin at this daemon. */
    readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The ALSA control device to give `amixer -D`. */
  readonly device = 'pulse';

  static async start(): Promise<PulseMixer> {
    const dir = mkdtempSync(join(tmpdir(), 'jarvis-pulse-'));
    const socket = join(dir, 'native');
    writeFileSync(
      join(dir, 'daemon.pa'),
      [
        'load-module module-null-sink sink_name=jarvis_null',
        `load-module module-native-protocol-unix auth-anonymous=1 socket=${socket}`,
        '',
      ].join('\n'),
    );
    const home = { HOME: dir, XDG_RUNTIME_DIR: dir, XDG_CONFIG_HOME: dir };
    const child = spawn(
      'pulseaudio',
      [
        ...['-n', '-F', join(dir, 'daemon.pa'), '--daemonize=no', '--exit-idle-time=-1'],
        ...['--use-pid-file=no', '--disallow-exit', '--disable-shm=yes'],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...home } },
    );
    let log = '';
    child.stderr!.on('data', (data) => (log += data));
    const env = { ...process.env, ...home, PULSE_SERVER: `unix:${socket}` };
    const mixer = new PulseMixer(child, dir, env);
    // Ready when the pulse control plugin answers.
    for (let tries = 0; ; tries++) {
      if (child.exitCode !== null) throw new Error(`pulseaudio exited:\n${log}`);
      if (existsSync(socket) && (await mixer.amixer('sget', 'Capture').catch(() => undefined)))
        return mixer;
      if (tries > 600) throw new Error(`pulseaudio did not answer:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  amixer(...args: string[]): Promise<string> {
    return run('amixer', ['-D', this.device, ...args], { env: this.env }).then((r) => r.stdout);
  }

  /** Turns the capture switch on or off, as `amixer sset Capture cap|nocap` does. */
  async setCapture(on: boolean): Promise<void> {
    await this.amixer('sset', 'Capture', on ? 'cap' : 'nocap');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
