// What every agent tool is: a name, a description and parameters for the model, and a `run`
// that gets checked arguments and the request's context, and tells the agent what happened.
import type { Tool } from 'ollama';
import type { Home, ServiceCall } from '../../home/home.js';
import type { Language, TimerAction } from '../../intents/types.js';
import type { MemoryStore } from '../../memory/memory.js';
import type { AgentRequest } from '../agent.js';
import type { AgentLanguages } from '../languages.js';
import type { ObjectSchema } from './schema.js';

export interface ToolContext {
  readonly home: Home;
  readonly memory?: MemoryStore;
  readonly request: AgentRequest;
  /** The reply's language. */
  readonly language: Language;
  readonly languages: AgentLanguages;
  /** Domains whose every service needs a confirmation, on top of the built-in ones. */
  readonly sensitiveDomains: readonly string[];
  /** True when running an action the user just confirmed: sensitive actions run. */
  readonly confirmed?: boolean;
  readonly timeZone: string;
  readonly newId: () => string;
  readonly signal: AbortSignal;
}

export interface ToolOutcome {
  /** What the model reads back (JSON text). */
  readonly content: string;
  readonly calls?: readonly ServiceCall[];
  readonly timer?: TimerAction;
  /** A sensitive action was held back: ask this question, run these arguments on "yes". */
  readonly confirm?: {
    readonly arguments: Readonly<Record<string, unknown>>;
    readonly question: string;
  };
  /** The call itself was bad (unknown tool, arguments not matching the schema). */
  readonly invalid?: boolean;
}

export interface AgentTool {
  readonly name: string;
  readonly description: string;
  readonly parameters: ObjectSchema;
  run(args: Record<string, unknown>, context: ToolContext): Promise<ToolOutcome>;
}

/** The tool as Ollama's `tools` list describes it. */
export function toolDefinition(tool: AgentTool): Tool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters as NonNullable<Tool['function']['parameters']>,
    },
  };
}

/** A successful result for the model. */
export function result(data: Readonly<Record<string, unknown>>, extra: Partial<ToolOutcome> = {}) {
  return { content: JSON.stringify({ ok: true, ...data }), ...extra } satisfies ToolOutcome;
}

/** A refusal or failure the model can read and correct. */
export function refusal(error: string, extra: Partial<ToolOutcome> = {}): ToolOutcome {
  return { content: JSON.stringify({ ok: false, error }), ...extra };
}
