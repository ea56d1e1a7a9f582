// The microphone's real mute state: a satellite following its sound card's capture switch
// (`--mic-mixer-control`) on a real ALSA mixer (PulseAudio through alsa-lib's pulse plugin),
// switched with amixer as a HAT's mute button or alsamixer would.
import { afterEach, describe, expect, it } from 'vitest';
import { PulseMixer } from './helpers/pulse-mixer.js';
import { adoptedSatellite } from './helpers/satellite-process.js';
import { micScene } from './helpers/satellite-scenes.js';
import { tempDir } from './helpers/temp-dir.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a satellite muted at its sound card', () => {
  it('reports the capture switch, listens only while it is on, and follows it both ways', async () => {
    const mixer = await PulseMixer.start();
    cleanups.push(() => mixer.stop());
    await mixer.setCapture(false);
    const scene = await micScene(tempDir('jarvis-mic-mute-'));
    const { ha } = await adoptedSatellite(
      [
        ...['--mic-mixer-control', 'Capture', '--mic-mixer-device', mixer.device],
        ...['--mic-file', scene.path, '--mic-file-fast'],
      ],
      cleanups,
      { env: mixer.env },
    );
    // Switched off before Home Assistant linked: said at once, with the cause.
    const first = await ha.waitFor('satellite-mute');
    expect(first.data).toEqual({ muted: true, local: true, mic: true });

    // On: it says it listens, and only then hears the wake word in its microphone file
    // (the file starts playing when the satellite first listens).
    await mixer.setCapture(true);
    expect((await ha.waitFor('satellite-mute')).data).toEqual({ muted: false, local: false });
    const detection = await ha.waitFor('detection', 60_000);
    expect(detection.data.name).toBe('hey_jarvis');
    const types = ha.eventTypes();
    expect(types.lastIndexOf('satellite-mute')).toBeLessThan(types.indexOf('detection'));

    // Off again, during the turn: reported.
    await mixer.setCapture(false);
    expect((await ha.waitFor('satellite-mute')).data).toEqual({
      muted: true,
      local: true,
      mic: true,
    });
  }, 120_000);
});
