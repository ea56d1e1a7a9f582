// The satellite machine's test table: its inputs, effects as short strings, and the runner,
// shared by the machine's test files.
import { makeEvent } from 'wyoming-ts';
import { initialState, transition } from './satellite-machine.js';
import type { SatelliteEffect, SatelliteInput, SatelliteMode, SatelliteState } from './types.js';

export const server = (type: string, data: Record<string, unknown> = {}): SatelliteInput => ({
  type: 'server-event',
  event: makeEvent(type, data),
});
export const wake: SatelliteInput = {
  type: 'wake-detected',
  name: 'hey_jarvis',
  timestampMs: 1200,
  score: 0.91234,
  levelDbfs: -21.37,
};
export const ready: SatelliteInput[] = [{ type: 'linked' }, server('run-satellite')];
/** What a wake word heard while listening does. */
export const WAKE_STARTS_A_TURN = [
  'silence-timers',
  'send:detection',
  'send:run-pipeline',
  'reset-vad',
  'stream:on',
  'notify:streaming-started',
  'schedule:stream-timeout',
];
/** What ending a stream always does. */
export const STOPS_STREAMING = [
  'stream:off',
  'cancel-schedule:stream-timeout',
  'cancel-schedule:vad-wake-word-timeout',
  'notify:streaming-stopped',
];

/** Effects as short strings: `send:detection`, `stream:on`, `play-sound:awake`, ... */
export function describeEffect(effect: SatelliteEffect): string {
  switch (effect.type) {
    case 'send':
    case 'notify': {
      const event = effect.event.toEvent();
      // The mute report shows what it says: `send:satellite-mute(muted,local,mic)`.
      const flags = ['muted', 'local', 'mic'].filter((flag) => event.data[flag] === true);
      const mute = event.type === 'satellite-mute' ? `(${flags.join(',')})` : '';
      return `${effect.type}:${event.type}${mute}`;
    }
    case 'stream':
      return `stream:${effect.on ? (effect.preroll ? 'on+preroll' : 'on') : 'off'}`;
    case 'play-sound':
      return `play-sound:${effect.sound}`;
    case 'sound-volume':
      return `sound-volume:${effect.volume}`;
    case 'play-audio':
    case 'timer':
      return `${effect.type}:${effect.event.type}`;
    case 'schedule':
    case 'cancel-schedule':
      return `${effect.type}:${effect.name}`;
    default:
      return effect.type;
  }
}

export function run(mode: SatelliteMode, inputs: SatelliteInput[], muted = false) {
  let state: SatelliteState = initialState(mode, muted);
  let last: string[] = [];
  for (const input of inputs) {
    const next = transition(state, input);
    state = next.state;
    last = next.effects.map(describeEffect);
  }
  return { state, last };
}

export interface Row {
  name: string;
  mode: SatelliteMode;
  inputs: SatelliteInput[];
  phase: string;
  effects: string[];
  muted?: boolean;
}
