import { describe, expect, it } from 'vitest';
import { parseSatelliteArgs } from './args.js';
import { routeDetection, stopWordOf, wakeWordsOf } from './wake-words.js';

describe('wake words and the stop word from the options', () => {
  it('reads each word with its own threshold and trigger level', () => {
    const options = parseSatelliteArgs(['--wake-word-name', 'hey_jarvis,alexa:0.6:2']);
    const [jarvis, alexa] = wakeWordsOf(options);
    expect(jarvis).toMatchObject({ name: 'hey_jarvis', threshold: 0.5, triggerLevel: 1 });
    expect(alexa).toMatchObject({ name: 'alexa', threshold: 0.6, triggerLevel: 2 });
  });

  it('resolves the stop word apart from the wake words', () => {
    const options = parseSatelliteArgs(['--stop-word', 'alexa:0.7']);
    const wake = wakeWordsOf(options);
    expect(wake.map((model) => model.name)).toEqual(['hey_jarvis']);
    expect(stopWordOf(options, wake)).toMatchObject({ name: 'alexa', threshold: 0.7 });
    expect(stopWordOf(parseSatelliteArgs([]), wake)).toBeUndefined();
  });

  it.each([
    [['--stop-word', 'hey_jarvis'], "--stop-word: 'hey_jarvis' is already a wake word"],
    [['--stop-word', 'alexa:1.5'], "--stop-word: 'alexa:1.5': expected NAME[:THRESHOLD"],
    [['--stop-word', 'stop'], '--stop-word: unknown wake word "stop"; available: hey_jarvis'],
    [['--wake-word-name', 'hey_jarvis:0.5,jarvis'], '--wake-word-name: unknown wake word "jarvis"'],
  ])('refuses %j, naming the flag', (argv, message) => {
    const options = parseSatelliteArgs(argv);
    expect(() => stopWordOf(options, wakeWordsOf(options))).toThrow(message);
  });

  it('turns a stop word detection into a stop, any other into a wake', () => {
    const detection = { name: 'alexa', timestampMs: 80, score: 0.9, levelDbfs: -20 };
    expect(routeDetection(detection, 'alexa')).toEqual({ type: 'stop-detected' });
    expect(routeDetection(detection, undefined)).toEqual({ type: 'wake-detected', ...detection });
    expect(routeDetection({ ...detection, name: 'hey_jarvis' }, 'alexa')).toMatchObject({
      type: 'wake-detected',
      name: 'hey_jarvis',
    });
  });
});
