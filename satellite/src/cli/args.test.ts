import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { parseSatelliteArgs } from './args.js';
import { usage } from './help.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

function configFile(text: string): string {
  const path = join(tempDir('sat-config-'), 'satellite.yaml');
  writeFileSync(path, text);
  return path;
}

describe('satellite options', () => {
  it('has the wyoming-satellite defaults', () => {
    const options = parseSatelliteArgs([]);
    expect(options.uri).toBe('tcp://0.0.0.0:10700');
    expect(options['mic-command']).toBe('arecord -r 16000 -c 1 -f S16_LE -t raw');
    expect(options['snd-command']).toBe('aplay -r 22050 -c 1 -f S16_LE -t raw');
    expect(options['wake-word-name']).toEqual(['hey_jarvis']);
    expect(options.vad).toBe(false);
    expect(options.name).toBeUndefined();
    expect(options['allow-takeover']).toBe(false);
    expect(parseSatelliteArgs(['--allow-takeover'])['allow-takeover']).toBe(true);
    // RNNoise before the wake word is on unless turned off (the benchmark's held-out voices).
    expect(options['wake-noise-suppression']).toBe(true);
    expect(parseSatelliteArgs(['--no-wake-noise-suppression'])['wake-noise-suppression']).toBe(
      false,
    );
  });

  it('reads repeated and comma-separated wake words, numbers and booleans', () => {
    const options = parseSatelliteArgs([
      '--wake-word-name',
      'hey_jarvis',
      '--wake-word-name',
      'alexa,hey_mycroft',
      '--vad-threshold',
      '0.6',
      '--muted',
    ]);
    expect(options['wake-word-name']).toEqual(['hey_jarvis', 'alexa', 'hey_mycroft']);
    expect(options['vad-threshold']).toBe(0.6);
    expect(options['wake-speed-variants']).toBe(0);
    expect(parseSatelliteArgs(['--wake-speed-variants', '0.1'])['wake-speed-variants']).toBe(0.1);
    expect(options.muted).toBe(true);
  });

  it('takes a YAML config file, with flags winning over it', () => {
    const path = configFile(
      'name: kitchen\narea: Kitchen\nwake-word-name: [alexa]\nmic-auto-gain: 5\n',
    );
    const options = parseSatelliteArgs(['--config', path, '--area', 'Cuisine']);
    expect(options.name).toBe('kitchen');
    expect(options.area).toBe('Cuisine');
    expect(options['wake-word-name']).toEqual(['alexa']);
    expect(options['mic-auto-gain']).toBe(5);
  });

  it.each([
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['--wake-threshold', '2'], '--wake-threshold: expected 0.01..1, got 2'],
    [['--wake-speed-variants', '1.5'], '--wake-speed-variants: expected 0..1, got 1.5'],
    [['--mic-command-rate', 'fast'], '--mic-command-rate: expected a number, got "fast"'],
    [['--mic-command-rate', '16000.5'], '--mic-command-rate: expected a whole number in'],
    [['--vad', '--always-stream'], '--vad: --vad and --always-stream exclude each other'],
    [['--server', 'jarvis.local'], '--server: expected tcp://host:port or unix://path'],
    [['--wake-word-name', 'hey jarvis'], '--wake-word-name: expected NAME[:THRESHOLD'],
    [['--no-mic', '--vad'], '--no-mic: a satellite without a microphone streams nothing'],
    [
      ['--stop-word', 'alexa', '--always-stream'],
      '--stop-word: the stop word is heard by the local',
    ],
    [['--stop-word', 'alexa', '--no-mic'], '--stop-word: the stop word is heard by the local'],
    [['stray'], "unexpected argument 'stray'"],
    [['--config', '/nonexistent/x.yaml'], '--config: cannot read /nonexistent/x.yaml: ENOENT'],
  ])('refuses %j, naming the flag', (argv, message) => {
    expect(() => parseSatelliteArgs(argv)).toThrow(ConfigError);
    expect(() => parseSatelliteArgs(argv)).toThrow(message);
  });

  it('names the key of a bad config file, and lists every problem', () => {
    const colour = configFile('colour: blue\n');
    expect(() => parseSatelliteArgs(['--config', colour])).toThrow(
      `colour (in ${colour}): unknown option`,
    );
    const high = configFile('vad-threshold: high\n');
    expect(() => parseSatelliteArgs(['--config', high])).toThrow(
      `vad-threshold (in ${high}): expected a number, got "high"`,
    );
    expect(() => parseSatelliteArgs(['--config', configFile('- a\n- b\n')])).toThrow(
      'must hold a mapping',
    );
    const two = configFile('muted: yes please\nwake-threshold: 0\n');
    let message = '';
    try {
      parseSatelliteArgs(['--config', two, '--vad-threshold', '7']);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`muted (in ${two}): expected boolean, received string`);
    expect(message).toContain(`wake-threshold (in ${two}): expected 0.01..1, got 0`);
    expect(message).toContain('--vad-threshold: expected 0..1, got 7');
  });

  it('turns a yes/no option off with --no-NAME, over the config file, the later flag winning', () => {
    const on = configFile('allow-takeover: true\nmuted: true\n');
    const options = parseSatelliteArgs(['--config', on, '--no-allow-takeover']);
    expect(options['allow-takeover']).toBe(false);
    expect(options.muted).toBe(true);
    expect(parseSatelliteArgs(['--config', on])['allow-takeover']).toBe(true);
    expect(parseSatelliteArgs(['--muted', '--no-muted']).muted).toBe(false);
    expect(parseSatelliteArgs(['--no-muted', '--muted']).muted).toBe(true);
    // Options named no-... are themselves; --no- of a value option is unknown.
    expect(parseSatelliteArgs(['--no-mic'])['no-mic']).toBe(true);
    expect(() => parseSatelliteArgs(['--no-wake-threshold'])).toThrow(
      "Unknown option '--no-wake-threshold'",
    );
    expect(usage()).toContain('--no-NAME');
  });

  it('gives every option the same type from a flag and from the file', () => {
    const file = configFile('wake-threshold: 0.7\nwake-word-name: alexa,hey_mycroft\n');
    const fromFile = parseSatelliteArgs(['--config', file]);
    const fromFlags = parseSatelliteArgs([
      '--wake-threshold',
      '0.7',
      '--wake-word-name',
      'alexa,hey_mycroft',
    ]);
    expect(fromFile['wake-threshold']).toBe(0.7);
    expect(fromFile['wake-word-name']).toEqual(fromFlags['wake-word-name']);
    expect(fromFile['wake-threshold']).toBe(fromFlags['wake-threshold']);
  });

  it('documents every option in --help, with its bounds and default', () => {
    const text = usage();
    for (const flag of [
      '--mic-command',
      '--snd-file',
      '--wake-word-name',
      '--event-uri',
      '--timer-finished-command',
      '--allow-takeover',
    ]) {
      expect(text).toContain(flag);
    }
    expect(text).toMatch(
      /--wake-threshold N +wake word score threshold \(0\.01\.\.1, default: 0\.5\)/,
    );
    expect(text).toMatch(/--wake-word-name VALUE .*\(default: hey_jarvis\)/);
  });
});

describe('the example config', () => {
  it('parses, so the documented file works', () => {
    const path = new URL('../../satellite.example.yaml', import.meta.url).pathname;
    const options = parseSatelliteArgs(['--config', path]);
    expect(options.name).toBe('kitchen');
    expect(options['wake-word-name']).toEqual(['hey_jarvis', 'alexa:0.6']);
  });
});
