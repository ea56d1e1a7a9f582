// Text-to-speech with espeak-ng (Debian package `espeak-ng`): one process per request,
// `espeak-ng --stdout -b 1 -v VOICE -s RATE` with the text on stdin. espeak writes a WAV
// (22050 Hz, mono, 16-bit) to stdout clause by clause, so the first audio is out long before a
// long text is done; it is passed on as it comes. An abort kills the process.
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import type { Logger } from 'wyoming-ts';
import { EngineError } from '../../errors.js';
import type { SynthesisRequest, SynthesizedAudio, TextToSpeech, VoiceInfo } from './tts.js';
import { readWavStream } from './wav-stream.js';

export interface EspeakTtsOptions {
  /** The espeak-ng binary (default `espeak-ng` on the PATH). */
  binary?: string;
  /** Voice per language (primary subtag); default `{ en: 'en-us', fr: 'fr-fr' }`. */
  voices?: Readonly<Record<string, string>>;
  /** Language when a request names neither voice nor language (default `en`). */
  language?: string;
  /** Words per minute (espeak's `-s`, default 175). */
  rate?: number;
  /** Pitch 0-99 (espeak's `-p`); espeak's default when absent. */
  pitch?: number;
  /**
   * Keep an espeak-ng process started and waiting for its text, with the arguments of the last
   * request, so the next answer's audio does not wait for a process to start (default off).
   */
  warm?: boolean;
  /** For debug messages (never the text itself). */
  logger?: Logger;
}

/** An espeak-ng process, and how it ended (watched from the start: it may end before use). */
interface Speaker {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<{ code: number | null; error?: Error }>;
  /** Its arguments: a spare is only used for a request with the same. */
  readonly args: readonly string[];
}

const ENGINE = 'espeak-ng';
const INSTALL_HINT = 'install it with: apt-get install espeak-ng';
const FORMAT = { rate: 22050, width: 2, channels: 1 } as const;
const DEFAULT_VOICES: Readonly<Record<string, string>> = { en: 'en-us', fr: 'fr-fr' };

/** Parses `espeak-ng --voices`: `Pty Language Age/Gender VoiceName File Other-Languages`. */
export function parseEspeakVoices(output: string): VoiceInfo[] {
  const voices: VoiceInfo[] = [];
  for (const line of output.split('\n').slice(1)) {
    const [, language, , voiceName, , ...rest] = line.trim().split(/\s+/);
    if (!language || !voiceName) continue;
    const others = [...rest.join(' ').matchAll(/\(([^\s()]+) \d+\)/g)].map((match) => match[1]!);
    voices.push({
      name: language,
      languages: [...new Set([language, ...others])],
      description: voiceName.replace(/_/g, ' '),
    });
  }
  return voices;
}

function primary(language: string): string {
  return language.toLowerCase().split(/[-_]/)[0] ?? '';
}

export class EspeakTts implements TextToSpeech {
  readonly name = ENGINE;
  private readonly binary: string;
  private cached: readonly VoiceInfo[] = [];
  private readonly running = new Set<ChildProcessWithoutNullStreams>();
  private spare: Speaker | undefined;
  private closed = false;

  constructor(private readonly options: EspeakTtsOptions = {}) {
    this.binary = options.binary ?? 'espeak-ng';
    this.prepare(this.argsFor(this.voiceFor({})));
  }

  /** The voices `loadVoices` found (empty before it ran). */
  voices(): readonly VoiceInfo[] {
    return this.cached;
  }

  /** Lists espeak-ng's voices once and keeps them. Throws `EngineError` when espeak-ng is missing. */
  async loadVoices(signal?: AbortSignal): Promise<readonly VoiceInfo[]> {
    if (this.cached.length > 0) return this.cached;
    const output = await new Promise<string>((resolve, reject) => {
      execFile(this.binary, ['--voices'], { signal, timeout: 10_000 }, (error, stdout) =>
        error ? reject(this.spawnError(error as NodeJS.ErrnoException)) : resolve(stdout),
      );
    });
    this.cached = parseEspeakVoices(output);
    return this.cached;
  }

