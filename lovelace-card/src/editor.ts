// The cards' editors, as Home Assistant's schema forms (`getConfigForm`): HA renders them with
// its own form, so the card ships no editor element and uses none of HA's internal ones.
import { SECTIONS, parseCardConfig, parseRoomCardConfig } from './config.js';
import { type Language, type MessageKey, languageOf, localizer } from './localize.js';

/** The satellites' main entities: Jarvis's assist state sensors, HA's assist satellites. */
const SATELLITE_FILTER = [
  { integration: 'mqtt', domain: 'sensor', device_class: 'enum' },
  { domain: 'assist_satellite' },
];

const LABELS: Record<Language, Record<string, string>> = {
  en: {
    title: 'Title',
    satellites: 'Satellites to show (none: all)',
    satellite: 'Satellite',
    compact: 'Compact',
    sections: 'House-wide sections',
    'section.ask': 'Ask Jarvis',
    'section.announce': 'Announce everywhere',
    'section.stats': 'Statistics and health',
    'section.arbitration': 'Which room answered',
  },
  fr: {
    title: 'Titre',
    satellites: 'Satellites à afficher (aucun : tous)',
    satellite: 'Satellite',
    compact: 'Compact',
    sections: 'Sections de la maison',
    'section.ask': 'Demander à Jarvis',
    'section.announce': 'Annoncer partout',
    'section.stats': 'Statistiques et état',
    'section.arbitration': 'Quelle pièce a répondu',
  },
};

/** The editor has no `hass`: Home Assistant sets the page's language on <html lang>. */
function labels(): Record<string, string> {
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang;
  return LABELS[languageOf({ language: lang || 'en' })];
}

const computeLabel = (schema: { name: string }) => labels()[schema.name] ?? schema.name;

export function houseForm() {
  const l = labels();
  return {
    schema: [
      { name: 'title', selector: { text: {} } },
      {
        name: 'satellites',
        selector: { entity: { multiple: true, filter: SATELLITE_FILTER } },
      },
      { name: 'compact', selector: { boolean: {} } },
      {
        name: 'sections',
        selector: {
          select: {
            multiple: true,
            mode: 'list',
            options: SECTIONS.map((value) => ({ value, label: l[`section.${value}`] ?? value })),
          },
        },
      },
    ],
    computeLabel,
    assertConfig: (config: unknown) => void parseCardConfig(config),
  };
}

export function roomForm() {
  return {
    schema: [
      { name: 'satellite', required: true, selector: { entity: { filter: SATELLITE_FILTER } } },
      { name: 'compact', selector: { boolean: {} } },
    ],
    computeLabel,
    assertConfig: (config: unknown) => void parseRoomCardConfig(config),
  };
}

/** The picker's name and description of each card, in the page's language. */
export function pickerText(key: MessageKey): string {
  const lang = typeof document === 'undefined' ? 'en' : document.documentElement.lang;
  return localizer(languageOf({ language: lang || 'en' }))(key);
}
