import { describe, expect, it } from 'vitest';
import { initialSessionState, sessionTransition, visiblePhase } from './session-machine.js';
import {
  announce,
  answered,
  audioStop,
  capped,
  checkRow,
  chunk,
  detection,
  disconnected,
  finished,
  heard,
  lateChunk,
  listen,
  lost,
  played,
  ready,
  run,
  runAsr,
  runWake,
  sat,
  serverWake,
  vadEnd,
  wakeTurn,
  won,
  type Row,
} from './test-session-table.js';

const ROWS: Row[] = [
  // A wake word heard by the satellite, and arbitration.
  {
    name: 'a detection is claimed; the turn waits for run-pipeline',
    events: [detection],
    phase: 'idle',
    effects: ['claim:1'],
  },
  {
    name: 'run-pipeline while the claim is pending listens without transcribing yet',
    events: [detection, runAsr],
    phase: 'listening',
    effects: ['start-turn:1', 'phase:listening'],
  },
  {
    name: 'a claim won before run-pipeline transcribes at once',
    events: wakeTurn,
    phase: 'listening',
    effects: ['start-turn:1', 'phase:listening', 'begin-transcription:1'],
  },
  {
    name: 'arbitration won while listening: transcription begins',
    events: [detection, runAsr, won()],
    phase: 'listening',
    effects: ['begin-transcription:1'],
  },
  {
    name: 'run-pipeline without a wake word transcribes at once',
    events: [runAsr],
    phase: 'listening',
    effects: ['start-turn:1', 'phase:listening', 'begin-transcription:1'],
  },
  {
    name: 'the command audio goes to the turn',
    events: [...wakeTurn, chunk],
    phase: 'listening',
    effects: ['push-audio:1'],
  },
  {
    name: 'audio-stop ends the speech: the turn is answered',
    events: [...wakeTurn, audioStop],
    phase: 'processing',
    effects: ['finish-turn:1', 'phase:processing'],
  },
  {
    name: "the server's VAD ends the speech",
    events: [...wakeTurn, vadEnd()],
    phase: 'processing',
    effects: ['finish-turn:1', 'phase:processing'],
  },
  {
    name: 'a command that reaches its maximum length ends as if the speaker stopped',
    events: [...wakeTurn, capped()],
    phase: 'processing',
    effects: ['finish-turn:1', 'phase:processing'],
  },
  {
    name: 'the end of an older turn changes nothing',
    events: [...wakeTurn, vadEnd(7)],
    phase: 'listening',
    effects: [],
  },
  {
    name: 'speech that ends while arbitration is open waits for it',
    events: [detection, runAsr, audioStop],
    phase: 'listening',
    effects: [],
  },
  {
    name: '...and is answered once arbitration is won',
    events: [detection, runAsr, audioStop, won()],
    phase: 'processing',
    effects: ['begin-transcription:1', 'finish-turn:1', 'phase:processing'],
  },
  {
    name: 'a length cap hit during arbitration is answered once it is won',
    events: [detection, runAsr, capped(), won()],
    phase: 'processing',
    effects: ['begin-transcription:1', 'finish-turn:1', 'phase:processing'],
  },
  {
    name: 'arbitration lost while listening: the turn stops and the satellite stands down',
    events: [detection, runAsr, lost()],
    phase: 'idle',
    effects: ['cancel-turn:1', 'log:info', 'send:error:wake-arbitration-lost', 'phase:idle'],
  },
  {
    name: 'arbitration lost before run-pipeline: the satellite stands down',
    events: [detection, lost()],
    phase: 'idle',
    effects: ['log:info', 'send:error:wake-arbitration-lost'],
  },
  {
    name: 'news of an older claim changes nothing',
    events: [...wakeTurn, lost(9)],
    phase: 'listening',
    effects: [],
  },
  {
    name: 'a second audio-stop changes nothing',
    events: [...wakeTurn, audioStop, audioStop],
    phase: 'processing',
    effects: [],
  },
  {
    name: 'audio after the end of speech is dropped',
    events: [...wakeTurn, audioStop, chunk],
    phase: 'processing',
    effects: [],
  },
  // The answer.
  {
    name: 'a spoken answer: responding until played',
    events: answered,
    phase: 'responding',
    effects: ['notify-turn', 'phase:responding'],
  },
  {
    name: 'an answer that starts a timer',
    events: [...wakeTurn, audioStop, finished({ timer: { type: 'start', id: 't', seconds: 60 } })],
    phase: 'responding',
    effects: ['apply-timer:start', 'notify-turn', 'phase:responding'],
  },
  {
    name: 'an answer without audio (speech failed) is over at once',
    events: [...wakeTurn, audioStop, finished({ spoke: false, failed: true })],
    phase: 'idle',
    effects: ['notify-turn', 'phase:idle'],
  },
  {
    name: 'the outcome of a turn that was replaced changes nothing',
    events: [...wakeTurn, audioStop, runAsr, finished()],
    phase: 'listening',
    effects: [],
  },
  {
    name: 'played ends the answer',
    events: [...answered, played],
    phase: 'idle',
    effects: ['phase:idle'],
  },
  {
    name: 'played after a question: listen again without a wake word',
    events: [...wakeTurn, audioStop, finished({ expectsReply: true }), played],
    phase: 'listening',
    effects: ['phase:idle', 'send:run-pipeline', 'start-turn:2', 'phase:listening'],
  },
  {
    name: 'played while listening (after a barge-in) changes nothing',
    events: [...answered, detection, runAsr, played],
    phase: 'listening',
    effects: [],
  },
  {
    name: 'a wake word while responding (barge-in) starts a new turn',
    events: [...answered, detection, won(2), runAsr],
    phase: 'listening',
    effects: ['start-turn:2', 'phase:listening', 'begin-transcription:2'],
  },
  {
    name: 'a new run-pipeline while processing replaces the turn',
    events: [...wakeTurn, audioStop, runAsr],
    phase: 'listening',
    effects: ['cancel-turn:1', 'start-turn:2', 'phase:listening', 'begin-transcription:2'],
  },
  // The server hears the wake word.
  {
    name: 'run-pipeline from the wake stage opens a wake word detector',
    events: [runWake],
    phase: 'idle',
    effects: ['open-wake-detector'],
  },
  {
    name: 'a second run-pipeline from the wake stage keeps it',
    events: [...serverWake, runWake],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'audio between turns feeds the wake word detector',
    events: [...serverWake, chunk],
    phase: 'idle',
    effects: ['feed-wake'],
  },
  {
    name: 'audio before the detector is ready is dropped',
    events: [runWake, chunk],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'a wake word heard by the server: detection to the satellite, a claim, a turn',
    events: [...serverWake, heard],
    phase: 'listening',
    effects: ['send:detection', 'start-turn:1', 'phase:listening', 'claim:1'],
  },
  {
    name: '...which transcribes once arbitration is won',
    events: [...serverWake, heard, won()],
    phase: 'listening',
    effects: ['begin-transcription:1'],
  },
  {
    name: 'a wake word heard late: the audio after it starts the command',
    events: [...serverWake, { ...heard, after: [lateChunk, lateChunk] }],
    phase: 'listening',
    effects: [
      'send:detection',
      'start-turn:1',
      'phase:listening',
      'claim:1',
      'push-audio:1',
      'push-audio:1',
    ],
  },
  {
    name: 'a wake word heard during a turn changes nothing',
    events: [...serverWake, heard, heard],
    phase: 'listening',
    effects: [],
  },
  {
    name: 'a wake word heard while responding interrupts the answer',
    events: [...serverWake, heard, won(), vadEnd(), finished(), heard],
    phase: 'listening',
    effects: ['send:detection', 'start-turn:2', 'phase:listening', 'claim:2'],
  },
  {
    name: 'the wake word detector fails: closed, and the satellite is told',
    events: [...serverWake, { type: 'wake-failed', message: 'boom' }],
    phase: 'idle',
    effects: ['log:error', 'close-wake-detector', 'send:error:wake-failed'],
  },
  {
    name: '...and audio is dropped until the next run-pipeline',
    events: [...serverWake, { type: 'wake-failed', message: 'boom' }, chunk],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'the wake word detector cannot open: the satellite is told',
    events: [runWake, { type: 'wake-detector-failed', message: 'no model' }],
    phase: 'idle',
    effects: ['log:error', 'send:error:wake-failed'],
  },
  // Requests from the server.
  {
    name: 'listen: run-pipeline to the satellite and a turn without arbitration',
    events: [listen],
    phase: 'listening',
    effects: ['send:run-pipeline', 'start-turn:1', 'phase:listening'],
  },
  {
    name: 'listen while processing replaces the turn',
    events: [...wakeTurn, audioStop, listen],
    phase: 'listening',
    effects: ['cancel-turn:1', 'send:run-pipeline', 'start-turn:2', 'phase:listening'],
  },
  {
    name: 'an announcement is spoken',
    events: [announce],
    phase: 'responding',
    effects: ['phase:responding', 'speak'],
  },
  {
    name: 'an announcement ends the turn under way',
    events: [...wakeTurn, announce],
    phase: 'responding',
    effects: ['cancel-turn:1', 'phase:responding', 'speak'],
  },
  {
    name: 'once sent, an announcement is being played',
    events: [announce, { type: 'announcement-sent' }],
    phase: 'responding',
    effects: [],
  },
  {
    name: 'an announcement is not followed by listening',
    events: [announce, { type: 'announcement-sent' }, played],
    phase: 'idle',
    effects: ['phase:idle'],
  },
  {
    name: 'a short announcement played before it was all sent: idle, not left responding',
    events: [announce, played, { type: 'announcement-sent' }],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'an announcement that could not be made: idle again',
    events: [announce, { type: 'announcement-sent', failed: true }],
    phase: 'idle',
    effects: ['phase:idle'],
  },
  // The connection.
  {
    name: 'ping is answered',
    events: [sat('ping', { text: '42' })],
    phase: 'idle',
    effects: ['send:pong'],
  },
  {
    name: 'other events are ignored',
    events: [sat('describe')],
    phase: 'idle',
    effects: ['log:debug'],
  },
  {
    name: 'a disconnect stops the turn and gives everything back',
    events: [...wakeTurn, disconnected],
    phase: 'closed',
    effects: ['cancel-turn:1', 'withdraw-claim', 'stop-timers', 'release-vad', 'phase:idle'],
  },
  {
    name: 'a disconnect closes the server-side wake word detector',
    events: [...serverWake, disconnected],
    phase: 'closed',
    effects: ['withdraw-claim', 'stop-timers', 'release-vad', 'close-wake-detector'],
  },
  {
    name: 'a detector that opens after the disconnect is closed at once',
    events: [runWake, disconnected, ready],
    phase: 'closed',
    effects: ['close-wake-detector'],
  },
  {
    name: 'a turn that finishes after the disconnect changes nothing',
    events: [...wakeTurn, audioStop, disconnected, finished()],
    phase: 'closed',
    effects: [],
  },
  {
    name: 'a closed session does nothing the satellite asks',
    events: [disconnected, detection],
    phase: 'closed',
    effects: [],
  },
];

describe('the satellite session machine', () => {
  it.each(ROWS)('$name', checkRow);

  it('runs a whole turn through the four phases Home Assistant shows', () => {
    let state = initialSessionState();
    const phases: string[] = [];
    for (const event of [...answered, played]) {
      const next = sessionTransition(state, event);
      state = next.state;
      for (const effect of next.effects) {
        if (effect.type === 'notify-phase') phases.push(effect.phase);
      }
    }
    expect(phases).toEqual(['listening', 'processing', 'responding', 'idle']);
    expect(visiblePhase(run([...wakeTurn, disconnected]).state)).toBe('idle');
  });

  it('tells the arbiter what the satellite heard', () => {
    const { effects } = sessionTransition(initialSessionState(), detection);
    expect(effects).toEqual([
      { type: 'claim', claim: 1, wakeWord: 'hey_jarvis', score: 0.9, levelDbfs: -20 },
    ]);
  });

  it('keeps when the wake word was heard for the turn timings', () => {
    const { state } = run([detection]);
    const { effects } = sessionTransition(state, runAsr);
    expect(effects).toContainEqual({ type: 'start-turn', turn: 1, wakeAt: 1000 });
  });
});
