import { describe, expect, it } from 'vitest';
import type { RoomMode } from '../speech/schedule.js';
import { modeAnswer, modeSentences, parseModeCommand } from './mode-intents.js';

// Local time, as the server reads the clock: 22:00 on 10 March.
const NOW = new Date(2026, 2, 10, 22, 0);
const at = (day: number, hour: number, minute = 0) =>
  new Date(2026, 2, day, hour, minute).getTime();

const ROWS: readonly {
  say: string;
  mode: RoomMode | null;
  here?: boolean;
  until?: number;
  answer?: string;
}[] = [
  { say: 'night mode', mode: 'night', answer: 'Night mode.' },
  { say: 'Turn on the night mode please', mode: 'night' },
  {
    say: 'jarvis silent mode here',
    mode: 'silent',
    here: true,
    answer: 'Silent mode in this room.',
  },
  { say: 'be quiet in this room', mode: 'silent', here: true },
  {
    say: "don't disturb me until 7",
    mode: 'dnd',
    until: at(11, 7),
    answer: 'Do not disturb until 7 am.',
  },
  { say: 'do not disturb until seven thirty', mode: 'dnd', until: at(11, 7, 30) },
  { say: 'do not disturb until 11', mode: 'dnd', until: at(10, 23) },
  { say: 'do not disturb until 6:45 am', mode: 'dnd', until: at(11, 6, 45) },
  { say: 'night mode until noon', mode: 'night', until: at(11, 12) },
  { say: 'night mode until half past six', mode: 'night', until: at(11, 6, 30) },
  { say: 'night mode till 9 pm tomorrow', mode: 'night', until: at(11, 21) },
  { say: 'silent mode for two hours', mode: 'silent', until: at(11, 0) },
  { say: 'back to normal', mode: 'normal', answer: 'Back to normal.' },
  { say: 'turn off the do not disturb mode', mode: 'normal' },
  { say: 'normal mode here', mode: 'normal', here: true, answer: 'Back to normal in this room.' },
  {
    say: "mode nuit jusqu'à 7 h",
    mode: 'night',
    until: at(11, 7),
    answer: "Mode nuit jusqu'à 7 h.",
  },
  { say: 'passe en mode nuit', mode: 'night', answer: 'Mode nuit.' },
  { say: "mets le mode silencieux ici s'il te plaît", mode: 'silent', here: true },
  { say: "ne me dérange pas jusqu'à sept heures et demie", mode: 'dnd', until: at(11, 7, 30) },
  { say: "mode ne pas déranger jusqu'à 6 h 15 demain", mode: 'dnd', until: at(11, 6, 15) },
  { say: 'mode silencieux pendant une heure', mode: 'silent', until: at(10, 23) },
  { say: 'désactive le mode nuit', mode: 'normal', answer: 'Retour au mode normal.' },
  { say: 'retour à la normale dans cette pièce', mode: 'normal', here: true },
  // Not mode commands: left to the other intents.
  { say: 'turn on the night light', mode: null },
  { say: 'night mode until banana', mode: null },
  { say: 'what mode is this', mode: null },
  { say: 'allume la lumière de la cuisine', mode: null },
];

describe('modes by voice', () => {
  for (const row of ROWS) {
    it(`"${row.say}" -> ${row.mode ?? 'not a mode command'}`, () => {
      const command = parseModeCommand(row.say, NOW);
      if (row.mode === null) return expect(command).toBeUndefined();
      expect(command).toMatchObject({ mode: row.mode, here: row.here ?? false });
      expect(command?.until).toBe(row.until);
      if (row.answer) expect(modeAnswer(command!)).toBe(row.answer);
    });
  }

  it('gives the phrase engine its sentences, with times', () => {
    const en = modeSentences('en');
    expect(en).toContain('night mode');
    expect(en).toContain("don't disturb me");
    expect(en).toContain('night mode until seven');
    expect(modeSentences('fr')).toContain("mode nuit jusqu'à sept heures");
    expect(modeSentences('de')).toEqual([]);
    // Every sentence given to the grammar is understood.
    for (const sentence of en)
      expect(parseModeCommand(sentence, NOW, 'en'), sentence).toBeDefined();
  });
});
