import {
  AudioChunk,
  asEvent,
  concatBytes,
  type Event,
  type Eventable,
  type Info,
  type Logger,
  silentLogger,
} from 'wyoming-ts';
import { MIC_FORMAT } from '../audio/pcm16.js';
import { initialState, isListening, transition } from '../machine/satellite-machine.js';
import type {
  SatelliteEffect,
  SatelliteInput,
  SatelliteMode,
  SatelliteState,
  ScheduleName,
  SoundName,
} from '../machine/types.js';
import { admission, ControllerGuard } from './controllers.js';
import type { EventHooks } from './hooks.js';
import type { Listener, ListenerNeeds } from './listener.js';
import type { Speaker } from './speaker.js';
import type { LocalTimers } from './timers.js';

/** A connection to whoever drives the satellite: Home Assistant or a Jarvis server. */
export interface ServerLink {
  readonly id: string;
  send(event: Event | Eventable): Promise<void>;
  close(): void;
}

export interface SatelliteOptions {
  mode: SatelliteMode;
  muted?: boolean;
  info: () => Info;
  speaker: Speaker;
  sounds: Partial<Record<SoundName, AudioChunk>>;
  timers: LocalTimers;
  hooks: EventHooks;
  /** Longest a command may be streamed before it is ended (default 15 s). */
  streamTimeoutMs?: number;
  /** VAD mode: how long the server has to hear a wake word (default 5 s). */
  vadWakeWordTimeoutMs?: number;
  /** Let a new controller take the satellite from the connected one (default: refuse it). */
  allowTakeover?: boolean;
  /** How long the controller may stay silent once pinged because another one knocked (5 s). */
  controllerTimeoutMs?: number;
  logger?: Logger;
}

/** Events the satellite sends that also go to the event service and hooks. */
const FORWARDED_SENDS = new Set(['detection', 'run-pipeline']);

/**
 * Runs the satellite state machine: feeds it server events, wake words, speech and
 * playback, and performs what it decides. One server link controls the satellite at a time
 * (see `controllers.ts` for who may take it).
 */
export class Satellite {
  private current: SatelliteState;
  private link: ServerLink | undefined;
  private listener: Listener | undefined;
  private streaming = false;
  private readonly schedules = new Map<ScheduleName, ReturnType<typeof setTimeout>>();
  private readonly stateListeners = new Set<(state: SatelliteState) => void>();
  private readonly logger: Logger;
  private readonly guard: ControllerGuard;

  constructor(private readonly options: SatelliteOptions) {
    this.current = initialState(options.mode, options.muted);
    this.logger = options.logger ?? silentLogger;
    this.guard = new ControllerGuard({
      ownerTimeoutMs: options.controllerTimeoutMs ?? 5000,
      dropOwner: (owner) => {
        this.detach(owner);
        owner.close();
      },
      logger: this.logger,
    });
  }

  /** The `info` this satellite answers `describe` with. */
  info(): Info {
    return this.options.info();
  }

  get state(): SatelliteState {
    return this.current;
  }

  /** The microphone side; set once, before audio flows. */
  useListener(listener: Listener): void {
    this.listener = listener;
  }

  /** What the listener should run for the current state. */
  needs(): ListenerNeeds {
    const state = this.current;
    const listening = isListening(state);
    const phase = state.turn.phase;
    return {
      wake: state.mode === 'wake' && listening && phase !== 'streaming',
      vad:
        (state.mode === 'vad' && listening && phase === 'idle') ||
        (state.turn.phase === 'streaming' && state.turn.origin !== 'always'),
    };
  }

  /**
   * A link (connection) sent an event. Anyone may `describe`; the first to send anything else
   * controls the satellite, and others are refused while it is connected (or, with
   * `allowTakeover`, take it over).
   */
  receive(link: ServerLink, event: Event): void {
    if (this.guard.isRefused(link)) return;
    if (event.type === 'describe') {
      void link.send(this.options.info()).catch(() => {});
      return;
    }
    const admitted = admission(this.link, link, this.options.allowTakeover ?? false);
    if (admitted === 'refuse') return this.guard.refuse(link, this.link!);
    if (admitted !== 'owner') this.attach(link);
    this.guard.heard(link);
    // The answer to the guard's ping; not an event for the machine or the hooks.
    if (event.type === 'pong') return;
    if (event.type !== 'audio-chunk' && event.type !== 'ping') {
      this.logger.debug(`<- ${event.type}`);
    }
    // A timer's finish reaches the hooks through the local timers, once, whoever ends it first.
    if (event.type !== 'timer-finished') this.options.hooks.onEvent(event);
    this.dispatch({ type: 'server-event', event });
  }

