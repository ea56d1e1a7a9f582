import { describe, expect, it } from 'vitest';
import type { HomeArea, HomeEntity } from '../home/home.js';
import { compileLanguage } from './compile.js';
import { en } from './languages/en.js';
import { createIntentRecognizer } from './recognizer.js';
import { DEFAULT_LIMITS, cleanSentence } from './sentences.js';
import { TEST_NOW, createTestHome } from './test-home.js';

const recognizer = createIntentRecognizer();
const home = createTestHome();
const english = recognizer.sentences(home, 'en');
const french = recognizer.sentences(home, 'fr');

describe('sentences for the phrase engine', () => {
  it('counts', () => {
    console.log(`sentences in the test home: en ${english.length}, fr ${french.length}`);
    expect(english.length).toBeGreaterThan(1000);
    expect(french.length).toBeGreaterThan(1000);
    expect(english.length).toBeLessThan(20_000);
    expect(french.length).toBeLessThan(20_000);
  });

  it.each([
    ['en', 'turn on the kitchen light'],
    ['en', 'turn off the lights in the living room'],
    ['en', 'set the temperature to twenty one degrees'],
    ['en', 'is the front door locked'],
    ['en', "what's the temperature in the kitchen"],
    ['en', 'set a timer for five minutes'],
    ['en', 'what time is it'],
    ['en', 'never mind'],
    ['fr', 'allume la lumière de la cuisine'],
    ['fr', 'éteins la lumière du salon'],
    ['fr', "éteins la lumière de l'entrée"],
    ['fr', 'allume la lumière du salon à cinquante pour cent'],
    ['fr', "est ce que la porte d'entrée est verrouillé"],
    ['fr', 'quelle est la température dans la cuisine'],
    ['fr', "mets un minuteur d'une heure et demie"],
    ['fr', 'quelle heure est il'],
  ])('%s: %s', (language, sentence) => {
    expect(language === 'en' ? english : french).toContain(sentence);
  });

  it('are lowercase words only, without duplicates', () => {
    for (const sentence of [...english, ...french]) {
      expect(sentence).toMatch(/^[\p{Ll}]+(?:'[\p{Ll}]+)*(?: [\p{Ll}]+(?:'[\p{Ll}]+)*)*$/u);
    }
    expect(new Set(english).size).toBe(english.length);
  });

  it('are all understood by the recognizer', async () => {
    for (const [language, sentences] of [
      ['en', english],
      ['fr', french],
    ] as const) {
      const missed: string[] = [];
      for (const sentence of sentences.filter((_, i) => i % 4 === 0)) {
        const context = {
          home,
          area: 'kitchen',
          conversationId: sentence,
          now: TEST_NOW,
          timers: [],
          language,
        };
        if (!(await recognizer.handle(sentence, context))) missed.push(sentence);
      }
      expect(missed).toEqual([]);
    }
  });

  it('stay bounded in a large home', () => {
    const areas: HomeArea[] = Array.from({ length: 30 }, (_, i) => ({
      area_id: `room_${i}`,
      name: `Room ${i}`,
      aliases: [`Pièce ${i}`],
    }));
    const entities: HomeEntity[] = Array.from({ length: 300 }, (_, i) => ({
      entity_id: `light.lamp_${i}`,
      domain: 'light',
      name: `Lamp ${i}`,
      aliases: [`Lampe ${i}`],
      area_id: `room_${i % 30}`,
      state: 'off',
      attributes: {},
    }));
    const big = { ...createTestHome(), areas: () => areas, entities: () => entities };
    const templates = compileLanguage(en).templates.length;
    const sentences = recognizer.sentences(big, 'en');
    const { perTemplate, plainPerTemplate } = DEFAULT_LIMITS;
    console.log(`sentences in a home of 300 lights and 30 rooms: en ${sentences.length}`);
    expect(sentences.length).toBeLessThanOrEqual(templates * (perTemplate + plainPerTemplate));
    for (const n of ['one', 'ninety nine', 'one hundred', 'two hundred ninety nine']) {
      expect(sentences).toContain(`turn on the lamp ${n}`);
    }
  });

  it('name things in the grammar of their language only', () => {
    const said = (sentences: readonly string[], words: string) =>
      sentences.some((sentence) => ` ${sentence} `.includes(` ${words} `));
    for (const french of ['cafetière', 'lumière du salon', 'porte d entrée', "d'entrée"]) {
      expect(said(english, french), french).toBe(false);
    }
    expect(french).toContain('allume la cafetière');
    expect(said(french, 'lumière du salon')).toBe(true);
    expect(english).toContain('turn on the coffee maker');
    // No sign of any language: in both ("Salon", "Plafonnier" by the letters and little words).
    expect(english).toContain('turn on the plafonnier');
    expect(said(english, 'salon')).toBe(true);
    expect(french).toContain('allume la lumière du salon');
  });

  it('name every device in every language, by its main name when it has no other there', () => {
    const only = { ...home, entities: () => [{ ...home.entities()[1]!, name: 'Cafetière' }] };
    expect(recognizer.sentences(only, 'en')).toContain('turn on the cafetière');
    const everywhere = createIntentRecognizer({ nameLanguage: () => undefined });
    expect(everywhere.sentences(home, 'en')).toContain('turn on the cafetière');
  });

  it('are empty for a language it does not know', () => {
    expect(recognizer.sentences(home, 'de')).toEqual([]);
  });

  it.each([
    ['Allume la lumière à 50 % !', 'allume la lumière à'],
    ["l'entrée, s'il te plaît", "l'entrée s'il te plaît"],
    ['est-ce que', 'est ce que'],
    ["what's  the time?", "what's the time"],
  ])('cleanSentence(%j)', (text, clean) => {
    expect(cleanSentence(text)).toBe(clean);
  });
});
