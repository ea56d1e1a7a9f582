// The satellite's behaviour as a pure function: (state, input) -> (state, effects).
// The runner performs the effects; nothing here touches sockets, audio or clocks.
import {
  AudioStop,
  Detect,
  Detection,
  type Event,
  type Eventable,
  Played,
  Pong,
  RunPipeline,
  StreamingStarted,
  StreamingStopped,
  SatelliteConnected,
  SatelliteDisconnected,
  SatelliteMute,
  SatelliteSounds,
} from 'wyoming-ts';
import type {
  SatelliteEffect as Effect,
  SatelliteInput,
  SatelliteMode,
  SatelliteState,
  StreamOrigin,
  Transition,
} from './types.js';

/** The error code a server sends to the satellites that lost wake-word arbitration. */
export const ARBITRATION_LOST = 'wake-arbitration-lost';

export function initialState(mode: SatelliteMode, muted = false): SatelliteState {
  return {
    mode,
    linked: false,
    running: false,
    paused: false,
    muted,
    micOff: false,
    turn: { phase: 'idle' },
  };
}

/** The satellite may listen: a server drives it, it runs, and nothing mutes it. */
export function isListening(state: SatelliteState): boolean {
  return state.linked && state.running && !state.muted && !state.micOff;
}

/** Muted as the satellite reports it: locally, at the sound card, or paused by its server. */
function muteOf(state: SatelliteState): SatelliteMute {
  const local = state.muted || state.micOff;
  return new SatelliteMute({ muted: local || state.paused, local, mic: state.micOff });
}

/**
 * One step of the satellite. A linked satellite tells its server its mute state when the link
 * opens and whenever it changes (`satellite-mute`, an event other peers ignore).
 */
export function transition(state: SatelliteState, input: SatelliteInput): Transition {
  const next = step(state, input);
  if (!next.state.linked) return next;
  const before = muteOf(state);
  const after = muteOf(next.state);
  const unchanged =
    before.muted === after.muted && before.local === after.local && before.mic === after.mic;
  if (input.type !== 'linked' && unchanged) return next;
  return { state: next.state, effects: [...next.effects, { type: 'send', event: after }] };
}

function step(state: SatelliteState, input: SatelliteInput): Transition {
  switch (input.type) {
    case 'linked':
      return { state: { ...state, linked: true }, effects: [notify(new SatelliteConnected())] };
    case 'unlinked': {
      const ended = endTurn(state);
      return {
        state: {
          ...ended.state,
          linked: false,
          running: false,
          paused: false,
          wakeNames: undefined,
        },
        effects: [...ended.effects, notify(new SatelliteDisconnected())],
      };
    }
    case 'mute': {
      const ended = endTurn(state, { keepPlayback: true });
      return { state: { ...ended.state, muted: true }, effects: ended.effects };
    }
    case 'unmute':
      return startAlwaysStreaming({ ...state, muted: false });
    case 'mic-switch': {
      if (input.on) return startAlwaysStreaming({ ...state, micOff: false });
      const ended = endTurn(state, { keepPlayback: true });
      return { state: { ...ended.state, micOff: true }, effects: ended.effects };
    }
    case 'wake-detected':
      return onWakeDetected(state, input);
    case 'stop-detected':
      return onStopDetected(state);
    case 'speech-started':
      return onSpeechStarted(state);
    case 'speech-stopped':
      return onSpeechStopped(state);
    case 'deadline':
      return onDeadline(state, input.name);
    case 'playback-finished':
      return onPlaybackFinished(state);
    case 'server-event':
      return onServerEvent(state, input.event);
  }
}

function onServerEvent(state: SatelliteState, event: Event): Transition {
  switch (event.type) {
    case 'run-satellite':
      return startAlwaysStreaming({ ...state, running: true, paused: false });
    case 'pause-satellite': {
      const ended = endTurn(state);
      return { state: { ...ended.state, running: false, paused: true }, effects: ended.effects };
    }
    case 'ping':
      return same(state, { type: 'send', event: new Pong({ text: textOf(event) }) });
    case 'detect': {
      // The server chooses the wake words to answer to (an empty list: all of them).
      const names = Detect.fromEvent(event).names ?? [];
      return same({ ...state, wakeNames: names.length > 0 ? names : undefined });
    }
    case SatelliteSounds.type:
      return onSounds(state, SatelliteSounds.fromEvent(event));
    case 'run-pipeline':
      return onServerRunPipeline(state, RunPipeline.fromEvent(event));
    case 'detection':
      return markTurn(
        state,
        { heard: true },
        { type: 'cancel-schedule', name: 'vad-wake-word-timeout' },
      );
    case 'transcribe':
      return onTranscribe(state);
    case 'transcript':
      return onTranscript(state);
    case 'audio-start':
    case 'audio-chunk':
    case 'audio-stop':
      return onServerAudio(state, event);
    case 'error':
      return onServerError(state, event);
    case 'timer-started':
    case 'timer-updated':
    case 'timer-cancelled':
    case 'timer-finished':
      return same(state, { type: 'timer', event });
    default:
      return same(state);
  }
}

