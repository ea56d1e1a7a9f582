// Early endpointing's side of a turn: the audio up to a pause in the command, transcribed while
// the speaker may still go on, so the answer can start as soon as the pause has lasted long
// enough and the transcript is a sentence the grammar accepts.
import { type Logger, silentLogger } from 'wyoming-ts';
import type { SpeechToText, Transcription } from '../engines/stt/stt.js';

/** Why the command's speech is over. */
export type SpeechEndReason =
  /**
   * Early endpointing: a pause of `pipeline.early_endpoint_ms` after speech, and the
   * speculative transcript of the audio before it is a sentence the grammar accepts.
   */
  | 'early'
  /**
   * A pause of `pipeline.rejected_endpoint_ms` after speech whose speculative transcript the
   * grammar rejected, with no general engine to hear it instead: the answer is "I didn't catch
   * that", at once rather than after the satellite's own end of speech.
   */
  | 'not-understood'
  /** The satellite's `audio-stop` (its own VAD heard the end). */
  | 'audio-stop'
  /** The server's VAD heard the end of speech. */
  | 'vad'
  /** The command reached `pipeline.max_command_seconds`: what follows is dropped. */
  | 'max-length';

/**
 * How long a pause lasts before a rejected speculative transcript is heard again: the speech's
 * pad after its last word (250 ms, `speech-span.ts`) is then real audio, not the pause lengthened.
 */
export const HEAR_AGAIN_MS = 300;

/**
 * The silences the turn's VAD reports as pauses: when the speculative transcription starts,
 * when an accepted command ends, when a rejected one is heard again (`HEAR_AGAIN_MS`), and when
 * a rejected one ends. None when early endpointing is off.
 */
export function pauseMarksMs(pipeline: {
  readonly early_endpoint_ms: number;
  readonly speculate_after_ms: number;
  readonly rejected_endpoint_ms?: number;
}): number[] {
  const early = pipeline.early_endpoint_ms;
  if (early <= 0) return [];
  const rejected = pipeline.rejected_endpoint_ms ?? 0;
  const marks = [Math.min(pipeline.speculate_after_ms, early), early];
  const more = rejected > 0 ? [HEAR_AGAIN_MS, rejected] : [HEAR_AGAIN_MS];
  if (more.every((mark) => marks.includes(mark))) return marks;
  return [...new Set([...marks, ...more])].sort((a, b) => a - b);
}

/** Bytes per millisecond of the audio a turn keeps (16 kHz, 16-bit, mono). */
const BYTES_PER_MS = 32;
/** The piece of a pause repeated to lengthen it: one VAD frame (32 ms). */
const FRAME_BYTES = 1024;

/**
 * Where the frame that lengthens a pause comes from: the pause itself, or the whole turn (its
 * quietest frame is the room between words, not the fading end of the last one). The turn's:
 * on the understanding benchmark's calibration split one more command of 60 ended early (47 of
 * 60, `npm run bench -w server -- understanding early 0 0:turn`), and no more out-of-grammar
 * speech was acted on (1 of 113).
 */
export type NoiseSource = 'pause' | 'turn';

/**
 * `audio`, a command followed by a pause that began at `pauseAtMs`, with the pause lengthened to
 * `tailMs` by repeating the quietest frame of `noiseFrom` (the room's noise): the command as it will be if the
 * speaker stays silent that long. The phrase engine decodes a command followed by a long enough
 * pause more surely than one cut just after its last word; if the speaker goes on instead, the
 * transcript is dropped.
 */
export function lengthenPause(
  audio: Uint8Array,
  pauseAtMs: number,
  tailMs: number,
  noiseFrom: NoiseSource = 'turn',
): Uint8Array {
  const start = Math.min(audio.byteLength, Math.round(pauseAtMs) * BYTES_PER_MS);
  const wanted = start + Math.round(tailMs) * BYTES_PER_MS;
  if (audio.byteLength >= wanted) return audio;
  const out = new Uint8Array(wanted);
  out.set(audio);
  const noise = quietestFrame(noiseFrom === 'pause' ? audio.subarray(start) : audio);
  if (!noise) return out; // less than a frame of pause: digital silence
  for (let at = audio.byteLength; at < wanted; at += noise.byteLength) {
    out.set(noise.subarray(0, wanted - at), at);
  }
  return out;
}

function quietestFrame(pause: Uint8Array): Uint8Array | undefined {
  const view = new DataView(pause.buffer, pause.byteOffset, pause.byteLength);
  let best: { at: number; energy: number } | undefined;
  for (let at = 0; at + FRAME_BYTES <= pause.byteLength; at += FRAME_BYTES) {
    let energy = 0;
    for (let i = at; i < at + FRAME_BYTES; i += 2) energy += view.getInt16(i, true) ** 2;
    if (!best || energy < best.energy) best = { at, energy };
  }
  return best && pause.subarray(best.at, best.at + FRAME_BYTES);
}

/** A transcript early endpointing may end a command on: text, and not a rejection. */
export function isAccepted(transcription: Transcription | undefined): boolean {
  return !!transcription && !transcription.rejected && transcription.text.trim() !== '';
}

export interface SpeculationOptions {
  /**
   * The engine whose accepted answer is a whole command (the phrase engine); none: nothing is
   * transcribed speculatively.
   */
  stt?: SpeechToText;
  language: string;
  timeoutMs: number;
  logger?: Logger;
}

/** The speculative transcripts of one turn; only the latest pause's is kept. */
export class Speculation {
  private latest: { pause: number; result: Promise<Transcription | undefined> } | undefined;
  private readonly logger: Logger;

  constructor(private readonly options: SpeculationOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Transcribes `audio` (the command up to the pause `pause`); resolves whether it is accepted.
   * A turn cancelled meanwhile does not abort it: aborting the phrase engine kills its decoders,
   * which cost more to start again than a short transcription costs to finish.
   */
  async start(pause: number, audio: Uint8Array): Promise<boolean> {
    const { stt, language, timeoutMs } = this.options;
    if (!stt) return false;
    const signal = AbortSignal.timeout(timeoutMs);
    const result = stt
      .transcribe({ audio, language, speculative: true }, signal)
      .catch((error: Error) => {
        this.logger.warn(`speculative transcription: ${error.message}`);
        return undefined;
      });
    this.latest = { pause, result };
    return isAccepted(await result);
  }

  /** The transcript of `pause`, if that is the latest one and it was accepted. */
  async take(pause: number): Promise<Transcription | undefined> {
    if (this.latest?.pause !== pause) return undefined;
    const transcription = await this.latest.result;
    return isAccepted(transcription) ? transcription : undefined;
  }
}
