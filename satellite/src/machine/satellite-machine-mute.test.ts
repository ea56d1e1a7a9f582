// The microphone's real mute state: the sound card's capture switch (`mic-switch`) beside the
// local mute (flag, signals) and the server's pause, and what the satellite reports of them.
import { describe, expect, it } from 'vitest';
import { isListening } from './satellite-machine.js';
import { ready, type Row, run, server, STOPS_STREAMING, wake } from './test-machine-table.js';
import type { SatelliteInput } from './types.js';

const micOff: SatelliteInput = { type: 'mic-switch', on: false };
const micOn: SatelliteInput = { type: 'mic-switch', on: true };

const ROWS: Row[] = [
  {
    name: 'the capture switch turned off: muted at the card, and it says so',
    mode: 'wake',
    inputs: [...ready, micOff],
    phase: 'idle',
    effects: ['send:satellite-mute(muted,local,mic)'],
  },
  {
    name: 'the capture switch back on: it reports it listens',
    mode: 'wake',
    inputs: [...ready, micOff, micOn],
    phase: 'idle',
    effects: ['send:satellite-mute()'],
  },
  {
    name: 'the switch read again with no change: no report',
    mode: 'wake',
    inputs: [...ready, micOff, micOff],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'switched off before a server links: the link hears it at once',
    mode: 'wake',
    inputs: [micOff, { type: 'linked' }],
    phase: 'idle',
    effects: ['notify:satellite-connected', 'send:satellite-mute(muted,local,mic)'],
  },
  {
    name: 'switched off mid-turn: the stream stops, the link stays',
    mode: 'wake',
    inputs: [...ready, wake, micOff],
    phase: 'idle',
    effects: [...STOPS_STREAMING, 'send:satellite-mute(muted,local,mic)'],
  },
  {
    name: 'a wake word while the capture switch is off is ignored',
    mode: 'wake',
    inputs: [...ready, micOff, wake],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'unmuted by a signal while the capture switch is off: still muted, by the card',
    mode: 'wake',
    inputs: [...ready, micOff, { type: 'unmute' }],
    muted: true,
    phase: 'idle',
    effects: [],
  },
  {
    name: 'the switch on while muted by a signal: still muted, no longer by the card',
    mode: 'wake',
    inputs: [...ready, micOff, micOn],
    muted: true,
    phase: 'idle',
    effects: ['send:satellite-mute(muted,local)'],
  },
  {
    name: 'paused by the server, then the switch off: now muted locally too',
    mode: 'wake',
    inputs: [...ready, server('pause-satellite'), micOff],
    phase: 'idle',
    effects: ['send:satellite-mute(muted,local,mic)'],
  },
  {
    name: 'always mode: the switch back on starts the stream again',
    mode: 'always',
    inputs: [...ready, micOff, micOn],
    phase: 'streaming',
    effects: [
      'send:run-pipeline',
      'reset-vad',
      'stream:on',
      'notify:streaming-started',
      'send:satellite-mute()',
    ],
  },
];

describe('the satellite state machine: the capture switch', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const { state, last } = run(row.mode, row.inputs, row.muted);
    expect(state.turn.phase).toBe(row.phase);
    expect(last).toEqual(row.effects);
  });

  it('listens only while the capture switch is on', () => {
    expect(isListening(run('wake', [...ready, micOff]).state)).toBe(false);
    expect(isListening(run('wake', [...ready, micOff, micOn]).state)).toBe(true);
  });
});
