// The prompt: Jarvis's persona and rules, then what is true right now (date and time, the
// user's room, the devices the request is probably about, what Jarvis remembers that may help),
// then the recent turns of the conversation and the request. Pure.
import type { Message } from 'ollama';
import type { ConversationMessage } from '../conversation/store.js';
import type { HomeArea, HomeEntity } from '../home/home.js';
import type { Language } from '../intents/types.js';
import type { RecalledMemory } from '../memory/memory.js';
import { languageName } from './languages.js';
import { describeLine } from './tools/describe.js';
import { dateTimeFacts } from './tools/time.js';

export const PERSONA = [
  'You are Jarvis, the voice assistant of this home. What you write is spoken aloud by a speaker.',
  'Answer in one or two short sentences. Write plain spoken sentences: no markdown, no lists, no emoji, no links.',
  'Only end with a question when you need an answer: the user will be listened to again.',
  'To act on the home or to read a device, call the tools, using only the devices and areas of this home. "The light" means the light in the room the user is in. After acting, say briefly what you did.',
  "When you don't know, or a tool fails, say so plainly; never make up device states or facts.",
  'Use what you remember when it helps. When the user tells you something lasting about themselves, their family, pets or home, save it with the remember tool.',
].join('\n');

export interface PromptContext {
  readonly now: Date;
  readonly timeZone: string;
  readonly language: Language;
  /** The satellite's area. */
  readonly area?: HomeArea;
  /** The devices chosen for this request, with their areas' names. */
  readonly devices: readonly HomeEntity[];
  readonly areaNames: ReadonlyMap<string, string>;
  readonly memories: readonly RecalledMemory[];
  /** Whether the memory tools are offered. */
  readonly memoryTools: boolean;
}

export function systemPrompt(context: PromptContext): string {
  const { date, time } = dateTimeFacts(context.now, 'en', context.timeZone);
  const lines = [
    context.memoryTools ? PERSONA : PERSONA.split('\n').slice(0, -1).join('\n'),
    `Always answer in ${languageName(context.language)}, the user's language.`,
    '',
    `Now: ${date}, ${time} (time zone ${context.timeZone}).`,
  ];
  if (context.area) {
    lines.push(`The user is in the ${context.area.name} (area ${context.area.area_id}).`);
  } else {
    lines.push("The user's room is unknown.");
  }
  if (context.devices.length) {
    lines.push('', 'Devices that may matter for this request (entity_id "name" in area: state):');
    for (const entity of context.devices) {
      const area = entity.area_id ? context.areaNames.get(entity.area_id) : undefined;
      lines.push(describeLine(entity, area));
    }
    lines.push('Other devices exist: use get_states or list_devices to find them.');
  }
  if (context.memories.length) {
    lines.push('', 'What you remember that may help:');
    for (const { memory } of context.memories) {
      const day = new Date(memory.updatedAt).toISOString().slice(0, 10);
      lines.push(`- ${memory.text} (${memory.kind}, about ${memory.subject}, ${day})`);
    }
  }
  return lines.join('\n');
}

/** The system prompt, the conversation's recent turns, then the request. */
export function chatMessages(
  system: string,
  history: readonly ConversationMessage[],
  text: string,
): Message[] {
  return [
    { role: 'system', content: system },
    ...history.map((message) => ({ role: message.role, content: message.content })),
    { role: 'user', content: text },
  ];
}