  /** Makes `link` the owner, closing the previous one (a restarted Home Assistant). */
  attach(link: ServerLink): void {
    if (this.link === link) return;
    const previous = this.link;
    if (previous) {
      this.logger.info(`${link.id} takes over from ${previous.id}`);
      this.detach(previous);
      previous.close();
    }
    this.link = link;
    this.logger.info(`server connected: ${link.id}`);
    this.dispatch({ type: 'linked' });
  }

  detach(link: ServerLink): void {
    if (this.link !== link) return;
    this.guard.released(link);
    this.link = undefined;
    this.logger.info(`server disconnected: ${link.id}`);
    this.dispatch({ type: 'unlinked' });
  }

  /** A microphone chunk: streamed to the server while a turn is streaming. */
  onChunk(pcm: Uint8Array, timestampMs: number): void {
    if (!this.streaming || !this.link) return;
    this.sendToServer(new AudioChunk({ ...MIC_FORMAT, audio: pcm, timestamp: timestampMs }));
  }

  /** Calls `listener` after every transition; returns the unsubscribe. */
  onStateChange(listener: (state: SatelliteState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  setMuted(muted: boolean): void {
    this.logger.info(muted ? 'muted' : 'unmuted');
    this.dispatch({ type: muted ? 'mute' : 'unmute' });
  }

  dispatch(input: SatelliteInput): void {
    const { state, effects } = transition(this.current, input);
    if (state.turn.phase !== this.current.turn.phase) {
      this.logger.debug(`turn: ${this.current.turn.phase} -> ${state.turn.phase}`);
    }
    this.current = state;
    for (const effect of effects) this.perform(effect);
    for (const listener of this.stateListeners) listener(state);
  }

  /** Stops schedules and playback (shutdown). */
  async stop(): Promise<void> {
    this.guard.stop();
    for (const handle of this.schedules.values()) clearTimeout(handle);
    this.schedules.clear();
    this.options.timers.stop();
    await this.options.speaker.stopAll();
  }

  private perform(effect: SatelliteEffect): void {
    switch (effect.type) {
      case 'send': {
        const event = asEvent(effect.event);
        this.sendToServer(event);
        if (FORWARDED_SENDS.has(event.type)) this.options.hooks.onEvent(event);
        return;
      }
      case 'notify':
        this.options.hooks.onEvent(asEvent(effect.event));
        return;
      case 'stream':
        this.streaming = effect.on;
        if (effect.on && effect.preroll) this.sendPreroll();
        return;
      case 'play-sound': {
        const clip = this.options.sounds[effect.sound];
        if (clip) void this.options.speaker.playClip(clip);
        return;
      }
      case 'sound-volume':
        this.logger.debug(`own sounds at ${effect.volume}%`);
        this.options.speaker.clipVolume = effect.volume;
        return;
      case 'play-audio':
        void this.options.speaker.streamEvent(effect.event).then((played) => {
          if (effect.event.type === 'audio-stop' && played)
            this.dispatch({ type: 'playback-finished' });
        });
        return;
      case 'stop-playback':
        void this.options.speaker.stopAll();
        return;
      case 'reset-vad':
        this.listener?.resetVad();
        return;
      case 'schedule':
        this.schedule(effect.name);
        return;
      case 'cancel-schedule':
        clearTimeout(this.schedules.get(effect.name));
        this.schedules.delete(effect.name);
        return;
      case 'timer':
        this.options.timers.handle(effect.event);
        return;
      case 'silence-timers':
        this.options.timers.silence();
        return;
    }
  }

  private schedule(name: ScheduleName): void {
    clearTimeout(this.schedules.get(name));
    const ms =
      name === 'stream-timeout'
        ? (this.options.streamTimeoutMs ?? 15_000)
        : (this.options.vadWakeWordTimeoutMs ?? 5_000);
    const handle = setTimeout(() => {
      this.schedules.delete(name);
      this.dispatch({ type: 'deadline', name });
    }, ms);
    this.schedules.set(name, handle);
  }

  /** VAD mode: the audio from before speech was confirmed, as one chunk. */
  private sendPreroll(): void {
    const chunks = this.listener?.preroll() ?? [];
    if (chunks.length === 0) return;
    this.sendToServer(new AudioChunk({ ...MIC_FORMAT, audio: concatBytes(chunks) }));
  }

  private sendToServer(event: Event | Eventable): void {
    const link = this.link;
    if (!link) return;
    link.send(event).catch((error: Error) => {
      this.logger.warn(`sending to ${link.id} failed: ${error.message}`);
    });
  }
}
