// Locks: locking just happens; unlocking asks first and waits for a yes in the same
// conversation (see `Confirmations`).
import type { ServiceCall } from '../../home/home.js';
import type { Waiting } from '../confirmations.js';
import { type Handler, type IntentRequest, failed, perform, reply, resolve } from './request.js';

function lockCall(service: 'lock' | 'unlock', entityIds: readonly string[]): ServiceCall {
  return { domain: 'lock', service, target: { entity_id: [...entityIds] } };
}

export const lock: Handler = async (request) => {
  const resolution = resolve(request);
  if (!resolution.ok) return failed(request, request.speech.failure(resolution.failure));
  const { entities, phrase } = resolution.target;
  const performed = await perform(request, [
    lockCall(
      'lock',
      entities.map((e) => e.entity_id),
    ),
  ]);
  if (!performed.ok) return performed.result;
  const target = request.speech.target(phrase, entities.length);
  return reply(request, request.speech.say('locked', { target }), { calls: performed.calls });
};

export const unlock: Handler = async (request, deps) => {
  const resolution = resolve(request);
  if (!resolution.ok) return failed(request, request.speech.failure(resolution.failure));
  const { entities, phrase } = resolution.target;
  const target = request.speech.target(phrase, entities.length);
  deps.confirmations.ask(
    request.context,
    {
      entityIds: entities.map((entity) => entity.entity_id),
      target,
      language: request.lang.data.language,
    },
    request.context.now,
  );
  return reply(request, request.speech.say('unlockConfirm', { target }), { expectsReply: true });
};

/** The answer to "Do you want me to unlock ...?"; `request` is in the question's language. */
export async function answerUnlock(waiting: Waiting, yes: boolean, request: IntentRequest) {
  const { target, entityIds } = waiting.unlock;
  if (!yes) return reply(request, request.speech.say('unlockCancelled', { target }));
  if (waiting.expired) return failed(request, request.speech.say('unlockExpired', { target }));
  const performed = await perform(request, [lockCall('unlock', entityIds)]);
  if (!performed.ok) return performed.result;
  return reply(request, request.speech.say('unlocked', { target }), { calls: performed.calls });
}
