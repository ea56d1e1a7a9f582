// The answer to "Do you want me to unlock the front door?": a yes runs the action that was held
// back (through the same tool, so it is checked again: still exposed, still allowed), a no drops
// it. No model call: the answer is quick and certain. Spoken in the question's language.
import type { Logger } from 'wyoming-ts';
import type { HomeEntity } from '../home/home.js';
import type { AgentReply } from './agent.js';
import type { PendingDecision } from './confirm.js';
import { actionPhrase } from './phrases.js';
import type { Voice } from './text-channel.js';
import type { ToolContext, Toolset } from './tools/index.js';

export interface PendingAnswerOptions {
  readonly context: ToolContext;
  readonly toolset: Toolset;
  readonly voice: Voice;
  readonly logger: Logger;
}

export async function answerPending(
  decision: Exclude<PendingDecision, { kind: 'ignore' }>,
  options: PendingAnswerOptions,
): Promise<AgentReply> {
  const { action } = decision;
  const { context, voice } = options;
  const language = action.language ?? context.language;
  const service = String(action.arguments['service'] ?? '');
  const ids = action.arguments['entity_id'];
  const entities = (Array.isArray(ids) ? ids : [])
    .map((id) => context.home.entity(String(id)))
    .filter((entity): entity is HomeEntity => entity !== undefined);
  const target = context.languages.targetOf(entities, language);
  const reply = { language, calls: [], tools: [], expectsReply: false, failed: false } as const;
  if (decision.kind === 'cancel') {
    voice.say(actionPhrase('cancelled', service, target, language));
    return { ...reply, speech: voice.text };
  }
  const outcome = await options.toolset.run(
    { function: { name: action.tool, arguments: { ...action.arguments } } },
    { ...context, language, confirmed: true },
    options.logger,
  );
  const calls = outcome.calls ?? [];
  if (calls.length === 0) {
    options.logger.warn(`confirmed ${action.tool} did not run`);
    options.logger.debug(`confirmed ${action.tool}: ${outcome.content}`);
    voice.say(actionPhrase('actionFailed', service, target, language));
    return {
      ...reply,
      speech: voice.text,
      tools: [action.tool],
      failed: true,
      errorCode: 'action-failed',
    };
  }
  voice.say(actionPhrase('confirmed', service, target, language));
  return { ...reply, speech: voice.text, calls, tools: [action.tool] };
}
