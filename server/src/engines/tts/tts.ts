import type { AudioFormat } from 'wyoming-ts';

export interface VoiceInfo {
  readonly name: string;
  readonly languages: readonly string[];
  readonly description?: string;
}

export interface SynthesisRequest {
  readonly text: string;
  readonly language?: string;
  /** A voice name from `voices()`; the engine's default for the language otherwise. */
  readonly voice?: string;
}

/** Audio as it is produced: the format once, then PCM pieces. */
export interface SynthesizedAudio {
  readonly format: AudioFormat;
  readonly chunks: AsyncIterable<Uint8Array>;
}

export interface TextToSpeech {
  readonly name: string;
  voices(): readonly VoiceInfo[];
  /** Starts speaking; audio pieces arrive as they are made. Rejects/throws `EngineError`. */
  synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<SynthesizedAudio>;
  close(): Promise<void>;
}
