import { type AudioFormat, readAudioFormat } from './audio.js';
import { type JsonObject, withoutUndefined } from './event.js';
import { FieldReader } from './fields.js';

// The sections of an `info` event, as plain data. Each `read*` validates one object and names
// the path of anything wrong (`info.asr[0].models[1].languages: expected array of strings`).

export interface Attribution {
  readonly name: string;
  readonly url: string;
}

/** What every program, model, voice and satellite description has. */
export interface Artifact {
  readonly name: string;
  readonly attribution: Attribution;
  readonly installed: boolean;
  readonly description?: string;
  readonly version?: string;
}

export interface LanguageModel extends Artifact {
  readonly languages: string[];
}

export type AsrModel = LanguageModel;
export type HandleModel = LanguageModel;
export type IntentModel = LanguageModel;

export interface AsrProgram extends Artifact {
  readonly models: AsrModel[];
  readonly supports_transcript_streaming?: boolean;
  readonly requires_external_vad?: boolean;
  readonly prefers_auto_gain_enabled?: boolean;
  readonly prefers_noise_reduction_enabled?: boolean;
}

export interface TtsVoiceSpeaker {
  readonly name: string;
}

export interface TtsVoice extends LanguageModel {
  readonly speakers?: TtsVoiceSpeaker[];
}

export interface TtsProgram extends Artifact {
  readonly voices: TtsVoice[];
  readonly supports_synthesize_streaming?: boolean;
}

export interface HandleProgram extends Artifact {
  readonly models: HandleModel[];
  readonly supports_handled_streaming?: boolean;
  readonly supports_home_control?: boolean;
}

export interface WakeModel extends LanguageModel {
  /** The words a person says, e.g. "hey jarvis" for the model `hey_jarvis`. */
  readonly phrase?: string;
}

export interface WakeProgram extends Artifact {
  readonly models: WakeModel[];
}

export interface IntentProgram extends Artifact {
  readonly models: IntentModel[];
}

export interface Satellite extends Artifact {
  readonly area?: string;
  readonly has_vad?: boolean;
  readonly active_wake_words?: string[];
  readonly max_active_wake_words?: number;
  readonly supports_trigger?: boolean;
}

export interface MicProgram extends Artifact {
  readonly mic_format: AudioFormat;
}

export interface SndProgram extends Artifact {
  readonly snd_format: AudioFormat;
}

type Reader<T> = (value: unknown, where: string) => T;

function artifactFields(f: FieldReader): JsonObject {
  const attribution = f.nested('attribution');
  return {
    name: f.string('name'),
    attribution: { name: attribution.string('name'), url: attribution.string('url') },
    installed: f.bool('installed'),
    description: f.optString('description'),
    version: f.optString('version'),
  };
}

/** Builds a reader for an artifact type from the fields it adds to the common ones. */
function artifactReader<T extends Artifact>(extra: (f: FieldReader) => JsonObject): Reader<T> {
  return (value, where) => {
    const f = FieldReader.forObject(value, where);
    return withoutUndefined({ ...artifactFields(f), ...extra(f) }) as unknown as T;
  };
}

const readLanguageModel = artifactReader<LanguageModel>((f) => ({
  languages: f.stringArray('languages'),
}));

export const readAsrProgram = artifactReader<AsrProgram>((f) => ({
  models: f.array('models', readLanguageModel),
  supports_transcript_streaming: f.optBool('supports_transcript_streaming'),
  requires_external_vad: f.optBool('requires_external_vad'),
  prefers_auto_gain_enabled: f.optBool('prefers_auto_gain_enabled'),
  prefers_noise_reduction_enabled: f.optBool('prefers_noise_reduction_enabled'),
}));

const readTtsVoice = artifactReader<TtsVoice>((f) => ({
  languages: f.stringArray('languages'),
  speakers: f.optArray('speakers', (value, where) => ({
    name: FieldReader.forObject(value, where).string('name'),
  })),
}));

export const readTtsProgram = artifactReader<TtsProgram>((f) => ({
  voices: f.array('voices', readTtsVoice),
  supports_synthesize_streaming: f.optBool('supports_synthesize_streaming'),
}));

export const readHandleProgram = artifactReader<HandleProgram>((f) => ({
  models: f.array('models', readLanguageModel),
  supports_handled_streaming: f.optBool('supports_handled_streaming'),
  supports_home_control: f.optBool('supports_home_control'),
}));

const readWakeModel = artifactReader<WakeModel>((f) => ({
  languages: f.stringArray('languages'),
  phrase: f.optString('phrase'),
}));

export const readWakeProgram = artifactReader<WakeProgram>((f) => ({
  models: f.array('models', readWakeModel),
}));

export const readIntentProgram = artifactReader<IntentProgram>((f) => ({
  models: f.array('models', readLanguageModel),
}));

export const readSatellite = artifactReader<Satellite>((f) => ({
  area: f.optString('area'),
  has_vad: f.optBool('has_vad'),
  active_wake_words: f.optStringArray('active_wake_words'),
  max_active_wake_words: f.optInt('max_active_wake_words'),
  supports_trigger: f.optBool('supports_trigger'),
}));

export const readMicProgram = artifactReader<MicProgram>((f) => ({
  mic_format: readAudioFormat(f.nested('mic_format')),
}));

export const readSndProgram = artifactReader<SndProgram>((f) => ({
  snd_format: readAudioFormat(f.nested('snd_format')),
}));
