import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AudioChunk, type Logger, readWav, TimerFinished } from 'wyoming-ts';
import { CaptureSwitchWatch } from '../audio/capture-switch.js';
import { MicGain } from '../audio/gain.js';
import { CommandMic, FileMic, type MicSource } from '../audio/mic.js';
import { CommandSink, type AudioSink, FileSink } from '../audio/sink.js';
import { SileroVad } from '../engines/vad/silero-vad.js';
import { VadStream } from '../engines/vad/vad-stream.js';
import { OpenWakeWord } from '../engines/wake/openwakeword.js';
import { SpeechGate } from '../engines/wake/speech-gate.js';
import { loadVerifier, type Verifier } from '../engines/wake/verifier.js';
import type { WakeWordModel } from '../engines/wake/wake-word.js';
import { RnnoiseDenoiser } from '../engines/denoise/rnnoise.js';
import { ConfigError } from '../errors.js';
import type { SatelliteMode, SoundName } from '../machine/types.js';
import { EventHooks, HOOK_FLAGS, type HookFlag } from '../runtime/hooks.js';
import { Listener } from '../runtime/listener.js';
import { MicHealth } from '../runtime/mic-health.js';
import { Satellite } from '../runtime/satellite.js';
import { buildInfo } from '../runtime/info.js';
import { Speaker } from '../runtime/speaker.js';
import { LocalTimers } from '../runtime/timers.js';
import type { SatelliteOptions } from './schema.js';
import { routeDetection, stopWordOf, wakeWordsOf } from './wake-words.js';

const SOUNDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sounds');

export function modeOf(options: SatelliteOptions): SatelliteMode {
  if (options.vad) return 'vad';
  if (options['always-stream']) return 'always';
  return 'wake';
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
  /** None for an output-only satellite (`--no-mic`). */
  listener: Listener | undefined;
  hooks: EventHooks;
  wakeModels: WakeWordModel[];
  stopWord: WakeWordModel | undefined;
  name: string;
  close(): Promise<void>;
}

function loadSounds(options: SatelliteOptions) {
  const sounds: Partial<Record<SoundName, AudioChunk>> = {
    awake: loadSound('awake-wav', options['awake-wav'], 'awake.wav'),
    done: loadSound('done-wav', options['done-wav'], 'done.wav'),
    error: loadSound('error-wav', options['error-wav'], 'error.wav'),
  };
  const timer = loadSound(
    'timer-finished-wav',
    options['timer-finished-wav'],
    'timer-finished.wav',
  );
  return { sounds, timer };
}

/** `--wake-verifier` files, one per wake word; a bad file stops the start naming it. */
function loadVerifiers(options: SatelliteOptions, wake: readonly WakeWordModel[]) {
  const verifiers = new Map<string, Verifier>();
  const threshold = options['wake-verifier-threshold'];
  for (const path of options['wake-verifier'] ?? []) {
    const verifier = loadVerifier(
      path,
      wake.map((model) => model.name),
    );
    const trainedDenoised = verifier.trainedWithNoiseSuppression;
    if (trainedDenoised !== undefined && trainedDenoised !== options['wake-noise-suppression']) {
      const flag = trainedDenoised ? '--wake-noise-suppression' : '--no-wake-noise-suppression';
      throw new ConfigError(
        `the verifier was trained ${trainedDenoised ? 'through RNNoise' : 'on raw audio'} and the ` +
          `wake word hears ${trainedDenoised ? 'raw audio' : 'through RNNoise'}: run with ${flag}, ` +
          `or enrol again with the same setting`,
        path,
      );
    }
    if (verifiers.has(verifier.wakeWord)) {
      throw new ConfigError(`a second verifier for ${verifier.wakeWord}`, path);
    }
    if (threshold > 0) verifier.threshold = threshold;
    verifiers.set(verifier.wakeWord, verifier);
  }
  return verifiers;
}

