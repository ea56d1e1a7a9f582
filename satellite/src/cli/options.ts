// Every satellite option, once: flag, config-file key, type, default and help. Names follow
// wyoming-satellite's flags so its users feel at home.

export type OptionType = 'string' | 'number' | 'boolean' | 'list';

export interface OptionSpec {
  readonly type: OptionType;
  readonly help: string;
  readonly default?: string | number | boolean | readonly string[];
  /** For numbers: inclusive bounds. */
  readonly min?: number;
  readonly max?: number;
  readonly group: string;
}

export const OPTIONS = {
  // General
  config: {
    type: 'string',
    group: 'general',
    help: 'YAML or JSON file with options (keys are flag names)',
  },
  uri: {
    type: 'string',
    group: 'general',
    default: 'tcp://0.0.0.0:10700',
    help: 'serve Wyoming here for Home Assistant (tcp://host:port or unix://path)',
  },
  server: {
    type: 'string',
    group: 'general',
    help: 'connect to a Jarvis server instead (tcp://host:10600)',
  },
  name: {
    type: 'string',
    group: 'general',
    help: 'satellite name shown in Home Assistant (default: host name)',
  },
  area: { type: 'string', group: 'general', help: 'area (room) of the satellite' },
  muted: {
    type: 'boolean',
    group: 'general',
    default: false,
    help: 'start muted: no listening until unmuted',
  },
  debug: { type: 'boolean', group: 'general', default: false, help: 'log at debug level' },
  'no-zeroconf': {
    type: 'boolean',
    group: 'general',
    default: false,
    help: 'do not advertise _wyoming._tcp',
  },
  'zeroconf-name': {
    type: 'string',
    group: 'general',
    help: 'zeroconf service name (default: the satellite name)',
  },
  'allow-takeover': {
    type: 'boolean',
    group: 'general',
    default: false,
    help: 'let a new controller take over from the connected one (default: refuse it)',
  },
  // Microphone
  'mic-command': {
    type: 'string',
    group: 'mic',
    default: 'arecord -r 16000 -c 1 -f S16_LE -t raw',
    help: 'program writing raw PCM to stdout',
  },
  'mic-command-rate': {
    type: 'number',
    group: 'mic',
    default: 16000,
    min: 1000,
    max: 384000,
    help: 'sample rate of the mic command',
  },
  'mic-command-width': {
    type: 'number',
    group: 'mic',
    default: 2,
    min: 1,
    max: 4,
    help: 'bytes per sample of the mic command',
  },
  'mic-command-channels': {
    type: 'number',
    group: 'mic',
    default: 1,
    min: 1,
    max: 16,
    help: 'channels of the mic command',
  },
  'mic-file': {
    type: 'string',
    group: 'mic',
    help: 'play this WAV as the microphone in real time, then silence',
  },
  'mic-file-fast': {
    type: 'boolean',
    group: 'mic',
    default: false,
    help: 'with --mic-file: do not pace the file',
  },
  'mic-volume-multiplier': {
    type: 'number',
    group: 'mic',
    default: 1,
    min: 0,
    max: 100,
    help: 'multiply mic samples',
  },
  'mic-auto-gain': {
    type: 'number',
    group: 'mic',
    default: 0,
    min: 0,
    max: 31,
    help: 'automatic gain target in dBFS (0 = off)',
  },
  // Speaker
  'snd-command': {
    type: 'string',
    group: 'snd',
    default: 'aplay -r 22050 -c 1 -f S16_LE -t raw',
    help: 'program reading raw PCM on stdin',
  },
  'snd-command-rate': {
    type: 'number',
    group: 'snd',
    default: 22050,
    min: 1000,
    max: 384000,
    help: 'sample rate of the snd command',
  },
  'snd-command-width': {
    type: 'number',
    group: 'snd',
    default: 2,
    min: 1,
    max: 4,
    help: 'bytes per sample of the snd command',
  },
  'snd-command-channels': {
    type: 'number',
    group: 'snd',
    default: 1,
    min: 1,
    max: 16,
    help: 'channels of the snd command',
  },
  'snd-file': { type: 'string', group: 'snd', help: 'write everything played to this WAV instead' },
  'snd-volume-multiplier': {
    type: 'number',
    group: 'snd',
    default: 1,
    min: 0,
    max: 100,
    help: 'multiply played samples',
  },
  // Wake word
  'wake-word-name': {
    type: 'list',
    group: 'wake',
    default: ['hey_jarvis'],
    help: 'wake word model to listen for (repeat for several)',
  },
  'wake-model-dir': {
    type: 'string',
    group: 'wake',
    help: 'folder with more openWakeWord .onnx models',
  },
  'wake-threshold': {
    type: 'number',
    group: 'wake',
    default: 0.5,
    min: 0.01,
    max: 1,
    help: 'wake word score threshold',
  },
  'wake-trigger-level': {
    type: 'number',
    group: 'wake',
    default: 1,
    min: 1,
    max: 50,
    help: 'activated 80 ms steps needed in a row',
  },
  'wake-refractory-seconds': {
    type: 'number',
    group: 'wake',
    default: 5,
    min: 0,
    max: 600,
    help: 'ignore the same wake word this long after a detection',
  },
  // Modes and VAD
  vad: {
    type: 'boolean',
    group: 'vad',
    default: false,
    help: 'stream only when speech is heard (wake word on the server)',
  },
  'always-stream': {
    type: 'boolean',
    group: 'vad',
    default: false,
    help: 'stream all the time (wake word on the server)',
  },
  'vad-threshold': {
    type: 'number',
    group: 'vad',
    default: 0.5,
    min: 0,
    max: 1,
    help: 'speech probability threshold',
  },
  'vad-min-speech-ms': {
    type: 'number',
    group: 'vad',
    default: 250,
    min: 0,
    max: 10000,
    help: 'speech needed before it counts',
  },
  'vad-trailing-silence-ms': {
    type: 'number',
    group: 'vad',
    default: 700,
    min: 100,
    max: 10000,
    help: 'silence that ends an utterance',
  },
  'vad-buffer-seconds': {
    type: 'number',
    group: 'vad',
    default: 2,
    min: 0,
    max: 10,
    help: 'audio sent from before speech was heard (--vad)',
  },
  'vad-wake-word-timeout': {
    type: 'number',
    group: 'vad',
    default: 5,
    min: 0,
    max: 60,
    help: 'seconds to wait for the server to hear a wake word (--vad)',
  },
  // Sounds
  'awake-wav': {
    type: 'string',
    group: 'sounds',
    help: 'sound when a turn starts (default: bundled; "" for none)',
  },
  'done-wav': {
    type: 'string',
    group: 'sounds',
    help: 'sound when the command is heard (default: bundled; "" for none)',
  },
  'error-wav': {
    type: 'string',
    group: 'sounds',
    help: 'sound on error (default: bundled; "" for none)',
  },
  'timer-finished-wav': {
    type: 'string',
    group: 'sounds',
    help: 'sound of a finished timer (default: bundled; "" for none)',
  },
  'timer-finished-max-seconds': {
    type: 'number',
    group: 'sounds',
    default: 60,
    min: 1,
    max: 3600,
    help: 'stop ringing after this long',
  },
  // Events and hooks
  'event-uri': {
    type: 'string',
    group: 'events',
    help: 'forward every event to this Wyoming event service',
  },
  'startup-command': { type: 'string', group: 'events', help: 'run once at start' },
  'detection-command': {
    type: 'string',
    group: 'events',
    help: 'run on wake word detection (name on stdin)',
  },
  'transcript-command': {
    type: 'string',
    group: 'events',
    help: 'run on transcript (text on stdin)',
  },
  'stt-start-command': { type: 'string', group: 'events', help: 'run when speech-to-text starts' },
  'stt-stop-command': {
    type: 'string',
    group: 'events',
    help: 'run when the speaker stops talking',
  },
  'synthesize-command': {
    type: 'string',
    group: 'events',
    help: 'run on synthesize (text on stdin)',
  },
  'tts-start-command': { type: 'string', group: 'events', help: 'run when response audio starts' },
  'tts-stop-command': {
    type: 'string',
    group: 'events',
    help: 'run when response audio has been received',
  },
  'tts-played-command': {
    type: 'string',
    group: 'events',
    help: 'run when the response has finished playing',
  },
  'streaming-start-command': {
    type: 'string',
    group: 'events',
    help: 'run when audio streaming starts',
  },
  'streaming-stop-command': {
    type: 'string',
    group: 'events',
    help: 'run when audio streaming stops',
  },
  'error-command': { type: 'string', group: 'events', help: 'run on error (text on stdin)' },
  'connected-command': { type: 'string', group: 'events', help: 'run when a server connects' },
  'disconnected-command': {
    type: 'string',
    group: 'events',
    help: 'run when the server disconnects',
  },
  'timer-started-command': {
    type: 'string',
    group: 'events',
    help: 'run when a timer starts (JSON on stdin)',
  },
  'timer-updated-command': {
    type: 'string',
    group: 'events',
    help: 'run when a timer changes (JSON on stdin)',
  },
  'timer-cancelled-command': {
    type: 'string',
    group: 'events',
    help: 'run when a timer is cancelled (id on stdin)',
  },
  'timer-finished-command': {
    type: 'string',
    group: 'events',
    help: 'run when a timer finishes (id on stdin)',
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

type ValueOf<S extends { type: OptionType }> = S['type'] extends 'number'
  ? number
  : S['type'] extends 'boolean'
    ? boolean
    : S['type'] extends 'list'
      ? string[]
      : string;

/** Parsed options: those with a default are always set, the others may be undefined. */
export type SatelliteOptions = {
  [K in OptionName]: (typeof OPTIONS)[K] extends { default: unknown }
    ? ValueOf<(typeof OPTIONS)[K]>
    : ValueOf<(typeof OPTIONS)[K]> | undefined;
};
