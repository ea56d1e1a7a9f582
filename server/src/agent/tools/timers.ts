// Timers live on the satellite: `timer_start`, `timer_cancel` and `timer_list` only say what to
// do (a `TimerAction` the pipeline sends as `timer-*` events) and read the satellite's running
// timers from the request, as the local intents' timer handlers do.
import { parseDuration } from '../../intents/durations.js';
import type { TimerInfo } from '../../intents/types.js';
import type { AgentLanguages } from '../languages.js';
import { foldedWords } from './resolve.js';
import { type AgentTool, type ToolContext, type ToolOutcome, refusal, result } from './tool.js';

const MAX_SECONDS = 24 * 3600;

/** "5 minutes", "une heure et demie", "1:30", "90" (seconds), in the given languages. */
export function durationSeconds(
  said: string,
  languages: AgentLanguages,
  preferred?: string,
): number | undefined {
  const clock = /^\s*(?:(\d+):)?(\d{1,2}):(\d{2})\s*$/.exec(said);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  if (/^\s*\d+\s*$/.test(said)) return Number(said);
  const order = [languages.compiled(preferred), ...languages.all].filter((l) => l !== undefined);
  for (const lang of new Set(order)) {
    const seconds = parseDuration(lang.words(said), lang.durations);
    if (seconds) return seconds;
  }
  return undefined;
}

function timerFacts(timer: TimerInfo) {
  return {
    id: timer.id,
    ...(timer.name ? { name: timer.name } : {}),
    seconds_left: timer.secondsLeft,
  };
}

export const timerStart: AgentTool = {
  name: 'timer_start',
  description:
    "Start a timer on the user's satellite, e.g. for cooking. Give seconds or a duration in words.",
  parameters: {
    type: 'object',
    properties: {
      seconds: {
        type: 'integer',
        description: 'Duration in seconds',
        minimum: 1,
        maximum: MAX_SECONDS,
      },
      duration: { type: 'string', description: 'Duration in words when easier, e.g. "5 minutes"' },
      name: { type: 'string', description: 'What the timer is for, e.g. "pasta" (optional)' },
    },
  },
  async run(args, context): Promise<ToolOutcome> {
    const given = args['seconds'] as number | undefined;
    const said = args['duration'] as string | undefined;
    const seconds =
      given ?? (said ? durationSeconds(said, context.languages, context.language) : undefined);
    if (!seconds || seconds < 1 || seconds > MAX_SECONDS) {
      return refusal(
        'give the duration: "seconds" (1 to 86400) or "duration" such as "5 minutes"',
        {
          invalid: !given && !said,
        },
      );
    }
    const name = (args['name'] as string | undefined)?.trim() || undefined;
    const id = context.newId();
    const spoken = context.languages.speech(context.language).duration(seconds);
    return result(
      { started: { id, seconds, duration: spoken, ...(name ? { name } : {}) } },
      { timer: { type: 'start', id, seconds, ...(name ? { name } : {}) } },
    );
  },
};

/** The running timers a name means: all when no name is given. */
function named(timers: readonly TimerInfo[], name: string | undefined): TimerInfo[] {
  if (!name) return [...timers];
  const wanted = foldedWords(name).join(' ');
  return timers.filter((timer) => timer.name && foldedWords(timer.name).join(' ').includes(wanted));
}

export const timerCancel: AgentTool = {
  name: 'timer_cancel',
  description:
    'Cancel a running timer of the satellite, by id or name (the only one when there is one).',
  parameters: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'The timer id, from timer_list' },
      name: { type: 'string', description: 'The timer name' },
    },
  },
  async run(args, context: ToolContext): Promise<ToolOutcome> {
    const { timers } = context.request;
    const id = args['id'] as string | undefined;
    const matches = id
      ? timers.filter((t) => t.id === id)
      : named(timers, args['name'] as string | undefined);
    if (timers.length === 0) return refusal('no timer is running');
    if (matches.length !== 1) {
      const error = matches.length
        ? 'several timers match; ask the user which one'
        : 'no running timer matches';
      const running = (matches.length ? matches : timers).map(timerFacts);
      return { content: JSON.stringify({ ok: false, error, running }) };
    }
    const timer = matches[0]!;
    return result({ cancelled: timerFacts(timer) }, { timer: { type: 'cancel', id: timer.id } });
  },
};

export const timerList: AgentTool = {
  name: 'timer_list',
  description: "The satellite's running timers and the time left on each.",
  parameters: { type: 'object', properties: {} },
  async run(_args, context): Promise<ToolOutcome> {
    const speech = context.languages.speech(context.language);
    const timers = context.request.timers.map((timer) => ({
      ...timerFacts(timer),
      left: speech.duration(timer.secondsLeft),
    }));
    return result({ timers }, { timer: { type: 'query' } });
  },
};
