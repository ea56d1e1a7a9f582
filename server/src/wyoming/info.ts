import { Info } from 'wyoming-ts';
import type { WakeWordModel } from '@jarvis/satellite/engines';
import type { SpeechToText } from '../engines/stt/stt.js';
import type { TextToSpeech } from '../engines/tts/tts.js';

export const SERVER_VERSION = '0.1.0';
const JARVIS = { name: 'Jarvis', url: '' };

export interface ServiceInfoSources {
  stt: SpeechToText;
  tts: TextToSpeech;
  wakeModels: readonly WakeWordModel[];
  /** Languages the local intents understand. */
  intentLanguages: readonly string[];
  /** Whether synthesize-start/chunk/stop streaming is offered. */
  ttsStreaming: boolean;
}

const artifact = (name: string, description: string) => ({
  name,
  attribution: JARVIS,
  installed: true,
  description,
  version: SERVER_VERSION,
});

/** What the server offers Home Assistant over Wyoming: asr, tts, wake and handle. */
export function serviceInfo(sources: ServiceInfoSources): Info {
  return new Info({
    asr: [
      {
        ...artifact('jarvis-stt', 'Jarvis speech-to-text'),
        models: [
          {
            ...artifact(sources.stt.name, 'Jarvis speech-to-text'),
            languages: [...sources.stt.languages],
          },
        ],
        supports_transcript_streaming: false,
      },
    ],
    tts: [
      {
        ...artifact('jarvis-tts', `Jarvis text-to-speech (${sources.tts.name})`),
        voices: sources.tts.voices().map((voice) => ({
          ...artifact(voice.name, voice.description ?? voice.name),
          languages: [...voice.languages],
        })),
        supports_synthesize_streaming: sources.ttsStreaming,
      },
    ],
    wake: [
      {
        ...artifact('jarvis-wake', 'openWakeWord on the Jarvis server'),
        models: sources.wakeModels.map((model) => ({
          ...artifact(model.name, model.phrase),
          languages: ['en'],
          phrase: model.phrase,
        })),
      },
    ],
    handle: [
      {
        ...artifact('jarvis', 'Jarvis conversation agent'),
        models: [
          {
            ...artifact('jarvis-intents', 'Local intents'),
            languages: [...sources.intentLanguages],
          },
        ],
        supports_handled_streaming: false,
        supports_home_control: true,
      },
    ],
  });
}
