import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AudioChunk, type Logger, readWav, TimerFinished } from 'wyoming-ts';
import { MicGain } from '../audio/gain.js';
import { CommandMic, FileMic, type MicSource } from '../audio/mic.js';
import { CommandSink, type AudioSink, FileSink } from '../audio/sink.js';
import { SileroVad } from '../engines/vad/silero-vad.js';
import { VadStream } from '../engines/vad/vad-stream.js';
import { resolveWakeWordModels, type TriggerOverrides } from '../engines/wake/builtin-models.js';
import { OpenWakeWord } from '../engines/wake/openwakeword.js';
import type { WakeWordDetector, WakeWordModel } from '../engines/wake/wake-word.js';
import { ConfigError } from '../errors.js';
import type { SatelliteMode, SoundName } from '../machine/types.js';
import { EventHooks, HOOK_FLAGS, type HookFlag } from '../runtime/hooks.js';
import { Listener } from '../runtime/listener.js';
import { Satellite } from '../runtime/satellite.js';
import { buildInfo } from '../runtime/info.js';
import { Speaker } from '../runtime/speaker.js';
import { LocalTimers } from '../runtime/timers.js';
import type { SatelliteOptions } from './schema.js';

const SOUNDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sounds');

export function modeOf(options: SatelliteOptions): SatelliteMode {
  if (options.vad) return 'vad';
  if (options['always-stream']) return 'always';
  return 'wake';
}

/** `--wake-word-name NAME[:THRESHOLD[:TRIGGER_LEVEL]]`, repeatable. */
export function wakeWordsOf(options: SatelliteOptions): WakeWordModel[] {
  const names: string[] = [];
  const perWord: Record<string, TriggerOverrides> = {};
  for (const entry of options['wake-word-name']) {
    const [name, threshold, level] = entry.split(':');
    names.push(name!);
    const overrides: { threshold?: number; triggerLevel?: number } = {};
    if (threshold) overrides.threshold = numberIn(threshold, 0, 1, entry);
    if (level) overrides.triggerLevel = numberIn(level, 1, 50, entry);
    perWord[name!] = overrides;
  }
  return resolveWakeWordModels({
    names,
    modelDir: options['wake-model-dir'],
    threshold: options['wake-threshold'],
    triggerLevel: options['wake-trigger-level'],
    refractoryMs: options['wake-refractory-seconds'] * 1000,
    perWord,
  });
}

function numberIn(text: string, min: number, max: number, entry: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(
      `'${entry}': expected NAME[:THRESHOLD[:TRIGGER_LEVEL]]`,
      '--wake-word-name',
    );
  }
  return value;
}

/** A sound flag: unset = the bundled sound, "" = none, else the file (which must exist). */
function loadSound(
  flag: string,
  value: string | undefined,
  bundled: string,
): AudioChunk | undefined {
  if (value === '') return undefined;
  const path = value ?? join(SOUNDS_DIR, bundled);
  if (!existsSync(path)) throw new ConfigError(`no such file: ${path}`, `--${flag}`);
  try {
    return new AudioChunk({ ...readWav(new Uint8Array(readFileSync(path))) });
  } catch (error) {
    throw new ConfigError(`${path}: ${(error as Error).message}`, `--${flag}`);
  }
}

export function buildMic(options: SatelliteOptions, logger: Logger): MicSource {
  if (options['mic-file'])
    return new FileMic({ path: options['mic-file'], fast: options['mic-file-fast'] });
  return new CommandMic({
    command: options['mic-command'],
    format: {
      rate: options['mic-command-rate'],
      width: options['mic-command-width'],
      channels: options['mic-command-channels'],
    },
    logger,
  });
}

export function buildSink(options: SatelliteOptions, logger: Logger): AudioSink {
  const format = {
    rate: options['snd-command-rate'],
    width: options['snd-command-width'],
    channels: options['snd-command-channels'],
  };
  const volume = options['snd-volume-multiplier'];
  if (options['snd-file']) return new FileSink(options['snd-file'], { format, volume });
  return new CommandSink({ command: options['snd-command'], format, volume, logger });
}

export interface SatelliteParts {
  satellite: Satellite;
  listener: Listener;
  hooks: EventHooks;
  wakeModels: WakeWordModel[];
  name: string;
  close(): Promise<void>;
}

/** Loads the engines and wires every part of a satellite from its options. */
export async function buildSatellite(
  options: SatelliteOptions,
  logger: Logger,
): Promise<SatelliteParts> {
  const mode = modeOf(options);
  const name = options.name ?? hostname();
  const wakeModels = mode === 'wake' ? wakeWordsOf(options) : [];
  const sounds: Partial<Record<SoundName, AudioChunk>> = {
    awake: loadSound('awake-wav', options['awake-wav'], 'awake.wav'),
    done: loadSound('done-wav', options['done-wav'], 'done.wav'),
    error: loadSound('error-wav', options['error-wav'], 'error.wav'),
  };
  const timerSound = loadSound(
    'timer-finished-wav',
    options['timer-finished-wav'],
    'timer-finished.wav',
  );
  const commands: Partial<Record<HookFlag, string>> = {};
  for (const flag of Object.values(HOOK_FLAGS)) commands[flag] = options[flag];
  const hooks = new EventHooks({ commands, eventUri: options['event-uri'], logger });
  const vad = await SileroVad.load();
  const wake: WakeWordDetector | undefined =
    mode === 'wake' ? await OpenWakeWord.load({ models: wakeModels }) : undefined;
  const speaker = new Speaker(buildSink(options, logger), logger);
  const timers = new LocalTimers({
    ringOnce: () => (timerSound ? speaker.playClip(timerSound) : Promise.resolve(false)),
    maxRingMs: options['timer-finished-max-seconds'] * 1000,
    onFinished: (id) => hooks.onEvent(new TimerFinished({ id }).toEvent()),
    logger,
  });
  const info = () => buildInfo({ name, area: options.area, mode, wakeModels });
  const satellite = new Satellite({
    mode,
    muted: options.muted,
    info,
    speaker,
    sounds,
    timers,
    hooks,
    vadWakeWordTimeoutMs: options['vad-wake-word-timeout'] * 1000,
    allowTakeover: options['allow-takeover'],
    logger,
  });
  const listener = new Listener({
    mic: buildMic(options, logger),
    gain: new MicGain(options['mic-volume-multiplier'], options['mic-auto-gain']),
    vad: new VadStream({
      detector: vad,
      threshold: options['vad-threshold'],
      minSpeechMs: options['vad-min-speech-ms'],
      trailingSilenceMs: options['vad-trailing-silence-ms'],
    }),
    wake,
    needs: () => satellite.needs(),
    callbacks: {
      onChunk: (pcm, timestampMs) => satellite.onChunk(pcm, timestampMs),
      onWake: (detection) => satellite.dispatch({ type: 'wake-detected', ...detection }),
      onSpeech: (event) => satellite.dispatch(event),
    },
    prerollSeconds: options['vad-buffer-seconds'],
    maxBacklog: options['mic-file'] ? Number.POSITIVE_INFINITY : 32,
    logger,
  });
  satellite.useListener(listener);
  return {
    satellite,
    listener,
    hooks,
    wakeModels,
    name,
    close: async () => {
      await listener.stop();
      await satellite.stop();
      await hooks.close();
      await Promise.all([vad.close(), wake?.close()]);
    },
  };
}
