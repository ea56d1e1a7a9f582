// The routines the routine tests use, as a user would write them under `routines:`.
import { RoutinesSchema } from './schema.js';

export const TEST_ROUTINES = RoutinesSchema.parse([
  {
    name: 'good night',
    sentences: { en: ['good night', "I'm going to bed"], fr: ['je vais me coucher', 'bonne nuit'] },
    confirm: {
      en: 'Shall I get the house ready for the night?',
      fr: 'Je prépare la maison pour la nuit ?',
    },
    actions: [
      { service: 'light.turn_off', target: { area_id: ['kitchen', 'living_room', 'hallway'] } },
      {
        service: 'light.turn_on',
        target: { entity_id: 'light.bedroom_lamp' },
        data: { brightness_pct: 10 },
      },
      {
        service: 'alarm_control_panel.alarm_arm_night',
        target: { entity_id: 'alarm_control_panel.home' },
      },
      { say: { en: 'Good night.', fr: 'Bonne nuit.' } },
    ],
  },
  {
    name: 'movie',
    sentences: { en: ['movie (time|night)'] },
    actions: [
      { scene: 'scene.movie' },
      { service: 'light.turn_off', target: { entity_id: ['light.old_lamp', 'light.hallway'] } },
      { service: 'light.turn_off', target: { entity_id: 'light.gone' } },
      { say: 'Enjoy the film.' },
    ],
  },
  {
    name: 'leaving',
    sentences: { en: ["I'm leaving"] },
    actions: [
      { service: 'lock.lock', target: { entity_id: 'lock.front_door' } },
      {
        service: 'alarm_control_panel.alarm_arm_away',
        target: { entity_id: 'alarm_control_panel.home' },
      },
    ],
  },
  {
    name: 'coffee',
    sentences: { en: ['coffee time'], fr: ["c'est l'heure du café"] },
    actions: [{ service: 'switch.turn_on', target: { entity_id: 'switch.coffee_maker' } }],
  },
]);
