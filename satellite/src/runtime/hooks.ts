import { spawn } from 'node:child_process';
import { type Event, type Logger, silentLogger } from 'wyoming-ts';
import { WyomingClient } from 'wyoming-ts/node';
import { splitCommand } from '../audio/command-line.js';

/** The `--*-command` hooks, by the event that runs them. */
export const HOOK_FLAGS = {
  detection: 'detection-command',
  transcript: 'transcript-command',
  'voice-started': 'stt-start-command',
  'voice-stopped': 'stt-stop-command',
  synthesize: 'synthesize-command',
  'audio-start': 'tts-start-command',
  'audio-stop': 'tts-stop-command',
  played: 'tts-played-command',
  'streaming-started': 'streaming-start-command',
  'streaming-stopped': 'streaming-stop-command',
  error: 'error-command',
  'satellite-connected': 'connected-command',
  'satellite-disconnected': 'disconnected-command',
  'timer-started': 'timer-started-command',
  'timer-updated': 'timer-updated-command',
  'timer-cancelled': 'timer-cancelled-command',
  'timer-finished': 'timer-finished-command',
} as const;

export type HookFlag = (typeof HOOK_FLAGS)[keyof typeof HOOK_FLAGS];

/** What a hook gets on stdin, as wyoming-satellite gives it. */
export function hookInput(event: Event): string {
  switch (event.type) {
    case 'detection':
      return String(event.data.name ?? '');
    case 'transcript':
    case 'synthesize':
    case 'error':
      return String(event.data.text ?? '');
    case 'timer-started':
    case 'timer-updated':
      return JSON.stringify({ type: event.type, data: event.data });
    case 'timer-cancelled':
    case 'timer-finished':
      return String(event.data.id ?? '');
    default:
      return '';
  }
}

/** Events never forwarded to the event service: audio and keep-alives. */
const NOT_FORWARDED = new Set(['audio-chunk', 'ping', 'pong']);

export interface EventHooksOptions {
  commands: Partial<Record<HookFlag, string>>;
  /** A Wyoming event service that gets every event (LEDs, displays). */
  eventUri?: string;
  logger?: Logger;
}

/**
 * Runs the user's hook commands and forwards events to the event service. Commands run one
 * after another in event order, without holding up the satellite; failures are logged.
 */
export class EventHooks {
  private chain: Promise<void> = Promise.resolve();
  private forwarder: WyomingClient | undefined;
  private connecting: Promise<void> | undefined;
  private readonly logger: Logger;
  private closed = false;

  constructor(private readonly options: EventHooksOptions) {
    this.logger = options.logger ?? silentLogger;
    for (const [flag, command] of Object.entries(options.commands)) {
      if (command) splitCommand(command, `--${flag}`);
    }
  }

  onEvent(event: Event): void {
    const flag = HOOK_FLAGS[event.type as keyof typeof HOOK_FLAGS] as HookFlag | undefined;
    const command = flag ? this.options.commands[flag] : undefined;
    if (command) {
      const input = hookInput(event);
      void this.runCommand(flag!, command, input);
    }
    if (this.options.eventUri && !NOT_FORWARDED.has(event.type)) void this.forward(event);
  }

  /** Waits for queued commands (tests, shutdown). */
  async idle(): Promise<void> {
    await this.chain;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.chain;
    await this.forwarder?.disconnect();
  }

  /** Runs one command after those already queued (`--startup-command`). */
  runCommand(flag: string, command: string, input = ''): Promise<void> {
    this.chain = this.chain.then(() => this.spawnCommand(flag, command, input));
    return this.chain;
  }

  private spawnCommand(flag: string, command: string, input: string): Promise<void> {
    const [program, ...args] = splitCommand(command, `--${flag}`);
    return new Promise((resolve) => {
      const child = spawn(program!, args, { stdio: ['pipe', 'ignore', 'pipe'] });
      child.stderr!.on('data', (data: Buffer) =>
        this.logger.debug(`${flag}: ${String(data).trim()}`),
      );
      child.on('error', (error) => {
        this.logger.warn(`--${flag} failed to start: ${error.message}`);
        resolve();
      });
      child.on('close', (code) => {
        if (code) this.logger.warn(`--${flag} exited with code ${code}`);
        resolve();
      });
      child.stdin!.on('error', () => {});
      child.stdin!.end(input);
    });
  }

  private async forward(event: Event): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.forwarder?.isConnected) {
        this.connecting ??= WyomingClient.connect(this.options.eventUri!, {
          connectTimeoutMs: 2000,
        })
          .then((client) => {
            this.forwarder = client;
          })
          .finally(() => {
            this.connecting = undefined;
          });
        await this.connecting;
      }
      await this.forwarder!.write(event);
    } catch (error) {
      this.logger.debug(`event service unavailable: ${(error as Error).message}`);
    }
  }
}
