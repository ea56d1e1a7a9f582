import { describe, expect, it } from 'vitest';
import { compileLanguage } from './compile.js';
import { parseDuration } from './durations.js';
import { LANGUAGES, languageData } from './languages/index.js';
import { en } from './languages/en.js';
import { INTENTS, type LanguageData, RESPONSES } from './languages/language.js';
import { parseNumber, spellNumber } from './numbers.js';
import { createIntentRecognizer } from './recognizer.js';
import { TEST_NOW, createTestHome } from './test-home.js';

const PLACEHOLDERS = new Set([
  'target',
  'when',
  'count',
  'text',
  'time',
  'day',
  'name',
  'area',
  'domain',
  'brightness',
  'color',
  'temperature',
  'volume',
  'is',
  'state',
  'names',
  'hour',
  'minute',
  'period',
  'date',
  'duration',
  'timer',
  'list',
]);

describe.each(LANGUAGES.map((data) => [data.language, data] as const))('language %s', (_, data) => {
  const lang = compileLanguage(data);

  it('has sentences for every intent', () => {
    for (const intent of INTENTS) {
      const sentences = data.intents[intent].flatMap((group) => group.sentences);
      expect(sentences.length, intent).toBeGreaterThan(0);
    }
    expect(data.yes.length).toBeGreaterThan(0);
    expect(data.no.length).toBeGreaterThan(0);
  });

  it('has every response, with known placeholders', () => {
    for (const key of RESPONSES) {
      const text = data.responses[key];
      if (key !== 'nevermind' && key !== 'reminderAck') expect(text, key).not.toBe('');
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) expect(PLACEHOLDERS, key).toContain(name);
    }
  });

  it('has words for every domain it names in replies', () => {
    for (const domain of [
      'light',
      'switch',
      'fan',
      'cover',
      'lock',
      'climate',
      'media_player',
      'device',
    ]) {
      expect(data.domains[domain], domain).toBeDefined();
    }
  });

  it('spells and reads back every number from 0 to 100', () => {
    for (let n = 0; n <= 100; n++) {
      const spelled = spellNumber(n, lang.numbers);
      expect(spelled, String(n)).toBeDefined();
      expect(parseNumber(lang.words(spelled ?? ''), lang.numbers), spelled).toBe(n);
    }
  });

  it('reads back its sample durations', () => {
    for (const sample of data.durations.samples) {
      expect(parseDuration(lang.words(sample), lang.durations), sample).toBeGreaterThan(0);
    }
  });

  it('is found by its code', () => {
    expect(languageData(data.language)).toBe(data);
    expect(languageData(`${data.language}-XX`)).toBe(data);
  });
});

describe('a third language', () => {
  // A language is one data file: here a made-up one derived from English.
  const xx: LanguageData = {
    ...en,
    language: 'xx',
    intents: {
      ...en.intents,
      HassGetCurrentTime: [{ sentences: ['(wie spät|wieviel uhr) ist es'] }],
    },
    responses: { ...en.responses, currentTime: 'Es ist {hour} Uhr {minute}.' },
  };

  it('plugs in with one more entry in the list', async () => {
    const recognizer = createIntentRecognizer({ languages: [...LANGUAGES, xx] });
    expect(recognizer.languages).toEqual(['en', 'fr', 'xx']);
    const result = await recognizer.handle('Wie spät ist es?', {
      home: createTestHome(),
      conversationId: 'x',
      now: TEST_NOW,
      timers: [],
      language: 'xx',
    });
    expect(result).toMatchObject({
      intent: 'HassGetCurrentTime',
      language: 'xx',
      speech: 'Es ist 3 Uhr 05.',
    });
    expect(recognizer.sentences(createTestHome(), 'xx')).toContain('wieviel uhr ist es');
  });

  it('is refused with the path of a broken template', () => {
    const broken = { ...xx, intents: { ...xx.intents, HassNevermind: [{ sentences: ['(stop'] }] } };
    expect(() => compileLanguage(broken)).toThrow(
      /intents\.xx\.HassNevermind: template "\(stop": missing "\)"/,
    );
  });
});
