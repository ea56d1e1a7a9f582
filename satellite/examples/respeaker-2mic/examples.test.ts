import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSatelliteArgs } from '../../src/cli/args.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

const here = new URL('.', import.meta.url).pathname;

describe('the ReSpeaker 2-mic HAT example', () => {
  it('leds.sh writes one APA102 frame: start, three LEDs of 0xE0|7 B G R, end', () => {
    const device = join(tempDir('leds-'), 'spidev');
    execFileSync('sh', [join(here, 'leds.sh'), 'thinking'], { env: { LEDS_DEVICE: device } });
    const led = [231, 0, 140, 255];
    expect([...readFileSync(device)]).toEqual([
      0,
      0,
      0,
      0,
      ...led,
      ...led,
      ...led,
      255,
      255,
      255,
      255,
    ]);
  });

  it('leds.sh refuses a state it does not know', () => {
    expect(() =>
      execFileSync('sh', [join(here, 'leds.sh'), 'disco'], {
        stdio: 'pipe',
        env: { LEDS_DEVICE: '/dev/null' },
      }),
    ).toThrow(/unknown state 'disco'/);
  });

  it('its config parses, with every hook on the LEDs', () => {
    const options = parseSatelliteArgs(['--config', join(here, 'satellite.yaml')]);
    expect(options['detection-command']).toBe('/usr/local/bin/respeaker-leds listening');
    expect(options['tts-played-command']).toBe('/usr/local/bin/respeaker-leds off');
    expect(options['mic-mixer-control']).toBe('Capture');
    expect(options['mic-mixer-device']).toBe('hw:CARD=seeed2micvoicec');
  });
});
