import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { record } from './enroll.js';

describe('enroll recording', () => {
  it('takes just the seconds asked for from the microphone command, then stops it', async () => {
    // `yes` never ends by itself: the recording must stop it.
    const samples = await record(`sh -c "yes ab | tr -d '\\n'"`, 0.5);
    expect(samples.length).toBe(8000);
    expect(samples[0]).toBe(0x6261);
  });

  it('says so when the microphone gives less than that', async () => {
    await expect(record('head -c 1000 /dev/zero', 1)).rejects.toThrow(ConfigError);
    await expect(record('head -c 1000 /dev/zero', 1)).rejects.toThrow(/gave 1000 of 32000 bytes/);
  });
});
