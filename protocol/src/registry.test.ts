import { describe, expect, it } from 'vitest';
import { decodeEvents } from './decoder.js';
import { ProtocolError } from './errors.js';
import type { Eventable } from './event.js';
import { encodeEvent } from './framing.js';
import * as w from './index.js';
import { EVENT_CLASSES, eventClassFor, parseEvent } from './registry.js';

const ctx = { conversation_id: 'c1', nested: { a: [1, 2] } };
const artifact = {
  name: 'x',
  attribution: { name: 'Jarvis', url: 'https://example.org' },
  installed: true,
  description: 'd',
  version: '1',
};

/** A sample of every event type, with every optional field set, plus minimal forms. */
const SAMPLES: Eventable[] = [
  new w.AudioStart({ rate: 16000, width: 2, channels: 1, timestamp: 0 }),
  new w.AudioStart({ rate: 22050, width: 2, channels: 2 }),
  new w.AudioChunk({
    rate: 16000,
    width: 2,
    channels: 1,
    audio: new Uint8Array([1, 2, 3, 4]),
    timestamp: 64,
  }),
  new w.AudioChunk({ rate: 8000, width: 1, channels: 1, audio: new Uint8Array(0) }),
  new w.AudioStop({ timestamp: 1280 }),
  new w.AudioStop(),
  new w.Describe(),
  new w.Info(),
  new w.Info({
    asr: [
      {
        ...artifact,
        models: [{ ...artifact, languages: ['en', 'fr'] }],
        supports_transcript_streaming: true,
      },
    ],
    tts: [
      { ...artifact, voices: [{ ...artifact, languages: ['fr-FR'], speakers: [{ name: 'a' }] }] },
    ],
    handle: [
      { ...artifact, models: [{ ...artifact, languages: ['en'] }], supports_home_control: true },
    ],
    intent: [{ ...artifact, models: [{ ...artifact, languages: ['en'] }] }],
    wake: [{ ...artifact, models: [{ ...artifact, languages: ['en'], phrase: 'hey jarvis' }] }],
    mic: [{ ...artifact, mic_format: { rate: 16000, width: 2, channels: 1 } }],
    snd: [{ ...artifact, snd_format: { rate: 22050, width: 2, channels: 1 } }],
    satellite: {
      ...artifact,
      area: 'Salon',
      has_vad: true,
      active_wake_words: ['hey_jarvis'],
      max_active_wake_words: 2,
      supports_trigger: true,
    },
  }),
  new w.Transcribe({ name: 'phrase', language: 'fr', context: ctx, vad_sensitivity: 'relaxed' }),
  new w.Transcribe(),
  new w.Transcript({ text: 'allume la lumière', language: 'fr', context: ctx }),
  new w.TranscriptStart({ language: 'en', context: ctx }),
  new w.TranscriptChunk({ text: 'turn on ' }),
  new w.TranscriptStop(),
  new w.Synthesize({
    text: 'Hi.',
    voice: { name: 'fr', speaker: 's1' },
    text_format: 'ssml',
    context: ctx,
  }),
  new w.Synthesize({ text: 'Hi.', voice: { language: 'en' } }),
  new w.SynthesizeStart({ voice: { name: 'en-us' }, text_format: 'text', context: ctx }),
  new w.SynthesizeChunk({ text: 'The kitchen ' }),
  new w.SynthesizeStop(),
  new w.SynthesizeStopped(),
  new w.Detect({ names: ['hey_jarvis', 'alexa'], context: ctx }),
  new w.Detect(),
  new w.Detection({
    name: 'hey_jarvis',
    timestamp: 1234,
    speaker: 'anna',
    context: { score: 0.93, level: -20 },
  }),
  new w.NotDetected({ context: ctx }),
  new w.VoiceStarted({ timestamp: 320 }),
  new w.VoiceStopped({ timestamp: 2240 }),
  new w.Recognize({ text: 'what time is it', context: ctx }),
  new w.Intent({
    name: 'HassTurnOn',
    entities: [{ name: 'area', value: 'kitchen' }, { name: 'x' }],
    text: 'ok',
    context: ctx,
  }),
  new w.Intent({ name: 'HassGetTime' }),
  new w.NotRecognized({ text: 'Sorry', context: ctx }),
  new w.IntentsStart({ context: ctx }),
  new w.IntentsStop(),
  new w.Handled({ text: 'Done.', context: ctx }),
  new w.NotHandled({ text: 'No.' }),
  new w.HandledStart({ context: ctx }),
  new w.HandledChunk({ text: 'Do' }),
  new w.HandledStop(),
  new w.Played(),
  new w.RunSatellite(),
  new w.PauseSatellite(),
  new w.SatelliteConnected(),
  new w.SatelliteDisconnected(),
  new w.StreamingStarted(),
  new w.StreamingStopped(),
  new w.RunPipeline({
    start_stage: 'wake',
    end_stage: 'tts',
    restart_on_end: true,
    wake_word_names: ['hey_jarvis'],
  }),
  new w.RunPipeline({ start_stage: 'asr', end_stage: 'tts', wake_word_name: 'hey_jarvis' }),
  new w.RunPipeline({ start_stage: 'tts', end_stage: 'tts', announce_text: 'Dinner is ready' }),
  new w.TimerStarted({
    id: 't1',
    total_seconds: 3723,
    name: 'pasta',
    start_hours: 1,
    start_minutes: 2,
    start_seconds: 3,
  }),
  new w.TimerUpdated({ id: 't1', is_active: false, total_seconds: 240 }),
  new w.TimerCancelled({ id: 't1' }),
  new w.TimerFinished({ id: 't1' }),
  new w.Ping({ text: 'abc' }),
  new w.Pong(),
  new w.Error({ text: 'Unexpected event', code: 'bad-event' }),
  new w.UserEvent({ name: 'button', data: { pressed: true }, context: ctx }),
];

