import type { Event, Eventable } from 'wyoming-ts';

/** Local wake word (default), local VAD with the wake word on the server, or always streaming. */
export type SatelliteMode = 'wake' | 'vad' | 'always';

/** What started the current stream of microphone audio to the server. */
export type StreamOrigin = 'wake' | 'vad' | 'always' | 'server';

export type Turn =
  /** Waiting for a wake word (or for speech, in VAD mode). */
  | { readonly phase: 'idle' }
  /** Sending microphone audio to the server. */
  | {
      readonly phase: 'streaming';
      readonly origin: StreamOrigin;
      /** The server has begun transcribing: the turn is ours (the awake sound has played). */
      readonly accepted: boolean;
      /** The server has heard the wake word (VAD and always modes). */
      readonly heard: boolean;
    }
  /** The utterance is over; waiting for the server's answer. */
  | { readonly phase: 'waiting' }
  /** Playing the server's audio answer. */
  | { readonly phase: 'responding' };

export interface SatelliteState {
  readonly mode: SatelliteMode;
  /** A server (Home Assistant or Jarvis) connection owns the satellite. */
  readonly linked: boolean;
  /** The server has sent `run-satellite` and not `pause-satellite` since. */
  readonly running: boolean;
  /** The server sent `pause-satellite` and not `run-satellite` since (it muted us). */
  readonly paused: boolean;
  /** Muted locally (flag, signal): no listening whatever the server says. */
  readonly muted: boolean;
  /** The sound card's capture switch is off (`--mic-mixer-control`): muted in hardware. */
  readonly micOff: boolean;
  /** The wake words the server chose (its `detect` event's names); none: all of them. */
  readonly wakeNames?: readonly string[];
  /** The server turned the turn chimes off (`satellite-sounds`: silent, do not disturb). */
  readonly quiet?: boolean;
  /**
   * The volume the server asked its own sounds (chimes, a ringing timer) to play at, in percent
   * (`satellite-sounds`: lowered at night); none: 100.
   */
  readonly soundVolume?: number;
  readonly turn: Turn;
}

export type SoundName = 'awake' | 'done' | 'error';
export type ScheduleName = 'vad-wake-word-timeout' | 'stream-timeout';

export type SatelliteInput =
  | { readonly type: 'linked' }
  | { readonly type: 'unlinked' }
  | { readonly type: 'server-event'; readonly event: Event }
  | {
      readonly type: 'wake-detected';
      readonly name: string;
      readonly timestampMs: number;
      readonly score: number;
      /** Speech level in dBFS around the detection, for arbitration between satellites. */
      readonly levelDbfs: number;
    }
  /** The stop word: silence a ringing timer, cut the answer short; no turn starts. */
  | { readonly type: 'stop-detected' }
  | { readonly type: 'speech-started'; readonly timestampMs: number }
  | { readonly type: 'speech-stopped'; readonly timestampMs: number }
  | { readonly type: 'playback-finished' }
  | { readonly type: 'deadline'; readonly name: ScheduleName }
  | { readonly type: 'mute' }
  | { readonly type: 'unmute' }
  /** The capture switch was read: on (the microphone hears) or off (muted at the card). */
  | { readonly type: 'mic-switch'; readonly on: boolean };

export type SatelliteEffect =
  /** Send to the server. */
  | { readonly type: 'send'; readonly event: Eventable }
  /** Tell the event service and hooks something happened locally (streaming-started, ...). */
  | { readonly type: 'notify'; readonly event: Eventable }
  /** Start or stop forwarding microphone chunks; `preroll` first sends the VAD buffer. */
  | { readonly type: 'stream'; readonly on: boolean; readonly preroll?: boolean }
  | { readonly type: 'play-sound'; readonly sound: SoundName }
  /** From now on play the satellite's own sounds (chimes, timer rings) at `volume` percent. */
  | { readonly type: 'sound-volume'; readonly volume: number }
  /** Server audio to play: audio-start opens a playback, chunks feed it, audio-stop ends it. */
  | { readonly type: 'play-audio'; readonly event: Event }
  | { readonly type: 'stop-playback' }
  | { readonly type: 'reset-vad' }
  | { readonly type: 'schedule'; readonly name: ScheduleName }
  | { readonly type: 'cancel-schedule'; readonly name: ScheduleName }
  /** A `timer-*` event for the local timers. */
  | { readonly type: 'timer'; readonly event: Event }
  /** Stop a ringing timer (a wake word, a new turn). */
  | { readonly type: 'silence-timers' };

export interface Transition {
  readonly state: SatelliteState;
  readonly effects: readonly SatelliteEffect[];
}
