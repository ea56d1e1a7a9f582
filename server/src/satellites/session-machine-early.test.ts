import { describe, it } from 'vitest';
import {
  audioStop,
  checkRow,
  detection,
  EARLY,
  paused,
  resumed,
  runAsr,
  speculated,
  wakeTurn,
  won,
  type Row,
} from './test-session-table.js';

const ROWS: Row[] = [
  // Early endpointing. The wake word's claim is 1, so is its turn; the first pause is 2.
  {
    name: 'without early endpointing a pause changes nothing',
    events: [...wakeTurn, paused(100)],
    phase: 'listening',
    effects: [],
  },
  {
    name: 'a pause transcribes the command so far speculatively',
    events: [...wakeTurn, paused(100)],
    settings: EARLY,
    phase: 'listening',
    effects: ['speculate:1:2:300ms'],
  },
  {
    name: 'an accepted speculative transcript waits for the pause to last',
    events: [...wakeTurn, paused(100), speculated(2, true)],
    settings: EARLY,
    phase: 'listening',
    effects: [],
  },
  {
    name: '...and the command ends early when the pause reaches early_endpoint_ms',
    events: [...wakeTurn, paused(100), speculated(2, true), paused(300)],
    settings: EARLY,
    phase: 'processing',
    effects: ['finish-turn:1:early:2', 'phase:processing'],
  },
  {
    name: 'a pause that has lasted ends the command once its transcript is accepted',
    events: [...wakeTurn, paused(100), paused(320), speculated(2, true)],
    settings: EARLY,
    phase: 'processing',
    effects: ['finish-turn:1:early:2', 'phase:processing'],
  },
  {
    name: 'a rejected speculative transcript keeps the command open through the pause',
    events: [...wakeTurn, paused(100), speculated(2, false), paused(300)],
    settings: EARLY,
    phase: 'listening',
    effects: [],
  },
  {
    name: '...which ends at the satellite’s audio-stop, transcribed whole',
    events: [...wakeTurn, paused(100), speculated(2, false), paused(300), audioStop],
    settings: EARLY,
    phase: 'processing',
    effects: ['finish-turn:1', 'phase:processing'],
  },
  {
    name: 'speech that resumes drops the speculative transcript',
    events: [...wakeTurn, paused(100), speculated(2, true), resumed()],
    settings: EARLY,
    phase: 'listening',
    effects: ['log:debug'],
  },
  {
    name: '...so a later pause is transcribed again',
    events: [...wakeTurn, paused(100), speculated(2, true), resumed(), paused(100)],
    settings: EARLY,
    phase: 'listening',
    effects: ['speculate:1:3:300ms'],
  },
  {
    name: '...and the dropped transcript cannot end the command',
    events: [...wakeTurn, paused(100), resumed(), paused(100), paused(300), speculated(2, true)],
    settings: EARLY,
    phase: 'listening',
    effects: [],
  },
  {
    name: '...only the new one can',
    events: [...wakeTurn, paused(100), resumed(), paused(100), paused(300), speculated(3, true)],
    settings: EARLY,
    phase: 'processing',
    effects: ['finish-turn:1:early:3', 'phase:processing'],
  },
  {
    name: 'a speculative transcript that arrives after the end of speech changes nothing',
    events: [...wakeTurn, paused(100), paused(300), audioStop, speculated(2, true)],
    settings: EARLY,
    phase: 'processing',
    effects: [],
  },
  {
    name: 'a pause of another turn changes nothing',
    events: [...wakeTurn, paused(100, 7)],
    settings: EARLY,
    phase: 'listening',
    effects: [],
  },
  {
    name: 'speech resumed with no pause under way changes nothing',
    events: [...wakeTurn, resumed()],
    settings: EARLY,
    phase: 'listening',
    effects: [],
  },
  {
    name: 'an early end while arbitration is open waits for it',
    events: [detection, runAsr, paused(100), speculated(2, true), paused(300)],
    settings: EARLY,
    phase: 'listening',
    effects: [],
  },
  {
    name: '...and is answered with its transcript once arbitration is won',
    events: [detection, runAsr, paused(100), speculated(2, true), paused(300), won()],
    settings: EARLY,
    phase: 'processing',
    effects: ['begin-transcription:1', 'finish-turn:1:early:2', 'phase:processing'],
  },
];

describe('the satellite session machine: early endpointing', () => {
  it.each(ROWS)('$name', checkRow);
});