/** The microphone side: the engines loaded and the listener wired to the satellite. */
async function buildListener(
  options: SatelliteOptions,
  satellite: Satellite,
  models: { wake: WakeWordModel[]; stop: WakeWordModel | undefined },
  logger: Logger,
) {
  const all = models.stop ? [...models.wake, models.stop] : models.wake;
  const verifiers = loadVerifiers(options, models.wake);
  const vad = await SileroVad.load();
  const threshold = options['wake-vad-threshold'];
  const slowed = options['wake-speed-variants'];
  const speedVariants = slowed > 0 ? { preThreshold: slowed } : undefined;
  const wake =
    all.length > 0 ? await OpenWakeWord.load({ models: all, verifiers, speedVariants }) : undefined;
  wake?.onRefused((refused) =>
    logger.debug(
      `${refused.name} (${refused.score.toFixed(2)}) refused by the verifier (${refused.verified.toFixed(2)})`,
    ),
  );
  const denoiser =
    wake && options['wake-noise-suppression'] ? await RnnoiseDenoiser.load() : undefined;
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
    denoiser,
    // A file is not real time: its rate is not checked.
    health: new MicHealth({
      logger,
      now: options['mic-file'] ? undefined : () => performance.now(),
    }),
    gate: threshold > 0 ? new SpeechGate({ threshold }) : undefined,
    needs: () => satellite.needs(),
    callbacks: {
      onChunk: (pcm, timestampMs) => satellite.onChunk(pcm, timestampMs),
      onWake: (detection) => satellite.dispatch(routeDetection(detection, models.stop?.name)),
      onSpeech: (event) => satellite.dispatch(event),
    },
    prerollSeconds: options['vad-buffer-seconds'],
    maxBacklog: options['mic-file'] ? Number.POSITIVE_INFINITY : 32,
    logger,
  });
  satellite.useListener(listener);
  const close = async () => {
    await listener.stop();
    await Promise.all([vad.close(), wake?.close()]);
    denoiser?.close();
  };
  return { listener, close };
}

/** `--mic-mixer-control`: the sound card's capture switch mutes the satellite, and is reported. */
async function watchCaptureSwitch(
  options: SatelliteOptions,
  satellite: Satellite,
  logger: Logger,
): Promise<CaptureSwitchWatch | undefined> {
  const control = options['mic-mixer-control'];
  if (control === undefined) return undefined;
  if (options['no-mic'])
    throw new ConfigError('needs a microphone (not --no-mic)', '--mic-mixer-control');
  return CaptureSwitchWatch.start({
    device: options['mic-mixer-device'],
    control,
    onChange: (off) => satellite.dispatch({ type: 'mic-switch', on: !off }),
    logger,
  });
}

/** Loads the engines and wires every part of a satellite from its options. */
export async function buildSatellite(
  options: SatelliteOptions,
  logger: Logger,
): Promise<SatelliteParts> {
  const mode = modeOf(options);
  const name = options.name ?? hostname();
  const hasMic = !options['no-mic'];
  const wakeModels = mode === 'wake' && hasMic ? wakeWordsOf(options) : [];
  const stopWord = stopWordOf(options, wakeModels);
  const { sounds, timer: timerSound } = loadSounds(options);
  const commands: Partial<Record<HookFlag, string>> = {};
  for (const flag of Object.values(HOOK_FLAGS)) commands[flag] = options[flag];
  const hooks = new EventHooks({ commands, eventUri: options['event-uri'], logger });
  const speaker = new Speaker(buildSink(options, logger), logger);
  const timers = new LocalTimers({
    ringOnce: () => (timerSound ? speaker.playClip(timerSound) : Promise.resolve(false)),
    maxRingMs: options['timer-finished-max-seconds'] * 1000,
    onFinished: (id) => hooks.onEvent(new TimerFinished({ id }).toEvent()),
    logger,
  });
  const info = () => buildInfo({ name, area: options.area, mode, wakeModels, hasMic });
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
  const micSwitch = await watchCaptureSwitch(options, satellite, logger);
  const ears = hasMic
    ? await buildListener(options, satellite, { wake: wakeModels, stop: stopWord }, logger)
    : undefined;
  return {
    satellite,
    listener: ears?.listener,
    hooks,
    wakeModels,
    stopWord,
    name,
    close: async () => {
      await micSwitch?.stop();
      await ears?.close();
      await satellite.stop();
      await hooks.close();
    },
  };
}
