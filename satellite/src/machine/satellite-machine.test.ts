import { describe, expect, it } from 'vitest';
import type { Event } from 'wyoming-ts';
import { ARBITRATION_LOST, isListening, transition } from './satellite-machine.js';
import {
  ready,
  type Row,
  run,
  server,
  STOPS_STREAMING,
  wake,
  WAKE_STARTS_A_TURN,
} from './test-machine-table.js';

const ROWS: Row[] = [
  {
    name: 'a server link is announced',
    mode: 'wake',
    inputs: [{ type: 'linked' }],
    phase: 'idle',
    // Its mute state, once per link: not muted.
    effects: ['notify:satellite-connected', 'send:satellite-mute()'],
  },
  {
    name: 'run-satellite in wake mode just listens',
    mode: 'wake',
    inputs: ready,
    phase: 'idle',
    effects: [],
  },
  {
    name: 'pause-satellite: muted by the server, and it says so; run-satellite: no longer',
    mode: 'wake',
    inputs: [...ready, server('pause-satellite'), server('run-satellite')],
    phase: 'idle',
    effects: ['send:satellite-mute()'],
  },
  {
    name: 'a satellite muted locally says so as soon as it is linked, and stays muted when run',
    mode: 'wake',
    inputs: [{ type: 'linked' }],
    muted: true,
    phase: 'idle',
    effects: ['notify:satellite-connected', 'send:satellite-mute(muted,local)'],
  },
  {
    name: 'run-satellite changes nothing for a satellite muted locally: no report',
    mode: 'wake',
    inputs: ready,
    muted: true,
    phase: 'idle',
    effects: [],
  },
  {
    name: 'unmuted locally while the server runs it: it reports it listens',
    mode: 'wake',
    inputs: [...ready, { type: 'unmute' }],
    muted: true,
    phase: 'idle',
    effects: ['send:satellite-mute()'],
  },
  {
    name: 'muted or unmuted with no server linked: nothing is sent',
    mode: 'wake',
    inputs: [{ type: 'mute' }],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'detect chooses the wake words: another one heard is ignored',
    mode: 'wake',
    inputs: [...ready, server('detect', { names: ['alexa'] }), wake],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'detect with the wake word heard: the turn starts',
    mode: 'wake',
    inputs: [...ready, server('detect', { names: ['alexa', 'hey_jarvis'] }), wake],
    phase: 'streaming',
    effects: WAKE_STARTS_A_TURN,
  },
  {
    name: 'detect with no names: every wake word again',
    mode: 'wake',
    inputs: [...ready, server('detect', { names: ['alexa'] }), server('detect'), wake],
    phase: 'streaming',
    effects: WAKE_STARTS_A_TURN,
  },
  {
    name: 'a new server link forgets the wake words the last one chose',
    mode: 'wake',
    inputs: [
      ...ready,
      server('detect', { names: ['alexa'] }),
      { type: 'unlinked' },
      ...ready,
      wake,
    ],
    phase: 'streaming',
    effects: WAKE_STARTS_A_TURN,
  },
  {
    name: 'a wake word sends detection then run-pipeline and streams',
    mode: 'wake',
    inputs: [...ready, wake],
    phase: 'streaming',
    effects: WAKE_STARTS_A_TURN,
  },
  {
    name: 'a wake word before run-satellite is ignored',
    mode: 'wake',
    inputs: [{ type: 'linked' }, wake],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'a wake word while muted is ignored',
    mode: 'wake',
    inputs: [...ready, wake],
    muted: true,
    phase: 'idle',
    effects: [],
  },
  {
    name: 'a second wake word while streaming is ignored',
    mode: 'wake',
    inputs: [...ready, wake, wake],
    phase: 'streaming',
    effects: [],
  },
  {
    name: 'transcribe accepts the turn: only now the awake sound',
    mode: 'wake',
    inputs: [...ready, wake, server('transcribe')],
    phase: 'streaming',
    effects: ['cancel-schedule:vad-wake-word-timeout', 'play-sound:awake'],
  },
  {
    name: 'the local VAD ends the utterance with audio-stop',
    mode: 'wake',
    inputs: [...ready, wake, server('transcribe'), { type: 'speech-stopped', timestampMs: 3000 }],
    phase: 'waiting',
    effects: [...STOPS_STREAMING, 'send:audio-stop'],
  },
  {
    name: 'a transcript stops streaming and plays the done sound',
    mode: 'wake',
    inputs: [...ready, wake, server('transcribe'), server('transcript', { text: 'x' })],
    phase: 'waiting',
    effects: [...STOPS_STREAMING, 'play-sound:done'],
  },
  {
    name: 'the answer audio is played',
    mode: 'wake',
    inputs: [
      ...ready,
      wake,
      server('transcript', { text: 'x' }),
      server('audio-start', { rate: 22050, width: 2, channels: 1 }),
    ],
    phase: 'responding',
    effects: ['play-audio:audio-start'],
  },
  {
    name: 'played is sent once playback has finished',
    mode: 'wake',
    inputs: [
      ...ready,
      wake,
      server('transcript', { text: 'x' }),
      server('audio-start', { rate: 22050, width: 2, channels: 1 }),
      server('audio-stop'),
      { type: 'playback-finished' },
    ],
    phase: 'idle',
    effects: ['send:played', 'notify:played'],
  },
  {
    name: 'the stop word while responding stops playback, says played, and starts no turn',
    mode: 'wake',
    inputs: [
      ...ready,
      wake,
      server('audio-start', { rate: 22050, width: 2, channels: 1 }),
      { type: 'stop-detected' },
    ],
    phase: 'idle',
    effects: ['silence-timers', 'stop-playback', 'send:played', 'notify:played'],
  },
  {
    name: 'the stop word when idle silences a ringing timer only',
    mode: 'wake',
    inputs: [...ready, { type: 'stop-detected' }],
    phase: 'idle',
    effects: ['silence-timers'],
  },
  {
    name: 'the stop word while the command streams is ignored',
    mode: 'wake',
    inputs: [...ready, wake, { type: 'stop-detected' }],
    phase: 'streaming',
    effects: [],
  },
  {
    name: 'the stop word is not heard while muted',
    mode: 'wake',
    muted: true,
    inputs: [...ready, { type: 'stop-detected' }],
    phase: 'idle',
    effects: [],
  },
  {
    name: 'barge-in: a wake word while responding stops playback and starts a turn',
    mode: 'wake',
    inputs: [...ready, wake, server('audio-start', { rate: 22050, width: 2, channels: 1 }), wake],
    phase: 'streaming',
    effects: ['silence-timers', 'stop-playback', ...WAKE_STARTS_A_TURN.slice(1)],
  },
  {
    name: 'losing arbitration ends the turn without a sound',
    mode: 'wake',
    inputs: [
      ...ready,
      wake,
      server('error', { text: 'another satellite', code: ARBITRATION_LOST }),
    ],
    phase: 'idle',
    effects: [...STOPS_STREAMING],
  },
  {
    name: 'any other error plays the error sound',
    mode: 'wake',
    inputs: [...ready, wake, server('error', { text: 'stt failed' })],
    phase: 'idle',
    effects: [...STOPS_STREAMING, 'play-sound:error'],
  },
  {
    name: 'a dropped link mid-turn ends the turn cleanly',
    mode: 'wake',
    inputs: [...ready, wake, { type: 'unlinked' }],
    phase: 'idle',
    effects: [...STOPS_STREAMING, 'notify:satellite-disconnected'],
  },
  {
    name: 'pause-satellite stops streaming',
    mode: 'wake',
    inputs: [...ready, wake, server('pause-satellite')],
    phase: 'idle',
    effects: [...STOPS_STREAMING, 'send:satellite-mute(muted)'],
  },
  {
    name: 'the server asks to listen without a wake word (follow-up)',
    mode: 'wake',
    inputs: [...ready, server('run-pipeline', { start_stage: 'asr', end_stage: 'tts' })],
    phase: 'streaming',
    effects: [
      'silence-timers',
      'reset-vad',
      'stream:on',
      'notify:streaming-started',
      'schedule:stream-timeout',
    ],
  },
  {
    name: 'the stream timeout ends a turn nobody ended',
    mode: 'wake',
    inputs: [...ready, wake, { type: 'deadline', name: 'stream-timeout' }],
    phase: 'waiting',
    effects: [...STOPS_STREAMING, 'send:audio-stop'],
  },
  {
    name: 'ping is answered with pong',
    mode: 'wake',
    inputs: [server('ping', { text: 'p' })],
    phase: 'idle',
    effects: ['send:pong'],
  },
  {
    name: 'timer events go to the local timers',
    mode: 'wake',
    inputs: [server('timer-started', { id: 't', total_seconds: 3 })],
    phase: 'idle',
    effects: ['timer:timer-started'],
  },
  {
    name: 'VAD mode: speech starts a wake pipeline with the pre-roll',
    mode: 'vad',
    inputs: [...ready, { type: 'speech-started', timestampMs: 100 }],
    phase: 'streaming',
    effects: [
      'send:run-pipeline',
      'reset-vad',
      'stream:on+preroll',
      'notify:streaming-started',
      'schedule:vad-wake-word-timeout',
    ],
  },
  {
    name: 'VAD mode: no wake word heard by the server in time',
    mode: 'vad',
    inputs: [
      ...ready,
      { type: 'speech-started', timestampMs: 100 },
      { type: 'deadline', name: 'vad-wake-word-timeout' },
    ],
    phase: 'idle',
    effects: [...STOPS_STREAMING, 'send:audio-stop'],
  },
  {
    name: 'VAD mode: the server heard the wake word, the deadline no longer applies',
    mode: 'vad',
    inputs: [
      ...ready,
      { type: 'speech-started', timestampMs: 100 },
      server('detection', { name: 'hey_jarvis' }),
      { type: 'deadline', name: 'vad-wake-word-timeout' },
    ],
    phase: 'streaming',
    effects: [],
  },
  {
    name: 'always mode: run-satellite starts a restarting wake pipeline',
    mode: 'always',
    inputs: ready,
    phase: 'streaming',
    effects: ['send:run-pipeline', 'reset-vad', 'stream:on', 'notify:streaming-started'],
  },
  {
    name: 'always mode: a transcript keeps the stream going',
    mode: 'always',
    inputs: [...ready, server('transcribe'), server('transcript', { text: 'x' })],
    phase: 'streaming',
    effects: ['play-sound:done'],
  },
  {
    name: 'always mode: after an error the pipeline is asked for again',
    mode: 'always',
    inputs: [...ready, server('error', { text: 'x' })],
    phase: 'streaming',
    effects: [
      ...STOPS_STREAMING,
      'play-sound:error',
      'send:run-pipeline',
      'reset-vad',
      'stream:on',
      'notify:streaming-started',
    ],
  },
  {
    name: 'local mute stops streaming and keeps the server link',
    mode: 'always',
    inputs: [...ready, { type: 'mute' }],
    phase: 'idle',
    effects: [...STOPS_STREAMING, 'send:satellite-mute(muted,local)'],
  },
];

