// Timers live on the satellite: these handlers only say what to do (`TimerAction`) and read
// `context.timers` to answer "how much time is left".
import { key, stripArticle } from '../normalize.js';
import type { TimerInfo } from '../types.js';
import {
  type Handler,
  type IntentRequest,
  failed,
  numberSlot,
  reply,
  textSlot,
} from './request.js';

export const startTimer: Handler = async (request, deps) => {
  const { speech } = request;
  const seconds = numberSlot(request, 'duration') ?? 0;
  const name = textSlot(request, 'timer_name');
  const id = deps.newId();
  const duration = speech.duration(seconds);
  if (!name) {
    const timer = { type: 'start', id, seconds } as const;
    return reply(request, speech.say('timerStarted', { duration }), { timer });
  }
  const timer = { type: 'start', id, seconds, name } as const;
  return reply(request, speech.say('timerStartedNamed', { timer: name, duration }), { timer });
};

/** The running timers the request is about: all of them, or those with the name said. */
function wanted(request: IntentRequest): { timers: readonly TimerInfo[]; name?: string } {
  const name = textSlot(request, 'timer_name');
  const { timers } = request.context;
  if (!name) return { timers };
  const folded = (text: string) =>
    key(stripArticle(request.lang.tokenize(text), request.lang.articles).map((t) => t.norm));
  return { timers: timers.filter((t) => t.name && folded(t.name) === folded(name)), name };
}

function describe(request: IntentRequest, timer: TimerInfo): string {
  return timer.name ?? request.speech.duration(timer.secondsLeft);
}

export const cancelTimer: Handler = async (request) => {
  const { speech } = request;
  const { timers, name } = wanted(request);
  const [timer] = timers;
  if (!timer && name) return failed(request, speech.say('unknownTimer', { timer: name }));
  if (!timer) return failed(request, speech.say('noTimer'));
  if (timers.length > 1) {
    const names = speech.list(timers.map((t) => describe(request, t)));
    return failed(request, speech.say('whichTimer', { names }));
  }
  const said = timer.name
    ? speech.say('timerCancelledNamed', { timer: timer.name })
    : speech.say('timerCancelled');
  return reply(request, said, { timer: { type: 'cancel', id: timer.id } });
};

export const timerStatus: Handler = async (request) => {
  const { speech } = request;
  const { timers, name } = wanted(request);
  const query = { type: 'query' } as const;
  const [timer] = timers;
  if (!timer && name) return failed(request, speech.say('unknownTimer', { timer: name }));
  if (!timer) return reply(request, speech.say('noTimer'), { timer: query });
  if (timers.length === 1) {
    const duration = speech.duration(timer.secondsLeft);
    const said = timer.name
      ? speech.say('timerLeftNamed', { duration, timer: timer.name })
      : speech.say('timerLeft', { duration });
    return reply(request, said, { timer: query });
  }
  const items = timers.map((t) => {
    const duration = speech.duration(t.secondsLeft);
    return t.name ? speech.say('timerItem', { duration, timer: t.name }) : duration;
  });
  return reply(request, speech.say('timersLeft', { list: speech.list(items) }), { timer: query });
};
