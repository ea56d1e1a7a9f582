import { z } from 'zod';

// The satellite's options: one zod schema for flags, the config file, defaults and `--help`.
// Keys are wyoming-satellite's flag names (without dashes) so its users feel at home; a config
// file uses the same keys. Groups only order the help text.

const text = (help: string) => z.string().optional().describe(help);
const flag = (help: string) => z.boolean().default(false).describe(help);

function number(min: number, max: number, fallback: number, help: string, integer = false) {
  const range = `expected ${integer ? 'a whole number in ' : ''}${min}..${max}`;
  let schema = z
    .number({ invalid_type_error: 'expected a number' })
    .min(min, range)
    .max(max, range);
  if (integer) schema = schema.int(range);
  return schema.default(fallback).describe(help);
}
const whole = (min: number, max: number, fallback: number, help: string) =>
  number(min, max, fallback, help, true);

const uri = z
  .string()
  .regex(/^(tcp:\/\/[^\s:]+:\d+|unix:\/\/\S+)$/, 'expected tcp://host:port or unix://path');

/** `NAME[:THRESHOLD[:TRIGGER_LEVEL]]`; the numbers' ranges are checked where the word loads. */
const wakeWord = z
  .string()
  .regex(/^[^\s:,]+(:\d*\.?\d+(:\d+)?)?$/, 'expected NAME[:THRESHOLD[:TRIGGER_LEVEL]]');

const general = z.object({
  config: text('YAML or JSON file with options (keys are flag names)'),
  uri: uri
    .default('tcp://0.0.0.0:10700')
    .describe('serve Wyoming here for Home Assistant (tcp://host:port or unix://path)'),
  server: uri.optional().describe('connect to a Jarvis server instead (tcp://host:10600)'),
  name: text('satellite name shown in Home Assistant (default: host name)'),
  area: text('area (room) of the satellite'),
  muted: flag('start muted: no listening until unmuted'),
  debug: flag('log at debug level'),
  'no-zeroconf': flag('do not advertise _wyoming._tcp'),
  'zeroconf-name': text('zeroconf service name (default: the satellite name)'),
  'allow-takeover': flag(
    'let a new controller take over from the connected one (default: refuse it)',
  ),
});

const mic = z.object({
  'mic-command': z
    .string()
    .default('arecord -r 16000 -c 1 -f S16_LE -t raw')
    .describe('program writing raw PCM to stdout'),
  'mic-command-rate': whole(1000, 384000, 16000, 'sample rate of the mic command'),
  'mic-command-width': whole(1, 4, 2, 'bytes per sample of the mic command'),
  'mic-command-channels': whole(1, 16, 1, 'channels of the mic command'),
  'mic-file': text('play this WAV as the microphone in real time, then silence'),
  'mic-file-fast': flag('with --mic-file: do not pace the file'),
  'mic-volume-multiplier': number(0, 100, 1, 'multiply mic samples'),
  'mic-auto-gain': number(0, 31, 0, 'automatic gain target in dBFS (0 = off)'),
  'no-mic': flag('no microphone: an output-only satellite (announcements, timers, answers)'),
  'mic-mixer-control': text(
    'ALSA mixer control whose capture switch mutes the microphone (Capture): followed and reported',
  ),
  'mic-mixer-device': z
    .string()
    .default('default')
    .describe('ALSA control device of --mic-mixer-control (amixer -D): hw:CARD=seeed2micvoicec'),
});

const snd = z.object({
  'snd-command': z
    .string()
    .default('aplay -r 22050 -c 1 -f S16_LE -t raw')
    .describe('program reading raw PCM on stdin'),
  'snd-command-rate': whole(1000, 384000, 22050, 'sample rate of the snd command'),
  'snd-command-width': whole(1, 4, 2, 'bytes per sample of the snd command'),
  'snd-command-channels': whole(1, 16, 1, 'channels of the snd command'),
  'snd-file': text('write everything played to this WAV instead'),
  'snd-volume-multiplier': number(0, 100, 1, 'multiply played samples'),
});