describe('the satellite state machine', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const { state, last } = run(row.mode, row.inputs, row.muted);
    expect(state.turn.phase).toBe(row.phase);
    expect(last).toEqual(row.effects);
  });

  it('sends the detection with its score and speech level for arbitration', () => {
    const { state } = run('wake', ready);
    const effects = transition(state, wake).effects;
    const detection = effects.find((e) => e.type === 'send')!;
    const event: Event = (detection as { event: { toEvent(): Event } }).event.toEvent();
    expect(event).toEqual({
      type: 'detection',
      data: { name: 'hey_jarvis', timestamp: 1200, context: { score: 0.9123, level_dbfs: -21.4 } },
    });
    const pipeline = (effects[2] as { event: { toEvent(): Event } }).event.toEvent();
    expect(pipeline.data).toEqual({
      start_stage: 'asr',
      end_stage: 'tts',
      restart_on_end: false,
      wake_word_name: 'hey_jarvis',
    });
  });

  it('listens only when linked, running and not muted', () => {
    expect(isListening(run('wake', ready).state)).toBe(true);
    expect(isListening(run('wake', [...ready, { type: 'mute' }]).state)).toBe(false);
    expect(isListening(run('wake', [...ready, { type: 'mute' }, { type: 'unmute' }]).state)).toBe(
      true,
    );
    expect(isListening(run('wake', [...ready, server('pause-satellite')]).state)).toBe(false);
    expect(isListening(run('wake', [...ready, { type: 'unlinked' }]).state)).toBe(false);
  });
});
