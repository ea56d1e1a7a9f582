// Events Jarvis adds to Wyoming 1.9, outside its registry. Peers that do not know them ignore
// them (Home Assistant's Wyoming integration and wyoming-satellite skip unknown types).
import { type Event, type Eventable, makeEvent } from './event.js';
import { FieldReader } from './fields.js';

/**
 * Satellite -> server: whether the microphone is muted now, as the satellite knows it: muted
 * locally (a flag, a signal, a button), at the sound card (its capture switch is off), or paused
 * by its server (`pause-satellite`). Sent when a server links and whenever it changes.
 */
export class SatelliteMute implements Eventable {
  static readonly type = 'satellite-mute';
  /** Not listening because of a mute, local or from the server. */
  readonly muted: boolean;
  /** Muted on the satellite itself (the server cannot unmute it). */
  readonly local: boolean;
  /** The sound card's capture switch is off: muted in hardware (then `local` too). */
  readonly mic: boolean;

  constructor(init: { muted: boolean; local: boolean; mic?: boolean }) {
    this.muted = init.muted;
    this.local = init.local;
    this.mic = init.mic ?? false;
  }

  toEvent(): Event {
    // `mic` only when set: peers from before it see the same event as before.
    const mic = this.mic ? { mic: true } : {};
    return makeEvent(SatelliteMute.type, { muted: this.muted, local: this.local, ...mic });
  }

  static fromEvent(event: Event): SatelliteMute {
    const f = FieldReader.of(event, SatelliteMute.type);
    return new SatelliteMute({
      muted: f.bool('muted'),
      local: f.optBool('local') ?? false,
      mic: f.optBool('mic') ?? false,
    });
  }

  static isType(type: string): boolean {
    return type === SatelliteMute.type;
  }
}

/**
 * Server -> satellite: whether the satellite plays its own turn chimes (the awake and done
 * sounds), and the volume its own sounds (chimes, a ringing timer, the error sound) play at, in
 * percent of the clip as it is: the volume the server plays its audio at there (its volume
 * setting, lowered at night). Chimes are off in silent and do-not-disturb modes. Sent when the
 * server links and whenever either changes; a satellite that never gets it plays its chimes, and
 * `volume` absent (as from servers before it) is 100.
 */
export class SatelliteSounds implements Eventable {
  static readonly type = 'satellite-sounds';
  readonly chimes: boolean;
  /** 0-100. */
  readonly volume: number;

  constructor(init: { chimes: boolean; volume?: number }) {
    this.chimes = init.chimes;
    this.volume = Math.max(0, Math.min(100, init.volume ?? 100));
  }

  toEvent(): Event {
    // `volume` only when lowered: peers from before it see the same event as before.
    const volume = this.volume < 100 ? { volume: this.volume } : {};
    return makeEvent(SatelliteSounds.type, { chimes: this.chimes, ...volume });
  }

  static fromEvent(event: Event): SatelliteSounds {
    const f = FieldReader.of(event, SatelliteSounds.type);
    const volume = f.optNumber('volume');
    return new SatelliteSounds({
      chimes: f.bool('chimes'),
      ...(volume !== undefined && { volume }),
    });
  }

  static isType(type: string): boolean {
    return type === SatelliteSounds.type;
  }
}
