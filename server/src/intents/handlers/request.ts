// What every intent handler gets, and the helpers they share: replies, target resolution, and
// service calls that turn an unreachable Home Assistant into a spoken failure.
import { EngineError } from '../../errors.js';
import type { HomeEntity, ServiceCall } from '../../home/home.js';
import type { CompiledLanguage } from '../compile.js';
import type { ConfirmKind, Confirmations, PendingConfirmation } from '../confirmations.js';
import type { IntentName, ResponseKey, TargetKind } from '../languages/language.js';
import { needsConfirmation } from '../../home/sensitive.js';
import type { Captures } from '../match.js';
import { type Resolution, resolveTarget } from '../resolve.js';
import type { SlotValue } from '../slots.js';
import type { Speech, Values } from '../speech.js';
import type { ReminderDrafts } from './reminders.js';
import type { IntentContext, IntentResult } from '../types.js';

export interface IntentRequest {
  readonly intent: IntentName;
  readonly target?: TargetKind;
  readonly captures: Captures<SlotValue>;
  readonly lang: CompiledLanguage;
  readonly speech: Speech;
  readonly context: IntentContext;
}

export interface HandlerDeps {
  readonly confirmations: Confirmations;
  readonly newId: () => string;
  /** Domains whose every action waits for a "yes" (`agent.sensitive_domains`). */
  readonly sensitiveDomains: readonly string[];
  /** Reminders said with a time and nothing to remind, waiting for what. */
  readonly reminderDrafts: ReminderDrafts;
}

export type Handler = (request: IntentRequest, deps: HandlerDeps) => Promise<IntentResult>;

type Extra = Partial<
  Pick<IntentResult, 'calls' | 'timer' | 'expectsReply' | 'failed' | 'notSureEnough'>
>;

export function reply(request: IntentRequest, speech: string, extra: Extra = {}): IntentResult {
  return {
    intent: request.intent,
    language: request.lang.data.language,
    speech,
    calls: [],
    expectsReply: false,
    ...extra,
  };
}

export function failed(
  request: IntentRequest,
  speech: string,
  calls: readonly ServiceCall[] = [],
): IntentResult {
  return reply(request, speech, { calls, failed: true });
}

export function resolve(
  request: IntentRequest,
  accept?: (entity: HomeEntity) => boolean,
): Resolution {
  return resolveTarget({
    kind: request.target ?? 'any',
    name: request.captures.name,
    area: request.captures.area,
    home: request.context.home,
    here: request.context.area,
    accept,
  });
}

export function numberSlot(request: IntentRequest, slot: string): number | undefined {
  const value = request.captures[slot];
  return value?.kind === 'number' ? value.value : undefined;
}

export function textSlot(request: IntentRequest, slot: string): string | undefined {
  const value = request.captures[slot];
  return value?.kind === 'text' ? value.value : undefined;
}

export type Performed =
  | { readonly ok: true; readonly calls: readonly ServiceCall[] }
  | { readonly ok: false; readonly result: IntentResult };

/** Makes the calls in order; Home Assistant unreachable ends it with the spoken apology. */
export async function perform(
  request: IntentRequest,
  calls: readonly ServiceCall[],
): Promise<Performed> {
  const { home, signal } = request.context;
  const done: ServiceCall[] = [];
  const unreachable = () => failed(request, request.speech.say('unreachable'), done);
  if (!home.connected) return { ok: false, result: unreachable() };
  for (const call of calls) {
    try {
      await home.callService(call, signal);
    } catch (error) {
      if (error instanceof EngineError) return { ok: false, result: unreachable() };
      throw error;
    }
    done.push(call);
  }
  return { ok: true, calls: done };
}

function confirmKind(calls: readonly ServiceCall[]): ConfirmKind {
  if (calls.every((call) => call.domain === 'lock' && call.service === 'unlock')) return 'unlock';
  const opens = (call: ServiceCall) => call.domain === 'cover' && call.service === 'open_cover';
  return calls.every(opens) ? 'open' : 'act';
}

/** What a reply says once the calls are made: its key and values, `target` included. */
export interface Said {
  readonly done: ResponseKey;
  readonly target: string;
  readonly values?: Values;
}

/**
 * Makes the calls and says `said`; but calls that open, unlock or disarm (whatever the verb:
 * "turn on the garage door" opens it) are not made: the question is asked and they wait for a
 * "yes" in this conversation. Speech heard too uncertainly for that is not acted on at all.
 */
export async function actOn(
  request: IntentRequest,
  deps: HandlerDeps,
  calls: readonly ServiceCall[],
  said: Said,
): Promise<IntentResult> {
  const { context } = request;
  const sensitive = needsConfirmation(
    calls,
    (id) => context.home.entity(id),
    deps.sensitiveDomains,
  );
  if (sensitive) {
    if (context.sureEnoughForSensitive === false) {
      // Not a failure: nothing was tried (like speech not understood at all), and the turn says why.
      return reply(request, request.speech.say('notHeard'), { notSureEnough: true });
    }
    const kind = confirmKind(calls);
    const pending: PendingConfirmation = {
      kind,
      intent: request.intent,
      calls,
      language: request.lang.data.language,
      ...said,
    };
    deps.confirmations.ask(context, pending, context.now);
    return reply(request, request.speech.say(`${kind}Confirm`, { target: said.target }), {
      expectsReply: true,
    });
  }
  return performAndSay(request, calls, said);
}

export async function performAndSay(
  request: IntentRequest,
  calls: readonly ServiceCall[],
  said: Said,
): Promise<IntentResult> {
  const performed = await perform(request, calls);
  if (!performed.ok) return performed.result;
  const speech = request.speech.say(said.done, { ...said.values, target: said.target });
  return reply(request, speech, { calls: performed.calls });
}
