import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWav } from 'wyoming-ts';
import { MicGain } from '../audio/gain.js';
import type { MicSource } from '../audio/mic.js';
import { SileroVad } from '../engines/vad/silero-vad.js';
import { VadStream } from '../engines/vad/vad-stream.js';
import { resolveWakeWordModels } from '../engines/wake/builtin-models.js';
import { OpenWakeWord } from '../engines/wake/openwakeword.js';
import { SpeechGate } from '../engines/wake/speech-gate.js';
import { Listener } from './listener.js';
import { MicHealth } from './mic-health.js';

const wav = readWav(
  new Uint8Array(
    readFileSync(new URL('../engines/wake/testdata/hey-jarvis-alexa.wav', import.meta.url)),
  ),
);

/** A microphone that delivers the whole recording at once, in 1,024-sample chunks. */
function recording(): MicSource {
  return {
    start(onChunk) {
      for (let i = 0; i + 2048 <= wav.audio.length; i += 2048)
        onChunk(wav.audio.slice(i, i + 2048));
    },
    stop: async () => {},
  };
}

/**
 * The wake words the real engines hear in the recording, through a gate of `threshold`, made
 * `gain` times louder (clipped), with or without a health check.
 */
async function heard(
  threshold: number | undefined,
  { gain = 1, health }: { gain?: number; health?: MicHealth } = {},
): Promise<string[]> {
  const vad = await SileroVad.load();
  const wake = await OpenWakeWord.load({
    models: resolveWakeWordModels({ names: ['hey_jarvis', 'alexa'] }),
  });
  const names: string[] = [];
  const listener = new Listener({
    mic: recording(),
    gain: new MicGain(gain, 0),
    health,
    vad: new VadStream({ detector: vad }),
    wake,
    gate: threshold === undefined ? undefined : new SpeechGate({ threshold }),
    needs: () => ({ wake: true, vad: false }),
    callbacks: { onChunk: () => {}, onWake: (d) => names.push(d.name), onSpeech: () => {} },
    maxBacklog: Number.POSITIVE_INFINITY,
  });
  listener.start();
  await listener.settled();
  await Promise.all([vad.close(), wake.close()]);
  return names;
}

describe('the listener with the speech gate', () => {
  it('lets detections of real speech through, as without the gate', async () => {
    expect(await heard(undefined)).toEqual(['hey_jarvis', 'alexa']);
    expect(await heard(0.5)).toEqual(['hey_jarvis', 'alexa']);
  });

  it('drops the detections the VAD did not confirm', async () => {
    expect(await heard(1)).toEqual([]);
  });
});

describe('the listener with microphone health', () => {
  it('hears the wake word as before and in slightly clipped audio, not in heavily clipped audio', async () => {
    expect(await heard(undefined, { health: new MicHealth() })).toEqual(['hey_jarvis', 'alexa']);
    // Three times louder clips a little: still heard.
    expect(await heard(undefined, { gain: 3, health: new MicHealth() })).toContain('hey_jarvis');
    // Six times louder clips hard: the model still fires, the health check refuses it.
    expect(await heard(undefined, { gain: 6 })).toContain('hey_jarvis');
    expect(await heard(undefined, { gain: 6, health: new MicHealth() })).toEqual([]);
  });
});
