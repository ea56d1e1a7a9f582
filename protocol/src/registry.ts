import { Transcribe, Transcript, TranscriptChunk, TranscriptStart, TranscriptStop } from './asr.js';
import { AudioChunk, AudioStart, AudioStop } from './audio.js';
import { WyomingError } from './error.js';
import type { Event, Eventable, EventableClass } from './event.js';
import { Handled, HandledChunk, HandledStart, HandledStop, NotHandled } from './handle.js';
import { Describe, Info } from './info.js';
import { Intent, IntentsStart, IntentsStop, NotRecognized, Recognize } from './intent.js';
import { Ping, Pong } from './ping.js';
import { RunPipeline } from './pipeline.js';
import {
  PauseSatellite,
  RunSatellite,
  SatelliteConnected,
  SatelliteDisconnected,
  StreamingStarted,
  StreamingStopped,
} from './satellite.js';
import { Played } from './snd.js';
import { TimerCancelled, TimerFinished, TimerStarted, TimerUpdated } from './timer.js';
import {
  Synthesize,
  SynthesizeChunk,
  SynthesizeStart,
  SynthesizeStop,
  SynthesizeStopped,
} from './tts.js';
import { UserEvent } from './user-event.js';
import { VoiceStarted, VoiceStopped } from './vad.js';
import { Detect, Detection, NotDetected } from './wake.js';

/** Every event type of Wyoming 1.9, by domain. */
export const EVENT_CLASSES: readonly EventableClass[] = [
  AudioStart,
  AudioChunk,
  AudioStop,
  Describe,
  Info,
  Transcribe,
  Transcript,
  TranscriptStart,
  TranscriptChunk,
  TranscriptStop,
  Synthesize,
  SynthesizeStart,
  SynthesizeChunk,
  SynthesizeStop,
  SynthesizeStopped,
  Detect,
  Detection,
  NotDetected,
  VoiceStarted,
  VoiceStopped,
  Recognize,
  Intent,
  NotRecognized,
  IntentsStart,
  IntentsStop,
  Handled,
  NotHandled,
  HandledStart,
  HandledChunk,
  HandledStop,
  Played,
  RunSatellite,
  PauseSatellite,
  SatelliteConnected,
  SatelliteDisconnected,
  StreamingStarted,
  StreamingStopped,
  RunPipeline,
  TimerStarted,
  TimerUpdated,
  TimerCancelled,
  TimerFinished,
  Ping,
  Pong,
  WyomingError,
  UserEvent,
];

const BY_TYPE = new Map<string, EventableClass>(EVENT_CLASSES.map((cls) => [cls.type, cls]));

/** The class registered for a wire type, if any. */
export function eventClassFor(type: string): EventableClass | undefined {
  return BY_TYPE.get(type);
}

/**
 * Turns a raw event into its typed class, validating every field (throws `ProtocolError`).
 * Returns `undefined` for types this version does not know: peers ignore those, as the
 * reference does, so newer peers keep working.
 */
export function parseEvent(event: Event): Eventable | undefined {
  return BY_TYPE.get(event.type)?.fromEvent(event);
}
