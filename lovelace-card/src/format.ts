// Times for display, in the user's language and time zone (durations: @jarvis/ui/kit/format). Pure.
import type { HomeAssistant } from './hass.js';

/** The time of day of an ISO date or epoch ms, as `14:05` (or `2:05 PM`). */
export function timeOfDay(
  when: string | number,
  hass: Pick<HomeAssistant, 'locale' | 'language' | 'config'> | undefined,
): string {
  const date = new Date(when);
  if (Number.isNaN(date.getTime())) return '';
  const locale = hass?.locale;
  const zone = locale?.time_zone === 'server' ? hass?.config?.time_zone : undefined;
  const hour12 =
    locale?.time_format === '12' ? true : locale?.time_format === '24' ? false : undefined;
  try {
    return new Intl.DateTimeFormat(locale?.language ?? hass?.language ?? 'en', {
      hour: '2-digit',
      minute: '2-digit',
      ...(hour12 === undefined ? {} : { hour12 }),
      ...(zone ? { timeZone: zone } : {}),
    }).format(date);
  } catch {
    return date.toISOString().slice(11, 16);
  }
}
