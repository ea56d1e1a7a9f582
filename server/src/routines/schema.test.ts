import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

function load(yaml: string): string {
  const path = join(tempDir('jarvis-routines-'), 'jarvis.yaml');
  writeFileSync(path, yaml);
  try {
    loadConfig({ file: path, env: {} });
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

const GOOD = `
routines:
  - name: good night
    sentences:
      en: [good night, "I'm going to bed"]
      fr: [je vais me coucher]
    confirm: { en: Shall I?, fr: Je le fais ? }
    actions:
      - service: light.turn_off
        target: { area_id: [kitchen, living_room] }
      - service: light.turn_on
        target: { entity_id: light.bedroom }
        data: { brightness_pct: 10 }
      - service: alarm_control_panel.alarm_arm_night
        target: { entity_id: alarm_control_panel.home }
      - scene: scene.night
      - script: script.bedtime
      - say: { en: Good night., fr: Bonne nuit. }
`;

// A mistake in a routine names its key.
const ERRORS: readonly (readonly [what: string, yaml: string, message: string])[] = [
  [
    'a service without its domain',
    'routines:\n  - name: a\n    sentences: { en: [a] }\n    actions: [{ service: turn_off }]\n',
    'routines.0.actions.0.service: expected domain.service such as light.turn_off',
  ],
  [
    'an entity id that is not one',
    'routines:\n  - name: a\n    sentences: { en: [a] }\n    actions: [{ service: light.turn_off, target: { entity_id: kitchen } }]\n',
    'routines.0.actions.0.target.entity_id: expected an entity id such as light.kitchen',
  ],
  [
    'a scene that is not a scene',
    'routines:\n  - name: a\n    sentences: { en: [a] }\n    actions: [{ scene: light.x }]\n',
    'routines.0.actions.0.scene: expected scene.<name>',
  ],
  [
    'an action of no known kind',
    'routines:\n  - name: a\n    sentences: { en: [a] }\n    actions: [{ wait: 5 }]\n',
    'routines.0.actions.0: expected one of service (with target, data), scene, script or say',
  ],
  [
    'no sentences',
    'routines:\n  - name: a\n    sentences: {}\n    actions: [{ say: hi }]\n',
    'routines.0.sentences: give sentences in at least one language',
  ],
  [
    'a language not understood',
    'routines:\n  - name: a\n    sentences: { de: [gute nacht] }\n    actions: [{ say: hi }]\n',
    'routines.0.sentences.de',
  ],
  [
    'an unbalanced sentence',
    'routines:\n  - name: a\n    sentences: { en: ["good (night"] }\n    actions: [{ say: hi }]\n',
    'routines.0.sentences.en.0:',
  ],
  [
    'a sentence of two routines',
    'routines:\n  - name: a\n    sentences: { en: [good night] }\n    actions: [{ say: hi }]\n  - name: b\n    sentences: { en: ["good (night|evening)"] }\n    actions: [{ say: hi }]\n',
    'routines.1.sentences.en.0: "good night" already starts the routine "a"',
  ],
  [
    'no actions',
    'routines:\n  - name: a\n    sentences: { en: [a] }\n    actions: []\n',
    'routines.0.actions:',
  ],
  [
    'an unknown key',
    'routines:\n  - name: a\n    sentences: { en: [a] }\n    actions: [{ say: hi }]\n    when: night\n',
    'routines.0.when: unknown key',
  ],
];

describe('routines in the config', () => {
  it('takes services, scenes, scripts and words, in one language or per language', () => {
    expect(load(GOOD)).toBe('');
  });

  for (const [what, yaml, message] of ERRORS) {
    it(`names the key of ${what}`, () => {
      expect(load(yaml)).toContain(message);
    });
  }
});