function onWakeDetected(
  state: SatelliteState,
  input: Extract<SatelliteInput, { type: 'wake-detected' }>,
): Transition {
  if (state.mode !== 'wake' || !isListening(state) || state.turn.phase === 'streaming') {
    return same(state);
  }
  if (state.wakeNames && !state.wakeNames.includes(input.name)) return same(state);
  const effects: Effect[] = [{ type: 'silence-timers' }];
  if (state.turn.phase === 'responding') effects.push({ type: 'stop-playback' }); // barge-in
  const context = { score: round(input.score, 4), level_dbfs: round(input.levelDbfs, 1) };
  effects.push(
    {
      type: 'send',
      event: new Detection({ name: input.name, timestamp: input.timestampMs, context }),
    },
    {
      type: 'send',
      event: new RunPipeline({ start_stage: 'asr', end_stage: 'tts', wake_word_name: input.name }),
    },
  );
  return startStreaming(state, 'wake', effects);
}

function onSpeechStarted(state: SatelliteState): Transition {
  if (state.mode !== 'vad' || !isListening(state) || state.turn.phase !== 'idle')
    return same(state);
  const run = new RunPipeline({ start_stage: 'wake', end_stage: 'tts' });
  const started = startStreaming(state, 'vad', [{ type: 'send', event: run }], true);
  return {
    state: started.state,
    effects: [...started.effects, { type: 'schedule', name: 'vad-wake-word-timeout' }],
  };
}

/** Local VAD heard the end of the command: end the audio so the server can answer now. */
function onSpeechStopped(state: SatelliteState): Transition {
  const turn = state.turn;
  if (turn.phase !== 'streaming' || turn.origin === 'always') return same(state);
  if (turn.origin === 'vad' && !turn.heard && !turn.accepted) return same(state);
  return finishUtterance(state);
}

function onDeadline(state: SatelliteState, name: string): Transition {
  const turn = state.turn;
  if (turn.phase !== 'streaming') return same(state);
  if (name === 'vad-wake-word-timeout') {
    if (turn.heard || turn.accepted) return same(state);
    const stopped = stopStreaming(state, [{ type: 'send', event: new AudioStop() }]);
    return { state: { ...stopped.state, turn: { phase: 'idle' } }, effects: stopped.effects };
  }
  return turn.origin === 'always' ? same(state) : finishUtterance(state);
}

function onServerRunPipeline(state: SatelliteState, run: RunPipeline): Transition {
  if (run.start_stage === 'tts')
    return { state: { ...state, turn: { phase: 'waiting' } }, effects: [] };
  if (!isListening(state) || state.turn.phase === 'streaming') return same(state);
  const origin: StreamOrigin = run.start_stage === 'asr' ? 'server' : 'vad';
  return startStreaming(state, origin, [{ type: 'silence-timers' }]);
}

function onTranscribe(state: SatelliteState): Transition {
  const turn = state.turn;
  if (turn.phase !== 'streaming' || turn.accepted) return same(state);
  return {
    state: { ...state, turn: { ...turn, accepted: true, heard: true } },
    effects: [{ type: 'cancel-schedule', name: 'vad-wake-word-timeout' }, ...chime(state, 'awake')],
  };
}

/** The server's word on the satellite's own sounds: chimes on or off, and their volume. */
function onSounds(state: SatelliteState, sounds: SatelliteSounds): Transition {
  const quiet = { ...state, quiet: !sounds.chimes };
  if (sounds.volume === (state.soundVolume ?? 100)) return same(quiet);
  const { soundVolume: _old, ...rest } = quiet;
  const next = sounds.volume === 100 ? rest : { ...rest, soundVolume: sounds.volume };
  return same(next, { type: 'sound-volume', volume: sounds.volume });
}

/** A turn chime, unless the server turned them off. */
function chime(state: SatelliteState, sound: 'awake' | 'done'): Effect[] {
  return state.quiet ? [] : [{ type: 'play-sound', sound }];
}

function onTranscript(state: SatelliteState): Transition {
  const done = chime(state, 'done');
  const turn = state.turn;
  if (turn.phase !== 'streaming') return same(state, ...done);
  if (turn.origin === 'always') {
    return {
      state: { ...state, turn: { ...turn, accepted: false, heard: false } },
      effects: done,
    };
  }
  const stopped = stopStreaming(state, done);
  return { state: { ...stopped.state, turn: { phase: 'waiting' } }, effects: stopped.effects };
}

