import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProcesses } from '../../../tests/helpers/proc.js';
import { PulseMixer } from '../../../tests/helpers/pulse-mixer.js';
import { ConfigError } from '../errors.js';
import { captureSwitchOff, CaptureSwitchWatch } from './capture-switch.js';

/** Resolves once `check()` holds, polling (the test's timeout bounds it). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('captureSwitchOff: amixer sget output', () => {
  it('reads the capture switch of every channel; off only when all are off', () => {
    const stereo = (left: string, right: string) =>
      [
        "Simple mixer control 'Capture',0",
        '  Capabilities: cvolume cswitch cswitch-joined',
        '  Capture channels: Front Left - Front Right',
        '  Limits: Capture 0 - 65536',
        `  Front Left: Capture 65536 [100%] [${left}]`,
        `  Front Right: Capture 65536 [100%] [${right}]`,
      ].join('\n');
    expect(captureSwitchOff(stereo('on', 'on'))).toBe(false);
    expect(captureSwitchOff(stereo('off', 'off'))).toBe(true);
    expect(captureSwitchOff(stereo('off', 'on'))).toBe(false);
  });

  it('a control with playback and capture: the switch after Capture', () => {
    const mic =
      "Simple mixer control 'Mic',0\n  Mono: Playback 0 [0%] [-23.00dB] [on] Capture 16 [100%] [23.81dB] [off]";
    expect(captureSwitchOff(mic)).toBe(true);
  });

  it('no capture switch: undefined', () => {
    const master = "Simple mixer control 'Master',0\n  Front Left: Playback 65536 [100%] [on]";
    expect(captureSwitchOff(master)).toBeUndefined();
    expect(captureSwitchOff('')).toBeUndefined();
  });
});

describe('CaptureSwitchWatch on a real ALSA mixer (PulseAudio through the pulse plugin)', () => {
  let mixer: PulseMixer;
  beforeAll(async () => {
    mixer = await PulseMixer.start();
  }, 60_000);
  afterAll(() => mixer?.stop());
  const watchCapture = (seen: boolean[]) =>
    CaptureSwitchWatch.start({
      device: mixer.device,
      control: 'Capture',
      env: mixer.env,
      onChange: (off) => seen.push(off),
    });

  it('reports the switch at start, then each change made with amixer', async () => {
    await mixer.setCapture(true);
    const seen: boolean[] = [];
    const watch = await watchCapture(seen);
    try {
      expect(seen).toEqual([false]);
      await mixer.setCapture(false);
      await until(() => seen.length === 2);
      expect(watch.isOff).toBe(true);
      await mixer.setCapture(true);
      await until(() => seen.length === 3);
      expect(seen).toEqual([false, true, false]);
    } finally {
      await watch.stop();
      await mixer.setCapture(true);
    }
  }, 60_000);

  it('started switched off, then on: both reported', async () => {
    await mixer.setCapture(false);
    const seen: boolean[] = [];
    const watch = await watchCapture(seen);
    try {
      expect(seen).toEqual([true]);
      // PulseAudio's plugin names the volume, not the switch, in this first event.
      await mixer.setCapture(true);
      await until(() => seen.length === 2);
      expect(seen).toEqual([true, false]);
    } finally {
      await watch.stop();
      await mixer.setCapture(true);
    }
  }, 60_000);

  it('amixer events killed: followed again after retryMs', async () => {
    await mixer.setCapture(true);
    const seen: boolean[] = [];
    const watch = await CaptureSwitchWatch.start({
      device: mixer.device,
      control: 'Capture',
      env: mixer.env,
      onChange: (off) => seen.push(off),
      retryMs: 200,
    });
    try {
      const [events] = childProcesses(process.pid).filter((p) => p.name === 'amixer');
      process.kill(events!.pid, 'SIGKILL');
      await until(() => !childProcesses(process.pid).some((p) => p.pid === events!.pid));
      // Changed while nothing follows it: seen when it is read again.
      await mixer.setCapture(false);
      await until(() => seen.length === 2);
      expect(seen).toEqual([false, true]);
    } finally {
      await watch.stop();
      await mixer.setCapture(true);
    }
  }, 60_000);

  it('a control without a capture switch, or a device amixer cannot open: errors naming the flag', async () => {
    const start = (device: string, control: string) =>
      CaptureSwitchWatch.start({ device, control, env: mixer.env, onChange: () => {} });
    await expect(start(mixer.device, 'Master')).rejects.toThrow(
      new ConfigError(`'Master' on pulse has no capture switch`, '--mic-mixer-control'),
    );
    const error = await start('hw:CARD=nosuchcard', 'Capture').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(
      /^--mic-mixer-control: amixer -D hw:CARD=nosuchcard sget 'Capture' failed: .+/,
    );
  }, 60_000);
});
