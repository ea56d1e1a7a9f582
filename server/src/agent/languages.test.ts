import { describe, expect, it } from 'vitest';
import { demoEntities } from '../home/demo-data.js';
import { AgentLanguages } from './languages.js';
import { actionPhrase, phrase } from './phrases.js';

const languages = new AgentLanguages();

describe('AgentLanguages.detect', () => {
  const table: [string, string | undefined, string][] = [
    ['What is the capital of France?', undefined, 'en'],
    ['Quelle est la capitale de la France ?', undefined, 'fr'],
    ['Felix est un chat noir', undefined, 'fr'],
    ['Felix is a black cat', undefined, 'en'],
    ["J'ai arrêté de fumer aujourd'hui", undefined, 'fr'],
    ['Tell me a joke', undefined, 'en'],
    ['Raconte-moi une blague', undefined, 'fr'],
    ['allume la lumière', undefined, 'fr'],
    ['turn off the kitchen light', undefined, 'en'],
    ['anything at all', 'fr-FR', 'fr'],
    ['Was ist das?', 'de', 'de'],
  ];
  it.each(table)('"%s" (given %s) → %s', (text, given, expected) => {
    expect(languages.detect(text, given)).toBe(expected);
  });
});

describe('AgentLanguages.targetOf and the action phrases', () => {
  const door = demoEntities().find((e) => e.entity_id === 'lock.front_door')!;
  const lamps = demoEntities().filter((e) => e.entity_id.startsWith('light.hue_lamp_'));

  it('names devices as a sentence says them, per language', () => {
    expect(languages.targetOf([door], 'en')).toBe('the front door');
    expect(languages.targetOf([door], 'fr')).toBe("la porte d'entrée");
    expect(languages.targetOf(lamps.slice(0, 2), 'en')).toBe('the hue lamp 1 and the hue lamp 2');
  });

  it('asks, confirms and cancels in English and French', () => {
    expect(actionPhrase('confirm', 'unlock', 'the front door', 'en')).toBe(
      'Do you want me to unlock the front door?',
    );
    expect(actionPhrase('confirm', 'unlock', "la porte d'entrée", 'fr')).toBe(
      "Voulez-vous que je déverrouille la porte d'entrée ?",
    );
    expect(actionPhrase('confirmed', 'unlock', 'the front door', 'en')).toBe(
      'Unlocked the front door.',
    );
    expect(actionPhrase('confirmed', 'open_cover', 'la porte du garage', 'fr')).toBe(
      "J'ai ouvert la porte du garage.",
    );
    expect(actionPhrase('cancelled', 'alarm_disarm', 'the alarm', 'en')).toBe(
      "OK, I won't disarm the alarm.",
    );
    expect(actionPhrase('confirm', 'purge', 'the tank', 'en')).toBe(
      'Do you want me to run purge on the tank?',
    );
    expect(phrase('timeout', 'fr')).toMatch(/trop de temps/);
    expect(phrase('timeout', 'de')).toBe(phrase('timeout', 'en'));
  });
});
