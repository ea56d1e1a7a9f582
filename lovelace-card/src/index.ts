// The Jarvis dashboard cards, one module for Home Assistant (HACS installs it as
// `jarvis-card.js`). Loading it twice (two resources, or a cached and a new URL) defines
// nothing twice and lists each card once in the picker.
import { pickerText } from './editor.js';
import { JarvisCard } from './jarvis-card.js';
import { JarvisRoomCard } from './jarvis-room-card.js';
import { JarvisRoomElement } from './room-element.js';

/** The custom element name Home Assistant dashboards use for the house card. */
export const CARD_TYPE = 'jarvis-card';
export const ROOM_CARD_TYPE = 'jarvis-room-card';

interface CustomCardEntry {
  type: string;
  name: string;
  description?: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
}

const DOCS = 'https://github.com/jarvis-voice/jarvis#the-dashboard-card';

function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

define('jarvis-room', JarvisRoomElement);
define(CARD_TYPE, JarvisCard);
define(ROOM_CARD_TYPE, JarvisRoomCard);

const cards = (window.customCards ??= []);
const entries: CustomCardEntry[] = [
  {
    type: CARD_TYPE,
    name: pickerText('card.name'),
    description: pickerText('card.description'),
    preview: true,
    documentationURL: DOCS,
  },
  {
    type: ROOM_CARD_TYPE,
    name: pickerText('room.card.name'),
    description: pickerText('room.card.description'),
    preview: true,
    documentationURL: DOCS,
  },
];
for (const entry of entries) {
  if (!cards.some((card) => card.type === entry.type)) cards.push(entry);
}
