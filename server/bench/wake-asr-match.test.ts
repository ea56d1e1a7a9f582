import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDictionary } from './general-agreement.js';
import { similarity, words } from './wake-asr-match.js';

const dictionary = readDictionary(
  readFileSync('/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict', 'utf8'),
);
const lookup = (w: string) => dictionary.get(w) ?? [];

describe('the spoken-word check of a wake', () => {
  it('reads Moonshine text as lower-case words', () => {
    expect(words("Hey, Jarvis! I'm home.")).toEqual(['hey', 'jarvis', "i'm", 'home']);
  });

  it('gives the phrase itself 1, with or without a word before or after it', () => {
    for (const rule of ['phones', 'spelling'] as const) {
      expect(similarity('Hey, Jarvis!', rule, lookup)).toBe(1);
      expect(similarity('I just got home. Hey Jarvis, what', rule, lookup)).toBe(1);
    }
  });

  it('puts a near miss below the phrase and nothing at 0', () => {
    for (const rule of ['phones', 'spelling'] as const) {
      const near = similarity('Hey Travis.', rule, lookup);
      expect(near).toBeGreaterThan(0.5);
      expect(near).toBeLessThan(1);
      expect(similarity('', rule, lookup)).toBe(0);
      expect(similarity('Turn on the kitchen light.', rule, lookup)).toBeLessThan(near);
    }
  });
});
