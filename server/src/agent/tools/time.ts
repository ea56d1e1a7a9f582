// `get_time`: the date and time in the server's time zone, written in the user's language.
import type { Language } from '../../intents/types.js';
import { type AgentTool, type ToolOutcome, result } from './tool.js';

const LOCALES: Readonly<Record<string, string>> = { en: 'en-US', fr: 'fr-FR' };

export function localeOf(language: Language): string {
  return LOCALES[language] ?? language;
}

/** "Monday, June 2, 2025" and "2:05 PM" (or "lundi 2 juin 2025", "14:05"). */
export function dateTimeFacts(now: Date, language: Language, timeZone: string) {
  const locale = localeOf(language);
  const format = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(now);
    } catch {
      return new Intl.DateTimeFormat('en-US', { timeZone, ...options }).format(now);
    }
  };
  return {
    date: format({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
    time: format({ hour: 'numeric', minute: '2-digit' }),
    time_zone: timeZone,
    iso: now.toISOString(),
  };
}

export const getTime: AgentTool = {
  name: 'get_time',
  description: 'The current date and time where the user is.',
  parameters: { type: 'object', properties: {} },
  async run(_args, context): Promise<ToolOutcome> {
    return result(dateTimeFacts(context.request.now, context.language, context.timeZone));
  },
};
