// @jarvis/satellite/engines: the VAD and wake-word engines, shared with the server.
export { turnOffOnnxTelemetry } from './no-telemetry.js';
export * as ort from './onnx-runtime.js';
export { SileroVad, type SileroVadOptions } from './vad/silero-vad.js';
export { SpeechSegmenter } from './vad/speech-segmenter.js';
export { type VadResult, VadStream, type VadStreamOptions } from './vad/vad-stream.js';
export {
  isSpeechEvent,
  type PauseEvent,
  type SpeechEvent,
  type SpeechSegmenterOptions,
  VAD_FRAME_SAMPLES,
  type VadEvent,
  type VoiceActivityDetector,
} from './vad/vad.js';
export {
  availableWakeWords,
  BUILTIN_WAKE_WORDS,
  DEFAULT_WAKE_WORD,
  resolveWakeWordModels,
} from './wake/builtin-models.js';
export { detectFile, readWavAs16k } from './wake/detect-file.js';
export { OpenWakeWord, type OpenWakeWordOptions } from './wake/openwakeword.js';
export { checkSpeedVariants, type SpeedVariantSettings } from './wake/speed-variants.js';
export { WakeWordStreams } from './wake/wake-streams.js';
export type { WakeDetection, WakeWordDetector, WakeWordModel } from './wake/wake-word.js';
export { ConfigError, EngineError } from '../errors.js';
