// Writes the bundled feedback sounds (satellite/sounds/*.wav): short sine chimes with smooth
// edges, 22.05 kHz mono 16-bit. Run with `node --conditions=source --import tsx satellite/scripts/make-sounds.ts`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePcm, writeWav } from 'wyoming-ts';

const RATE = 22050;
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'sounds');

/** Tones as [frequency Hz, duration ms] (frequency 0 = a pause). */
function chime(tones: Array<[number, number]>, level = 0.3): Uint8Array {
  const samples: number[] = [];
  for (const [frequency, ms] of tones) {
    const count = Math.round((RATE * ms) / 1000);
    const fade = Math.min(count / 4, RATE * 0.01);
    for (let i = 0; i < count; i++) {
      const envelope = Math.min(1, i / fade, (count - i) / fade);
      samples.push(
        frequency ? level * envelope * Math.sin((2 * Math.PI * frequency * i) / RATE) : 0,
      );
    }
  }
  return encodePcm(samples, 2);
}

const sounds: Record<string, Array<[number, number]>> = {
  awake: [
    [660, 90],
    [880, 140],
  ],
  done: [
    [880, 90],
    [660, 140],
  ],
  error: [
    [330, 160],
    [0, 60],
    [262, 220],
  ],
  'timer-finished': [
    [988, 120],
    [0, 80],
    [988, 120],
    [0, 80],
    [988, 120],
    [0, 400],
  ],
};

for (const [name, tones] of Object.entries(sounds)) {
  writeFileSync(
    join(out, `${name}.wav`),
    writeWav({ rate: RATE, width: 2, channels: 1, audio: chime(tones) }),
  );
}
