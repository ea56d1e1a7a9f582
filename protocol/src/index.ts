// wyoming-ts: the Wyoming protocol (OHF-Voice/wyoming 1.9). Runtime-agnostic core;
// the TCP/unix transport lives in the `wyoming-ts/node` entry.

export {
  Transcribe,
  Transcript,
  TranscriptChunk,
  TranscriptStart,
  TranscriptStop,
  type VadSensitivity,
} from './asr.js';
export { AudioChunk, type AudioFormat, AudioStart, AudioStop } from './audio.js';
export {
  type AudioEvents,
  audioToEvents,
  type ChunkingOptions,
  chunkAudio,
} from './audio-chunking.js';
export { AudioChunkConverter, type AudioTarget, mixChannels, scaleAudio } from './audio-convert.js';
export {
  AUDIO_FORMAT_BOUNDS,
  assertAudioFormat,
  assertEventWithinLimits,
  DEFAULT_EVENT_LIMITS,
  type EventLimits,
} from './bounds.js';
export { concatBytes } from './bytes.js';
export {
  DEFAULT_DECODER_LIMITS,
  type DecoderLimits,
  decodeEvents,
  EventDecoder,
} from './decoder.js';
export { WyomingError as Error, WyomingError } from './error.js';
export { ProtocolError, TimeoutError } from './errors.js';
export {
  asEvent,
  type Event,
  type Eventable,
  type EventableClass,
  isEventable,
  type JsonObject,
  makeEvent,
  PROTOCOL_VERSION,
} from './event.js';
export { FieldReader } from './fields.js';
export { encodeEvent, encodeEvents } from './framing.js';
export { Handled, HandledChunk, HandledStart, HandledStop, NotHandled } from './handle.js';
export { Describe, Info, type InfoInit } from './info.js';
export type {
  Artifact,
  AsrModel,
  AsrProgram,
  Attribution,
  HandleModel,
  HandleProgram,
  IntentModel,
  IntentProgram,
  MicProgram,
  Satellite,
  SndProgram,
  TtsProgram,
  TtsVoice,
  TtsVoiceSpeaker,
  WakeModel,
  WakeProgram,
} from './info-types.js';
export {
  type Entity,
  Intent,
  IntentsStart,
  IntentsStop,
  NotRecognized,
  Recognize,
} from './intent.js';
export { escapeForLog, type Logger, silentLogger } from './logger.js';
export { Ping, Pong } from './ping.js';
export {
  PIPELINE_STAGES,
  type PipelineStage,
  RunPipeline,
  type RunPipelineInit,
} from './pipeline.js';
export { EVENT_CLASSES, eventClassFor, parseEvent } from './registry.js';
export {
  PauseSatellite,
  RunSatellite,
  SatelliteConnected,
  SatelliteDisconnected,
  StreamingStarted,
  StreamingStopped,
} from './satellite.js';
export { Played } from './snd.js';
export { TimerCancelled, TimerFinished, TimerStarted, TimerUpdated } from './timer.js';
export {
  Synthesize,
  SynthesizeChunk,
  SynthesizeStart,
  SynthesizeStop,
  SynthesizeStopped,
  type SynthesizeTextFormat,
  type SynthesizeVoice,
} from './tts.js';
export { convertPcmWidth, decodePcm, encodePcm, pcmSampleCount, type SampleArray } from './pcm.js';
export { Resampler, type ResamplerOptions } from './resampler.js';
export { UserEvent } from './user-event.js';
export { SatelliteMute, SatelliteSounds } from './jarvis.js';
export { VoiceStarted, VoiceStopped } from './vad.js';
export { Detect, Detection, NotDetected } from './wake.js';
export { readWav, type WavAudio, writeWav } from './wav.js';