function onServerAudio(state: SatelliteState, event: Event): Transition {
  const play: Effect = { type: 'play-audio', event };
  if (event.type !== 'audio-start') return same(state, play);
  if (state.turn.phase === 'streaming' && state.turn.origin !== 'always') {
    const stopped = stopStreaming(state, [play]);
    return { state: { ...stopped.state, turn: { phase: 'responding' } }, effects: stopped.effects };
  }
  if (state.turn.phase === 'streaming') return same(state, play);
  return { state: { ...state, turn: { phase: 'responding' } }, effects: [play] };
}

function onPlaybackFinished(state: SatelliteState): Transition {
  const effects: Effect[] = [
    { type: 'send', event: new Played() },
    { type: 'notify', event: new Played() },
  ];
  if (state.turn.phase !== 'responding') return same(state, ...effects);
  return { state: { ...state, turn: { phase: 'idle' } }, effects };
}

/** "Stop": the timer stops ringing, the answer stops, `played` tells the server it ended. */
function onStopDetected(state: SatelliteState): Transition {
  if (!isListening(state) || state.turn.phase === 'streaming') return same(state);
  const effects: Effect[] = [{ type: 'silence-timers' }];
  if (state.turn.phase !== 'responding') return same(state, ...effects);
  effects.push(
    { type: 'stop-playback' },
    { type: 'send', event: new Played() },
    { type: 'notify', event: new Played() },
  );
  return { state: { ...state, turn: { phase: 'idle' } }, effects };
}

function onServerError(state: SatelliteState, event: Event): Transition {
  const lost = event.data.code === ARBITRATION_LOST;
  const ended = endTurn(state, { keepPlayback: true });
  const effects: Effect[] = [...ended.effects];
  if (!lost) effects.push({ type: 'play-sound', sound: 'error' });
  // Home Assistant does not restart an always-streaming pipeline after an error: ask again.
  const restarted = startAlwaysStreaming(ended.state);
  return { state: restarted.state, effects: [...effects, ...restarted.effects] };
}

/** In always-streaming mode, a running satellite streams into a `wake -> tts` pipeline. */
function startAlwaysStreaming(state: SatelliteState): Transition {
  if (state.mode !== 'always' || !isListening(state) || state.turn.phase === 'streaming') {
    return same(state);
  }
  const run = new RunPipeline({ start_stage: 'wake', end_stage: 'tts', restart_on_end: true });
  return startStreaming(state, 'always', [{ type: 'send', event: run }]);
}

function startStreaming(
  state: SatelliteState,
  origin: StreamOrigin,
  before: Effect[],
  preroll = false,
): Transition {
  const effects: Effect[] = [
    ...before,
    { type: 'reset-vad' },
    { type: 'stream', on: true, preroll },
    notify(new StreamingStarted()),
  ];
  if (origin === 'wake' || origin === 'server')
    effects.push({ type: 'schedule', name: 'stream-timeout' });
  const turn = { phase: 'streaming', origin, accepted: false, heard: origin !== 'vad' } as const;
  return { state: { ...state, turn }, effects };
}

function stopStreaming(state: SatelliteState, after: Effect[] = []): Transition {
  const effects: Effect[] = [
    { type: 'stream', on: false },
    { type: 'cancel-schedule', name: 'stream-timeout' },
    { type: 'cancel-schedule', name: 'vad-wake-word-timeout' },
    notify(new StreamingStopped()),
    ...after,
  ];
  return { state, effects };
}

/** The speaker has finished: `audio-stop`, and wait for the answer. */
function finishUtterance(state: SatelliteState): Transition {
  const stopped = stopStreaming(state, [{ type: 'send', event: new AudioStop() }]);
  return { state: { ...stopped.state, turn: { phase: 'waiting' } }, effects: stopped.effects };
}

/** Ends whatever turn is under way and returns to idle. */
function endTurn(state: SatelliteState, options: { keepPlayback?: boolean } = {}): Transition {
  const phase = state.turn.phase;
  if (phase === 'streaming') {
    const stopped = stopStreaming(state);
    return { state: { ...state, turn: { phase: 'idle' } }, effects: stopped.effects };
  }
  if (phase === 'responding' && !options.keepPlayback) {
    return { state: { ...state, turn: { phase: 'idle' } }, effects: [{ type: 'stop-playback' }] };
  }
  if (phase === 'responding') return same(state);
  return { state: { ...state, turn: { phase: 'idle' } }, effects: [] };
}

function markTurn(
  state: SatelliteState,
  changes: { heard: boolean },
  ...effects: Effect[]
): Transition {
  if (state.turn.phase !== 'streaming') return same(state);
  return { state: { ...state, turn: { ...state.turn, ...changes } }, effects };
}

function same(state: SatelliteState, ...effects: Effect[]): Transition {
  return { state, effects };
}

function notify(event: Eventable): Effect {
  return { type: 'notify', event };
}

function textOf(event: Event): string | undefined {
  return typeof event.data.text === 'string' ? event.data.text : undefined;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