  /** The espeak voice a request gets: its own, else the configured one for its language. */
  voiceFor(request: Pick<SynthesisRequest, 'voice' | 'language'>): string {
    if (request.voice) return request.voice;
    const language = request.language ?? this.options.language ?? 'en';
    const voices = { ...DEFAULT_VOICES, ...this.options.voices };
    return voices[primary(language)] ?? language;
  }

  async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesizedAudio> {
    signal?.throwIfAborted();
    if (!request.text.trim()) return { format: FORMAT, chunks: (async function* () {})() };
    const voice = this.voiceFor(request);
    this.options.logger?.debug(`espeak-ng: voice ${voice}, ${request.text.length} characters`);
    const speaker = this.speaker(this.argsFor(voice));
    try {
      const wav = await readWavStream(this.output(speaker, request.text, signal));
      return { format: wav.format, chunks: wav.chunks };
    } catch (error) {
      signal?.throwIfAborted();
      if (error instanceof EngineError) throw error;
      throw new EngineError(ENGINE, `unreadable output: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  private argsFor(voice: string): string[] {
    const args = ['--stdout', '-b', '1', '-v', voice];
    args.push('-s', String(this.options.rate ?? 175));
    if (this.options.pitch !== undefined) args.push('-p', String(this.options.pitch));
    return args;
  }

  /** Kills any synthesis still running, and the spare process. */
  async close(): Promise<void> {
    this.closed = true;
    this.spare = undefined;
    for (const child of this.running) child.kill('SIGKILL');
    this.running.clear();
  }

  /** The spare process when it has these arguments and still runs, else a new one. */
  private speaker(args: string[]): Speaker {
    const spare = this.spare;
    this.spare = undefined;
    const alive = (child: ChildProcessWithoutNullStreams) =>
      child.pid !== undefined && child.exitCode === null && child.signalCode === null;
    const same = spare?.args.join(' ') === args.join(' ');
    if (spare && same && alive(spare.child)) return spare;
    if (spare) spare.child.kill('SIGKILL');
    return this.start(args);
  }

  private start(args: string[]): Speaker {
    const child = spawn(this.binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.running.add(child);
    const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
      child.once('error', (error) => resolve({ code: null, error }));
      child.once('close', (code) => resolve({ code }));
    });
    void exited.then(() => this.running.delete(child));
    child.stdin.on('error', () => {}); // reported through the exit status
    return { child, exited, args };
  }

  /** Starts the next request's process now, while nothing is being synthesized. */
  private prepare(args: readonly string[]): void {
    if (!this.options.warm || this.closed || this.spare) return;
    this.spare = this.start([...args]);
  }

  /** The process's stdout, ending with an `EngineError` when it failed. Killed when left early. */
  private async *output(
    { child, exited, args }: Speaker,
    text: string,
    signal?: AbortSignal,
  ): AsyncGenerator<Uint8Array> {
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (piece: string) => (stderr = (stderr + piece).slice(-1000)));
    const kill = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', kill, { once: true });
    child.stdin.end(text);
    try {
      for await (const chunk of child.stdout) yield chunk as Uint8Array;
      const { code, error } = await exited;
      signal?.throwIfAborted();
      if (error) throw this.spawnError(error);
      if (code !== 0) {
        throw new EngineError(ENGINE, `exited with code ${code}: ${stderr.trim() || 'no message'}`);
      }
    } finally {
      signal?.removeEventListener('abort', kill);
      if (child.exitCode === null && child.signalCode === null) kill();
      this.running.delete(child);
      this.prepare(args);
    }
  }

  private spawnError(error: NodeJS.ErrnoException): EngineError {
    if (error.code === 'ENOENT') {
      return new EngineError(ENGINE, `${this.binary} not found; ${INSTALL_HINT}`, { cause: error });
    }
    return new EngineError(ENGINE, error.message, { cause: error });
  }
}
