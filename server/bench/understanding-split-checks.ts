// What the held-out splits' shape tests check alike, computed without recognising anything.
import { samplesOf, speak, type Voice } from '../../tests/helpers/speech.js';
import { drawCommands, MAX_CALIBRATION_SCALE } from './understanding-draw.js';

/** The sentences of `drawn` that calibration or `heldout` draw at some scale up to the largest. */
export function drawnByEarlierSplits(
  drawn: readonly string[],
  englishOnly: readonly string[],
  commands: number,
): string[] {
  const taken = new Set<string>();
  for (let scale = 1; scale <= MAX_CALIBRATION_SCALE; scale++) {
    const { calibration, heldout, extra } = drawCommands(englishOnly, commands, scale);
    for (const sentence of [...calibration, ...heldout, ...extra]) taken.add(sentence);
  }
  return drawn.filter((sentence) => taken.has(sentence));
}

/** How long `voice` takes to say `text`, in seconds, and how loud (RMS of 16-bit samples). */
export async function spokenLevel(
  text: string,
  voice: Voice,
): Promise<{ seconds: number; rms: number }> {
  const { audio } = await speak(text, voice);
  const samples = samplesOf(audio);
  const rms = Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
  return { seconds: audio.length / 2 / 16000, rms };
}
