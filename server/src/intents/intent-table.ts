// One row of a language's table test: a sentence, where it is said, and what must happen.
// No test-framework import here: this file is compiled with the sources.
import { createIntentRecognizer } from './recognizer.js';
import { TEST_NOW, createTestHome, describeCall } from './test-home.js';
import type { TimerAction, TimerInfo } from './types.js';

export interface Row {
  readonly say: string;
  /** The satellite's area; the kitchen when not given, none when `null`. */
  readonly area?: string | null;
  readonly timers?: readonly TimerInfo[];
  /** `context.language`; by default the language is detected. */
  readonly hint?: string;
  /** The intent; `null` when nothing should match. */
  readonly intent: string | null;
  readonly speech?: string;
  readonly calls?: readonly string[];
  readonly timer?: TimerAction;
  readonly failed?: boolean;
  readonly expectsReply?: boolean;
}

export interface Outcome {
  readonly intent: string | null;
  readonly language?: string;
  readonly speech?: string;
  /** The calls in the result, then the calls the home saw: they must agree. */
  readonly calls?: readonly string[];
  readonly homeCalls?: readonly string[];
  readonly timer?: TimerAction;
  readonly failed?: boolean;
  readonly expectsReply?: boolean;
}

/** What the row expects, in the shape `outcome` reports. */
export function expected(row: Row, language: string): Outcome {
  if (row.intent === null) return { intent: null };
  const calls = row.calls ?? [];
  return {
    intent: row.intent,
    language,
    speech: row.speech,
    calls,
    homeCalls: calls,
    timer: row.timer,
    failed: row.failed ?? false,
    expectsReply: row.expectsReply ?? false,
  };
}

export async function outcome(row: Row): Promise<Outcome> {
  const recognizer = createIntentRecognizer({ newId: () => 'timer-1' });
  const home = createTestHome();
  const result = await recognizer.handle(row.say, {
    home,
    area: row.area === null ? undefined : (row.area ?? 'kitchen'),
    conversationId: 'table',
    now: TEST_NOW,
    timers: row.timers ?? [],
    language: row.hint,
  });
  if (!result) return { intent: null };
  return {
    intent: result.intent,
    language: result.language,
    speech: row.speech === undefined ? undefined : result.speech,
    calls: result.calls.map(describeCall),
    homeCalls: home.calls.map(describeCall),
    timer: result.timer,
    failed: result.failed ?? false,
    expectsReply: result.expectsReply,
  };
}
