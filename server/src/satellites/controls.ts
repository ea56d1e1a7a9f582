// What Home Assistant (or the API) sets on a satellite the server drives: microphone mute,
// speaker volume, wake word and mode. Applied where the server can: mute as `pause-satellite` /
// `run-satellite` (as Home Assistant's Wyoming integration does), volume by scaling the audio
// sent to the satellite, the wake word as a `detect` with its name. Sits on the satellite's link
// (see `SatelliteRegistry`), so it also sees what the satellite says (`detection`, `info`) and
// what the server tells it (a lost arbitration), without touching the session.
import {
  AudioChunk,
  Detect,
  type Event,
  type Eventable,
  Info,
  type Logger,
  PauseSatellite,
  RunSatellite,
  SatelliteMute,
  SatelliteSounds,
  scaleAudio,
  silentLogger,
} from 'wyoming-ts';
import type { EventBus } from '../event-bus.js';
import type { ModeStore } from '../modes/mode-store.js';
import { MODE_LABELS, modeOfLabel, policyOf } from '../modes/policy.js';
import type { RegistryHooks, SatelliteLink } from './registry.js';
import type { SettingsStore, StoredSettings } from './settings-store.js';
import { ARBITRATION_LOST, type SatelliteSession } from './session.js';

export const SATELLITE_MODES = ['normal', 'silent', 'night', 'do not disturb'] as const;
export type SatelliteMode = (typeof SATELLITE_MODES)[number];

export interface SatelliteSettings {
  readonly muted: boolean;
  /** Speaker volume, 0-100 (100: the audio as synthesized). */
  readonly volume: number;
  /** The wake word chosen, if any (else the satellite's own). */
  readonly wakeWord?: string;
  /** The wake-word models the satellite reported in its `info`. */
  readonly wakeWords: readonly string[];
  readonly mode: SatelliteMode;
  /**
   * The mute state the satellite reported (`satellite-mute`) on its connection: what the switch
   * shows. None from a satellite that does not report it (the switch shows `muted` then).
   */
  readonly reported?: { readonly muted: boolean; readonly local: boolean };
}

const DEFAULTS: SatelliteSettings = { muted: false, volume: 100, wakeWords: [], mode: 'normal' };

export interface ControlsOptions {
  bus: EventBus;
  /** Where mute, volume, wake word and mode are kept across restarts; none: not kept. */
  store?: SettingsStore;
  /**
   * The modes in force (house-wide and per satellite): the mode select shows and sets the
   * satellite's there, and the night lowers the volume. None: the mode is only kept here.
   */
  modes?: ModeStore;
  /** The volume at night, in percent of the satellite's own (`modes.night_volume`). */
  nightVolume?: number;
  logger?: Logger;
}

export class SatelliteControls implements RegistryHooks {
  private readonly settings = new Map<string, SatelliteSettings>();
  private readonly links = new Map<string, SatelliteLink>();
  /** What each connected satellite was told of its own sounds (`satellite-sounds`). */
  private readonly told = new Map<string, string>();
  private saving: Promise<void> = Promise.resolve();
  private readonly bus: EventBus;
  private readonly logger: Logger;

  constructor(private readonly options: ControlsOptions) {
    this.bus = options.bus;
    this.logger = options.logger ?? silentLogger;
    // A mode set anywhere (voice, API, a select, its end) changes what every satellite shows.
    options.modes?.onChange(() => {
      for (const id of new Set([...this.settings.keys(), ...this.links.keys()]))
        this.bus.emit({ type: 'satellite-settings', satellite: id });
      for (const [id, link] of this.links) void this.sendSounds(id, link);
    });
  }

  /** Reads the kept settings (before any satellite connects). */
  async load(): Promise<void> {
    const stored = (await this.options.store?.load()) ?? new Map<string, StoredSettings>();
    for (const [id, kept] of stored) {
      const defined = Object.entries(kept).filter(([, value]) => value !== undefined);
      this.settings.set(id, { ...this.own(id), ...Object.fromEntries(defined) });
    }
  }

  get(id: string): SatelliteSettings {
    const settings = this.own(id);
    const modes = this.options.modes;
    return modes ? { ...settings, mode: MODE_LABELS[modes.modeOf(id)] as SatelliteMode } : settings;
  }

  /** Muted as the switch shows it: what the satellite reported, else what was asked. */
  muted(id: string): boolean {
    const settings = this.get(id);
    return settings.reported?.muted ?? settings.muted;
  }

  /** The satellite's link, through which everything the server sends it passes. */
  wrap(id: string, link: SatelliteLink): SatelliteLink {
    this.links.set(id, link);
    return {
      send: (event) => {
        const out = this.outgoing(id, 'toEvent' in event ? event.toEvent() : event);
        return link.send(out);
      },
    };
  }

  /** The connection closed. */
  release(id: string, link: SatelliteLink): void {
    if (this.links.get(id) !== link) return;
    this.links.delete(id);
    this.told.delete(id);
    this.update(id, { reported: undefined });
  }

