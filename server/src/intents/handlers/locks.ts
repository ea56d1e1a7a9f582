// Locks: locking just happens; unlocking asks first and waits for a yes in the same
// conversation (see `actOn` and `Confirmations`), as does every other action that opens,
// unlocks or disarms.
import type { ServiceCall } from '../../home/home.js';
import type { Waiting } from '../confirmations.js';
import {
  actOn,
  failed,
  type Handler,
  type IntentRequest,
  performAndSay,
  reply,
  resolve,
} from './request.js';

function lockCall(service: 'lock' | 'unlock', entityIds: readonly string[]): ServiceCall {
  return { domain: 'lock', service, target: { entity_id: [...entityIds] } };
}

function lockHandler(service: 'lock' | 'unlock'): Handler {
  return async (request, deps) => {
    const resolution = resolve(request);
    if (!resolution.ok) return failed(request, request.speech.failure(resolution.failure));
    const { entities, phrase } = resolution.target;
    const target = request.speech.target(phrase, entities.length);
    const calls = [
      lockCall(
        service,
        entities.map((entity) => entity.entity_id),
      ),
    ];
    return actOn(request, deps, calls, {
      done: service === 'lock' ? 'locked' : 'unlocked',
      target,
    });
  };
}

export const lock = lockHandler('lock');
export const unlock = lockHandler('unlock');

/** The answer to "Do you want me to ...?"; `request` is in the question's language. */
export async function answerConfirmation(waiting: Waiting, yes: boolean, request: IntentRequest) {
  const { pending } = waiting;
  const { target } = pending;
  if (!yes) return reply(request, request.speech.say(`${pending.kind}Cancelled`, { target }));
  if (waiting.expired)
    return failed(request, request.speech.say(`${pending.kind}Expired`, { target }));
  return performAndSay(request, pending.calls, pending);
}