const WYOMING_1_9_TYPES = `audio-start audio-chunk audio-stop describe info transcribe transcript
  transcript-start transcript-chunk transcript-stop synthesize synthesize-start synthesize-chunk
  synthesize-stop synthesize-stopped detect detection not-detected voice-started voice-stopped
  recognize intent not-recognized intents-start intents-stop handled not-handled handled-start
  handled-chunk handled-stop played run-satellite pause-satellite satellite-connected
  satellite-disconnected streaming-started streaming-stopped run-pipeline timer-started
  timer-updated timer-cancelled timer-finished ping pong error user-event`.split(/\s+/);

describe('the event registry', () => {
  it('registers every event type of Wyoming 1.9, once', () => {
    const types = EVENT_CLASSES.map((cls) => cls.type);
    expect(new Set(types).size).toBe(types.length);
    expect([...types].sort()).toEqual([...WYOMING_1_9_TYPES].sort());
  });

  it('has a sample of every registered type in this test', () => {
    const sampled = new Set(SAMPLES.map((sample) => sample.toEvent().type));
    expect([...sampled].sort()).toEqual(EVENT_CLASSES.map((cls) => cls.type).sort());
  });

  it.each(SAMPLES.map((s) => [s.toEvent().type, s] as const))('round-trips %s', (type, sample) => {
    const event = sample.toEvent();
    const cls = eventClassFor(type)!;
    const typed = cls.fromEvent(event);
    expect(typed).toBeInstanceOf(cls as unknown as new (...args: never[]) => unknown);
    expect(typed.toEvent()).toEqual(event); // toEvent(fromEvent(x)) == x
    expect(typed).toEqual(sample); // fromEvent(toEvent(y)) == y
    const [decoded] = decodeEvents(encodeEvent(sample));
    expect(parseEvent(decoded!)).toEqual(sample);
  });

  it('leaves absent optional fields out of the data', () => {
    expect(new w.AudioStop().toEvent().data).toEqual({});
    expect(new w.Detection({ name: 'alexa' }).toEvent().data).toEqual({ name: 'alexa' });
    expect(new w.Transcript({ text: 'x' }).toEvent().data).toEqual({ text: 'x' });
    expect(new w.Ping().toEvent().data).toEqual({});
  });

  it('returns undefined for types it does not know, so newer peers keep working', () => {
    expect(parseEvent({ type: 'future-event', data: {} })).toBeUndefined();
  });
});

describe('validation', () => {
  const bad = (type: string, data: Record<string, unknown>) => () => parseEvent({ type, data });

  it('names the event and field that is wrong', () => {
    expect(bad('transcript', {})).toThrow('transcript.text: required field is missing');
    expect(bad('transcript', { text: 3 })).toThrow('transcript.text: expected string, got number');
    expect(bad('audio-start', { rate: 16000, width: 2, channels: 0 })).toThrow(
      'audio-start.channels: expected a positive integer',
    );
    expect(bad('audio-chunk', { rate: 1.5, width: 2, channels: 1 })).toThrow(
      'audio-chunk.rate: expected integer',
    );
    expect(bad('timer-updated', { id: 't', is_active: 'yes', total_seconds: 1 })).toThrow(
      'timer-updated.is_active: expected boolean, got string',
    );
    expect(bad('detect', { names: ['a', 1] })).toThrow('detect.names: expected array of strings');
    expect(bad('intent', { name: 'X', entities: [{ value: 1 }] })).toThrow(
      'intent.entities[0].name',
    );
    expect(
      bad('info', {
        asr: [{ name: 'a', attribution: { name: 'n' }, installed: true, models: [] }],
      }),
    ).toThrow('info.asr[0].attribution.url');
    expect(bad('run-pipeline', { start_stage: 'asr', end_stage: 'dance' })).toThrow(
      "run-pipeline.end_stage: expected one of wake, asr, intent, handle, tts, got 'dance'",
    );
  });

  it('refuses a pipeline that ends before it starts', () => {
    expect(bad('run-pipeline', { start_stage: 'tts', end_stage: 'asr' })).toThrow(ProtocolError);
    expect(() => new w.RunPipeline({ start_stage: 'handle', end_stage: 'intent' })).toThrow(
      /invalid end stage/,
    );
  });

  it('refuses to read an event as another type', () => {
    expect(() => w.Transcript.fromEvent({ type: 'synthesize', data: { text: 'x' } })).toThrow(
      "expected a 'transcript' event, got 'synthesize'",
    );
  });

  it('treats null as absent for optional fields, as the reference writes them', () => {
    const chunk = w.AudioChunk.fromEvent({
      type: 'audio-chunk',
      data: { rate: 1, width: 2, channels: 1, timestamp: null },
    });
    expect(chunk.timestamp).toBeUndefined();
    expect(
      w.Synthesize.fromEvent({ type: 'synthesize', data: { text: 'x', voice: {} } }).voice,
    ).toBeUndefined();
  });

  it('computes audio chunk durations', () => {
    const chunk = new w.AudioChunk({
      rate: 16000,
      width: 2,
      channels: 1,
      audio: new Uint8Array(3200),
    });
    expect([chunk.samples, chunk.seconds, chunk.milliseconds]).toEqual([1600, 0.1, 100]);
  });
});
