// The core of `jarvis-satellite detect FILE.wav...`: the wake words heard in one WAV file.
import { readFile } from 'node:fs/promises';
import { AudioChunk, AudioChunkConverter, concatBytes, readWav } from 'wyoming-ts';
import { SAMPLE_RATE, STEP_SAMPLES } from './onnx-models.js';
import type { WakeDetection, WakeWordDetector } from './wake-word.js';

/** One line of the tool's output, with the JSON field names it prints. */
export interface FileDetections {
  readonly file: string;
  readonly detections: { name: string; timestamp_ms: number; score: number }[];
}

/**
 * Silence fed after the file: a classifier's score peaks up to a few hundred milliseconds after
 * the wake word ends, so a file that stops right after it still gets its detection (timestamps
 * may then lie past the end of the file). openWakeWord's `predict_clip` pads 1 s the same way.
 */
export const TRAILING_SILENCE_MS = 1000;

/** Audio fed per `process` call, as a satellite streams it. */
const CHUNK_SAMPLES = 16 * STEP_SAMPLES;

/** Reads a WAV file of any rate, width and channel count as 16 kHz mono 16-bit samples. */
export async function readWavAs16k(file: string): Promise<Int16Array> {
  const wav = readWav(new Uint8Array(await readFile(file)));
  const converter = new AudioChunkConverter({ rate: SAMPLE_RATE, width: 2, channels: 1 });
  const converted = converter.convert(new AudioChunk({ ...wav }));
  const tail = converter.flush();
  const bytes = tail ? concatBytes([converted.audio, tail.audio]) : converted.audio.slice();
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
}

/**
 * Streams `file` through `detector` (after a reset, then followed by 1 s of silence) and
 * returns its detections. Read and format errors propagate: Node's file errors name the file,
 * `readWav`'s `ProtocolError` says what is wrong with it.
 */
export async function detectFile(
  file: string,
  detector: WakeWordDetector,
): Promise<FileDetections> {
  const samples = await readWavAs16k(file);
  detector.reset();
  const found: WakeDetection[] = [];
  for (let start = 0; start < samples.length; start += CHUNK_SAMPLES) {
    found.push(...(await detector.process(samples.subarray(start, start + CHUNK_SAMPLES))));
  }
  found.push(
    ...(await detector.process(new Int16Array((SAMPLE_RATE * TRAILING_SILENCE_MS) / 1000))),
  );
  return {
    file,
    detections: found.map((detection) => ({
      name: detection.name,
      timestamp_ms: detection.timestampMs,
      score: detection.score,
    })),
  };
}
