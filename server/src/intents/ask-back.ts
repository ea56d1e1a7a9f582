// A sentence speech-to-text heard too unsurely to act on, but not far from sure, is asked back
// ("Turn on the kitchen light?") and handled as if said again on a "yes". Whatever could open,
// unlock or disarm is never asked back: those keep their own, higher confidence and their own
// question, and are answered "I didn't catch that".
import type { HandlerDeps, IntentRequest } from './handlers/request.js';
import { failed, reply } from './handlers/request.js';
import type { IntentResult } from './types.js';

/** Domains whose requests may need a spoken "yes" (every cover: doors, gates, garage doors). */
const MAY_NEED_CONFIRMATION: readonly string[] = ['lock', 'alarm_control_panel', 'cover', 'any'];

export function mayNeedConfirmation(
  domains: readonly string[],
  sensitiveDomains: readonly string[],
): boolean {
  return domains.some((d) => MAY_NEED_CONFIRMATION.includes(d) || sensitiveDomains.includes(d));
}

/** Asks `sentence` back, or says it was not caught when it may be sensitive. */
export function askBack(
  request: IntentRequest,
  deps: HandlerDeps,
  sentence: string,
  domains: readonly string[],
): IntentResult {
  if (mayNeedConfirmation(domains, deps.sensitiveDomains)) {
    return failed(request, request.speech.say('notHeard'));
  }
  const { context } = request;
  deps.confirmations.ask(
    context,
    {
      kind: 'heard',
      intent: request.intent,
      calls: [],
      target: sentence,
      language: request.lang.data.language,
      done: 'heardConfirm',
      sentence,
    },
    context.now,
  );
  return reply(request, request.speech.say('heardConfirm', { target: sentence }), {
    expectsReply: true,
  });
}
