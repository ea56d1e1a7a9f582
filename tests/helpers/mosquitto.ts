// A real Mosquitto broker (the Debian `mosquitto` package) for tests, listening on a unix socket
// in a fresh directory: no port to race for. It can be killed and started again on the same
// socket (a broker restart; nothing is persisted, as with `persistence false`). And a watcher:
// an MQTT client that records every message, as Home Assistant would see them.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';

export class Mosquitto {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(
    readonly dir: string,
    readonly socket: string,
  ) {}

  /** Starts a broker on `<dir>/mqtt.sock`. */
  static async start(): Promise<Mosquitto> {
    const dir = mkdtempSync(join(tmpdir(), 'jarvis-mosquitto-'));
    const broker = new Mosquitto(dir, join(dir, 'mqtt.sock'));
    writeFileSync(
      join(dir, 'mosquitto.conf'),
      [
        `listener 0 ${broker.socket}`,
        'allow_anonymous true',
        'persistence false',
        // As root, Mosquitto would drop to the `mosquitto` user, who cannot write `dir`.
        `user ${userInfo().username}`,
        'log_dest stderr',
        'log_type error',
        'log_type warning',
        'log_type notice',
        'log_type information',
        '',
      ].join('\n'),
    );
    await broker.run();
    return broker;
  }

  /** What clients are configured with. */
  get url(): string {
    return `mqtt+unix://${this.socket}`;
  }

  log(): string {
    return this.output;
  }

  /** Kills the broker at once (SIGKILL: no last will goes out to clients, as in a crash). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** Starts it again on the same socket. */
  restart(): Promise<void> {
    return this.run();
  }

  /** Stops the broker (for good: its directory goes too). */
  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async run(): Promise<void> {
    const child = spawn('mosquitto', ['-c', join(this.dir, 'mosquitto.conf')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let seen = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (data: Buffer) => {
        seen += data.toString();
        this.output += data.toString();
        if (/mosquitto version \S+ running/.test(seen)) resolve();
      };
      child.stderr!.on('data', onData);
      child.stdout!.on('data', onData);
      child.once('exit', (code) =>
        reject(new Error(`mosquitto exited with ${code} before running:\n${seen}`)),
      );
      child.once('error', reject);
    });
  }
}

export interface Message {
  readonly topic: string;
  readonly payload: string;
  readonly retain: boolean;
}

/** An MQTT client that records every message on the broker (`#`), retained ones included. */
export class MqttWatcher {
  readonly messages: Message[] = [];
  /** The last payload per topic (an empty payload deletes the topic, as retained state does). */
  readonly latest = new Map<string, string>();

  private constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const text = payload.toString();
      this.messages.push({ topic, payload: text, retain: packet.retain });
      if (text === '') this.latest.delete(topic);
      else this.latest.set(topic, text);
    });
  }

  static async connect(url: string): Promise<MqttWatcher> {
    const client = await mqtt.connectAsync(url, { protocolVersion: 5, reconnectPeriod: 200 });
    const watcher = new MqttWatcher(client);
    await client.subscribeAsync('#', { qos: 1 });
    return watcher;
  }

  json<T = Record<string, unknown>>(topic: string): T | undefined {
    const payload = this.latest.get(topic);
    return payload ? (JSON.parse(payload) as T) : undefined;
  }

  /** Publishes as Home Assistant would (a command, a birth message). */
  async publish(topic: string, payload: string, retain = false): Promise<void> {
    await this.client.publishAsync(topic, payload, { qos: 1, retain });
  }

  close(): Promise<void> {
    return this.client.endAsync(true);
  }
}
