// The turn chimes the server turns off (`satellite-sounds`, in silent and do-not-disturb modes):
// the awake and done sounds are not played; the error sound still is, and so is a timer that
// ends: the person set it, so it rings in every mode (see the server's mode policy). At night
// the server lowers the volume of the satellite's own sounds (`volume`), as it does its answers.
import { describe, expect, it } from 'vitest';
import { ready, type Row, run, server, wake } from './test-machine-table.js';

const ROWS: Row[] = [
  {
    name: 'chimes turned off by the server (silent mode): no awake sound',
    mode: 'wake',
    inputs: [...ready, server('satellite-sounds', { chimes: false }), wake, server('transcribe')],
    phase: 'streaming',
    effects: ['cancel-schedule:vad-wake-word-timeout'],
  },
  {
    name: 'chimes off: no done sound either; on again: both',
    mode: 'wake',
    inputs: [
      ...ready,
      server('satellite-sounds', { chimes: false }),
      server('transcript', { text: 'x' }),
      server('satellite-sounds', { chimes: true }),
      server('transcript', { text: 'x' }),
    ],
    phase: 'idle',
    effects: ['play-sound:done'],
  },
  {
    name: 'chimes off: a timer that ends still rings',
    mode: 'wake',
    inputs: [
      ...ready,
      server('satellite-sounds', { chimes: false }),
      server('timer-finished', { id: 't1' }),
    ],
    phase: 'idle',
    effects: ['timer:timer-finished'],
  },
  {
    name: 'night: its own sounds (the timer that rings, the chimes) play at the volume told',
    mode: 'wake',
    inputs: [...ready, server('satellite-sounds', { chimes: true, volume: 40 })],
    phase: 'idle',
    effects: ['sound-volume:40'],
  },
  {
    name: 'the same volume told again changes nothing',
    mode: 'wake',
    inputs: [
      ...ready,
      server('satellite-sounds', { chimes: true, volume: 40 }),
      server('satellite-sounds', { chimes: false, volume: 40 }),
    ],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'no volume (normal mode, or a server from before it): back to full',
    mode: 'wake',
    inputs: [
      ...ready,
      server('satellite-sounds', { chimes: true, volume: 40 }),
      server('satellite-sounds', { chimes: true }),
    ],
    phase: 'idle',
    effects: ['sound-volume:100'],
  },
  {
    name: 'a server that never tells a volume: nothing changes',
    mode: 'wake',
    inputs: [...ready, server('satellite-sounds', { chimes: false })],
    phase: 'idle',
    effects: [],
  },
];

describe('the satellite state machine: chimes from the server', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const { state, last } = run(row.mode, row.inputs, row.muted);
    expect(state.turn.phase).toBe(row.phase);
    expect(last).toEqual(row.effects);
  });
});
