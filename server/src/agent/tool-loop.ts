// The bounded tool loop: ask the model; if it calls tools, run them and give it the results;
// ask again; at most `maxToolRounds` rounds of tool calls, then the model must answer. A round's
// text is spoken through `SpokenGate`. A sensitive action stops the loop with a question; two
// bad calls (unknown tool, arguments that do not fit) stop it with a failure.
import type { Message, ToolCall } from 'ollama';
import type { Logger } from 'wyoming-ts';
import type { ServiceCall } from '../home/home.js';
import type { TimerAction } from '../intents/types.js';
import { type AgentErrorCode, classifyError } from './failures.js';
import type { ChatRound } from './model-stream.js';
import { SpokenGate } from './spoken-gate.js';
import type { ToolContext, ToolOutcome, Toolset } from './tools/index.js';

export interface ToolLoopOptions {
  /** One model call with these messages; text deltas to `onText`. */
  readonly chat: (messages: Message[], onText: (delta: string) => void) => Promise<ChatRound>;
  readonly toolset: Toolset;
  readonly context: ToolContext;
  readonly maxToolRounds: number;
  /** Spoken text, as it is released. */
  readonly speak: (text: string) => void;
  readonly logger: Logger;
}

export interface ToolLoopResult {
  /** What was spoken (before any confirmation question or apology). */
  readonly speech: string;
  readonly calls: readonly ServiceCall[];
  readonly tools: readonly string[];
  readonly timer?: TimerAction;
  readonly confirm?: NonNullable<ToolOutcome['confirm']> & { readonly tool: string };
  readonly failure?: AgentErrorCode;
  /** The model call's error, when that was the failure. */
  readonly error?: unknown;
}

/** How many bad tool calls end the loop. */
export const MAX_BAD_CALLS = 2;

export async function runToolLoop(
  messages: readonly Message[],
  options: ToolLoopOptions,
): Promise<ToolLoopResult> {
  const history = [...messages];
  const state = {
    speech: '',
    calls: [] as ServiceCall[],
    tools: [] as string[],
    timer: undefined as TimerAction | undefined,
    bad: 0,
  };
  const done = (extra: Partial<ToolLoopResult> = {}): ToolLoopResult => ({
    speech: state.speech,
    calls: state.calls,
    tools: state.tools,
    ...(state.timer ? { timer: state.timer } : {}),
    ...extra,
  });
  const say = (text: string) => {
    if (!text) return;
    state.speech += text;
    options.speak(text);
  };
  for (let round = 0; ; round++) {
    const gate = new SpokenGate();
    let answer: ChatRound;
    try {
      answer = await options.chat(history, (delta) => say(gate.push(delta)));
    } catch (error) {
      return done({ failure: classifyError(error, options.context.signal.aborted), error });
    }
    if (answer.toolCalls.length === 0) {
      say(gate.end());
      return done();
    }
    const unspoken = gate.drop();
    if (unspoken) options.logger.debug(`not spoken before tool calls: ${unspoken}`);
    if (round >= options.maxToolRounds) return done({ failure: 'tool-loop' });
    history.push({ role: 'assistant', content: answer.content, tool_calls: [...answer.toolCalls] });
    for (const call of answer.toolCalls) {
      const outcome = await runOne(call, options, state);
      const name = String(call.function?.name);
      if (outcome.invalid && ++state.bad >= MAX_BAD_CALLS)
        return done({ failure: 'bad-tool-call' });
      if (outcome.confirm) return done({ confirm: { ...outcome.confirm, tool: name } });
      history.push({ role: 'tool', content: outcome.content, tool_name: name });
    }
  }
}

async function runOne(
  call: ToolCall,
  options: ToolLoopOptions,
  state: { calls: ServiceCall[]; tools: string[]; timer?: TimerAction },
): Promise<ToolOutcome> {
  const name = String(call.function?.name);
  options.logger.debug(`tool call ${name} ${JSON.stringify(call.function?.arguments)}`);
  const outcome = await options.toolset.run(call, options.context, options.logger);
  state.tools.push(name);
  if (outcome.timer && state.timer) {
    return { content: JSON.stringify({ ok: false, error: 'only one timer action per request' }) };
  }
  if (outcome.timer) state.timer = outcome.timer;
  state.calls.push(...(outcome.calls ?? []));
  return outcome;
}