const wake = z.object({
  'wake-word-name': z
    .array(wakeWord)
    .min(1, 'expected at least one wake word')
    .default(() => ['hey_jarvis'])
    .describe('wake word model to listen for, NAME[:THRESHOLD[:TRIGGER_LEVEL]] (repeatable)'),
  'wake-model-dir': text('folder with more openWakeWord .onnx models'),
  'wake-threshold': number(0.01, 1, 0.5, 'wake word score threshold'),
  'wake-trigger-level': whole(1, 50, 1, 'activated 80 ms steps needed in a row'),
  'wake-vad-threshold': number(
    0,
    1,
    0,
    'speech gate: a detection counts only if Silero VAD heard speech this likely before it (0 = off)',
  ),
  'wake-speed-variants': number(
    0,
    1,
    0,
    'fast speech: a score peak at or above this is heard again slowed down 1.3 and 1.15 times (0 = off)',
  ),
  'wake-noise-suppression': z
    .boolean()
    .default(true)
    .describe(
      'RNNoise before the wake word (the streamed command stays as heard; --no-wake-noise-suppression: off)',
    ),
  'wake-verifier': z
    .array(z.string().min(1))
    .optional()
    .describe(
      'verifier file from `jarvis-satellite enroll`: must confirm each detection of its wake word (repeatable)',
    ),
  'wake-verifier-threshold': number(
    0,
    0.999,
    0,
    "verifier probability needed to confirm a detection (0 = the file's own)",
  ),
  'stop-word': wakeWord
    .optional()
    .describe(
      'model that stops a ringing timer or an answer without the wake word, NAME[:THRESHOLD]',
    ),
  'wake-refractory-seconds': number(
    0,
    600,
    5,
    'ignore the same wake word this long after a detection',
  ),
});

const vad = z.object({
  vad: flag('stream only when speech is heard (wake word on the server)'),
  'always-stream': flag('stream all the time (wake word on the server)'),
  'vad-threshold': number(0, 1, 0.5, 'speech probability threshold'),
  'vad-min-speech-ms': whole(0, 10000, 250, 'speech needed before it counts'),
  'vad-trailing-silence-ms': whole(100, 10000, 700, 'silence that ends an utterance'),
  'vad-buffer-seconds': number(0, 10, 2, 'audio sent from before speech was heard (--vad)'),
  'vad-wake-word-timeout': number(
    0,
    60,
    5,
    'seconds to wait for the server to hear a wake word (--vad)',
  ),
});

const sounds = z.object({
  'awake-wav': text('sound when a turn starts (default: bundled; "" for none)'),
  'done-wav': text('sound when the command is heard (default: bundled; "" for none)'),
  'error-wav': text('sound on error (default: bundled; "" for none)'),
  'timer-finished-wav': text('sound of a finished timer (default: bundled; "" for none)'),
  'timer-finished-max-seconds': number(1, 3600, 60, 'stop ringing after this long'),
});

const events = z.object({
  'event-uri': uri.optional().describe('forward every event to this Wyoming event service'),
  'startup-command': text('run once at start'),
  'detection-command': text('run on wake word detection (name on stdin)'),
  'transcript-command': text('run on transcript (text on stdin)'),
  'stt-start-command': text('run when speech-to-text starts'),
  'stt-stop-command': text('run when the speaker stops talking'),
  'synthesize-command': text('run on synthesize (text on stdin)'),
  'tts-start-command': text('run when response audio starts'),
  'tts-stop-command': text('run when response audio has been received'),
  'tts-played-command': text('run when the response has finished playing'),
  'streaming-start-command': text('run when audio streaming starts'),
  'streaming-stop-command': text('run when audio streaming stops'),
  'error-command': text('run on error (text on stdin)'),
  'connected-command': text('run when a server connects'),
  'disconnected-command': text('run when the server disconnects'),
  'timer-started-command': text('run when a timer starts (JSON on stdin)'),
  'timer-updated-command': text('run when a timer changes (JSON on stdin)'),
  'timer-cancelled-command': text('run when a timer is cancelled (id on stdin)'),
  'timer-finished-command': text('run when a timer finishes (id on stdin)'),
});

/** The groups in help order. */
export const OPTION_GROUPS = { general, mic, snd, wake, vad, sounds, events } as const;

const shape = {
  ...general.shape,
  ...mic.shape,
  ...snd.shape,
  ...wake.shape,
  ...vad.shape,
  ...sounds.shape,
  ...events.shape,
};

/** Every option; unknown keys are refused. */
export const OptionsObject = z.object(shape).strict();

export const SatelliteOptionsSchema = OptionsObject.superRefine((options, context) => {
  const refuse = (key: string, message: string) =>
    context.addIssue({ code: z.ZodIssueCode.custom, path: [key], message });
  const serverHears = options.vad || options['always-stream'];
  if (options.vad && options['always-stream']) {
    refuse('vad', '--vad and --always-stream exclude each other');
  }
  if (options['no-mic'] && serverHears) {
    refuse('no-mic', 'a satellite without a microphone streams nothing (--vad, --always-stream)');
  }
  if (options['stop-word'] && (serverHears || options['no-mic'])) {
    refuse(
      'stop-word',
      'the stop word is heard by the local wake word engine: not with --vad, --always-stream or --no-mic',
    );
  }
});

export type SatelliteOptions = z.output<typeof SatelliteOptionsSchema>;
export type OptionName = keyof SatelliteOptions;