  attached(session: SatelliteSession): void {
    this.bus.emit({ type: 'satellite-connected', satellite: session.id, area: session.area });
  }

  detached(session: SatelliteSession): void {
    this.bus.emit({ type: 'satellite-disconnected', satellite: session.id });
  }

  /** What the server sends first on a new connection: run, or pause when muted; its sounds. */
  opening(id: string): Eventable[] {
    const wake = this.get(id).wakeWord;
    const sounds = this.sounds(id);
    if (sounds) this.told.set(id, JSON.stringify(sounds));
    return [
      this.get(id).muted ? new PauseSatellite() : new RunSatellite(),
      ...(wake ? [new Detect({ names: [wake] })] : []),
      ...(sounds ? [sounds] : []),
    ];
  }

  /**
   * Whether the satellite's own turn chimes play in its mode, and the volume its own sounds play
   * at: the volume the server's audio is played at there (none without modes).
   */
  private sounds(id: string): SatelliteSounds | undefined {
    const modes = this.options.modes;
    if (!modes) return undefined;
    return new SatelliteSounds({
      chimes: policyOf(modes.modeOf(id)).chimes,
      volume: this.volume(id),
    });
  }

  /** The volume the server's audio is played at on `id` (its setting, lowered at night). */
  private volume(id: string): number {
    const mode = this.options.modes?.modeOf(id) ?? 'normal';
    return this.get(id).volume * policyOf(mode, { nightVolume: this.options.nightVolume }).volume;
  }

  /** Tells a connected satellite its sounds when its mode or volume changed them. */
  private async sendSounds(id: string, link: SatelliteLink): Promise<void> {
    const sounds = this.sounds(id);
    const told = sounds && JSON.stringify(sounds);
    if (!sounds || this.told.get(id) === told) return;
    this.told.set(id, told!);
    await link.send(sounds).catch((error: Error) => {
      this.logger.debug(`${id}: sounds not sent: ${error.message}`);
    });
  }

  /** An event from the satellite, before its session sees it. */
  observe(id: string, event: Event): void {
    if (event.type === 'info') {
      const info = Info.fromEvent(event);
      const names = (info.wake ?? []).flatMap((program) => program.models.map((m) => m.name));
      this.update(id, { wakeWords: names });
    } else if (event.type === SatelliteMute.type) {
      const { muted, local } = SatelliteMute.fromEvent(event);
      this.update(id, { reported: { muted, local } });
    } else if (event.type === 'detection') {
      const name = typeof event.data.name === 'string' ? event.data.name : 'wake';
      this.bus.emit({ type: 'wake', satellite: id, wake_word: name });
    }
  }

  async setMuted(id: string, muted: boolean): Promise<void> {
    this.update(id, { muted });
    await this.links.get(id)?.send(muted ? new PauseSatellite() : new RunSatellite());
  }

  setVolume(id: string, volume: number): void {
    this.update(id, { volume: Math.max(0, Math.min(100, Math.round(volume))) });
    const link = this.links.get(id);
    if (link) void this.sendSounds(id, link);
  }

  async setWakeWord(id: string, wakeWord: string): Promise<void> {
    this.update(id, { wakeWord });
    await this.links.get(id)?.send(new Detect({ names: [wakeWord] }));
  }

  setMode(id: string, mode: SatelliteMode): void {
    const modes = this.options.modes;
    const roomMode = modeOfLabel(mode);
    if (modes && roomMode) modes.set(roomMode, { satellite: id });
    else this.update(id, { mode });
  }

  /** The settings kept here (the mode of the mode store aside). */
  private own(id: string): SatelliteSettings {
    return this.settings.get(id) ?? DEFAULTS;
  }

  private update(id: string, change: Partial<SatelliteSettings>): void {
    const before = this.own(id);
    const after = { ...before, ...change };
    this.settings.set(id, after);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    this.bus.emit({ type: 'satellite-settings', satellite: id });
    if (JSON.stringify(kept(before)) !== JSON.stringify(kept(after))) this.save();
  }

  private save(): void {
    const store = this.options.store;
    if (!store) return;
    const all = new Map([...this.settings].map(([id, settings]) => [id, kept(settings)]));
    this.saving = store.save(all).catch((error: Error) => {
      this.logger.warn(`satellite settings not kept in ${store.file}: ${error.message}`);
    });
  }

  /** Settles once the last change is written (the store writes one at a time, the last wins). */
  flush(): Promise<void> {
    return this.saving;
  }

  private outgoing(id: string, event: Event): Event {
    if (event.type === 'error' && event.data.code === ARBITRATION_LOST)
      this.bus.emit({ type: 'arbitration-lost', satellite: id });
    if (event.type !== 'audio-chunk') return event;
    const volume = this.volume(id);
    if (volume === 100) return event;
    return scaleAudio(AudioChunk.fromEvent(event), volume / 100).toEvent();
  }
}

/** What is kept across restarts (not what the satellite reports). */
function kept(settings: SatelliteSettings): StoredSettings {
  const { muted, volume, wakeWord, mode } = settings;
  return { muted, volume, wakeWord, mode };
}
