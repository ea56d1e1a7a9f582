// Steps of a reminder conversation for the intent tests: what is said, when, and what must
// follow (the reply, the reminders kept, what was spoken). The real reminder book on a manual
// clock. No test-framework import: compiled with the sources.
import { bookHarness } from '../reminders/test-book.js';
import { createIntentRecognizer } from './recognizer.js';
import { createTestHome } from './test-home.js';
import type { Language } from './types.js';

export const HOUR_MS = 3_600_000;

export interface Step {
  readonly say?: string;
  /** Let time pass first (ms). */
  readonly wait?: number;
  readonly intent?: string;
  readonly speech?: string;
  readonly expectsReply?: boolean;
  readonly failed?: boolean;
  /** The reminders kept after this step: their text and hours after the start. */
  readonly reminders?: readonly { text: string; at: number }[];
  /** Everything spoken by the schedule so far. */
  readonly said?: readonly string[];
}

/** Runs the steps; throws describing the first step whose outcome differs. */
export async function runSteps(steps: readonly Step[], hint: Language): Promise<void> {
  const harness = bookHarness();
  const start = harness.clock.now();
  const recognizer = createIntentRecognizer();
  const home = createTestHome();
  for (const [index, step] of steps.entries()) {
    if (step.wait) await harness.advance(step.wait);
    const actual: Record<string, unknown> = {};
    const wanted: Record<string, unknown> = {};
    if (step.say !== undefined) {
      const result = await recognizer.handle(step.say, {
        home,
        conversationId: 'kitchen',
        satellite: 'kitchen',
        now: new Date(harness.clock.now()),
        timers: [],
        reminders: harness.book,
        language: hint,
      });
      const got = {
        intent: result?.intent,
        speech: result?.speech.replace(/\s/g, ' '),
        expectsReply: result?.expectsReply,
        failed: result?.failed ?? false,
      };
      for (const field of ['intent', 'speech', 'expectsReply', 'failed'] as const) {
        if (step[field] === undefined) continue;
        actual[field] = got[field];
        wanted[field] = step[field];
      }
    }
    if (step.reminders) {
      actual.reminders = harness.book
        .list()
        .map((r) => ({ text: r.text, at: Math.round(((r.at - start) / HOUR_MS) * 1000) / 1000 }));
      wanted.reminders = step.reminders.map((r) => ({ ...r, at: Math.round(r.at * 1000) / 1000 }));
    }
    if (step.said) {
      actual.said = harness.said.map((s) => s.text);
      wanted.said = step.said;
    }
    if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
      throw new Error(
        `step ${index} (${step.say ?? `wait ${step.wait} ms`}):\n  got  ${JSON.stringify(actual)}\n  want ${JSON.stringify(wanted)}`,
      );
    }
  }
}
