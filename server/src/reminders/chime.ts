// The awake chime a reminder starts with: the satellite's own `awake.wav` (the sound people
// know as "Jarvis is listening"), or a short two-tone chime when that file is not installed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AudioChunk, readWav } from 'wyoming-ts';

const RATE = 16_000;

/** Two soft tones, 120 ms and 180 ms, with fades; 16 kHz mono 16-bit. */
export function toneChime(): AudioChunk {
  const tones = [
    { hz: 880, ms: 120 },
    { hz: 1320, ms: 180 },
  ];
  const samples = tones.flatMap(({ hz, ms }) => {
    const n = (RATE * ms) / 1000;
    return Array.from({ length: n }, (_, i) => {
      const fade = Math.min(1, i / 160, (n - i) / 480);
      return Math.round(Math.sin((2 * Math.PI * hz * i) / RATE) * 8000 * fade);
    });
  });
  const audio = new Uint8Array(new Int16Array(samples).buffer);
  return new AudioChunk({ rate: RATE, width: 2, channels: 1, audio });
}

/** The satellite package's awake sound, else the tone. */
export function loadChime(): AudioChunk {
  try {
    const entry = fileURLToPath(import.meta.resolve('@jarvis/satellite'));
    const path = join(dirname(entry), '..', 'sounds', 'awake.wav');
    if (existsSync(path)) return new AudioChunk({ ...readWav(new Uint8Array(readFileSync(path))) });
  } catch {
    // not resolvable here: the tone
  }
  return toneChime();
}
