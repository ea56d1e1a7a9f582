// The agent's tools, by name, and running one call the model made: unknown tools and
// arguments that do not fit are answered with an error the model can read (and counted as a
// bad call); a tool that throws is reported to the model, never out of the agent.
import type { Tool, ToolCall } from 'ollama';
import type { Logger } from 'wyoming-ts';
import { haCallService } from './ha-call-service.js';
import { getStates, listAreas, listDevices } from './home-info.js';
import { MEMORY_TOOLS } from './memory.js';
import { validateArguments } from './schema.js';
import { reminderCancel, reminderList, reminderSet } from './reminders.js';
import { getTime } from './time.js';
import { timerCancel, timerList, timerStart } from './timers.js';
import {
  type AgentTool,
  type ToolContext,
  type ToolOutcome,
  refusal,
  toolDefinition,
} from './tool.js';

export type { AgentTool, ToolContext, ToolOutcome } from './tool.js';

export const HOME_TOOLS: readonly AgentTool[] = [
  haCallService,
  getStates,
  listAreas,
  listDevices,
  timerStart,
  timerCancel,
  timerList,
  reminderSet,
  reminderList,
  reminderCancel,
  getTime,
];

export class Toolset {
  readonly #tools: ReadonlyMap<string, AgentTool>;
  /** For Ollama's `tools`. */
  readonly definitions: Tool[];

  constructor(options: { readonly memory: boolean }) {
    const tools = [...HOME_TOOLS, ...(options.memory ? MEMORY_TOOLS : [])];
    this.#tools = new Map(tools.map((tool) => [tool.name, tool]));
    this.definitions = tools.map(toolDefinition);
  }

  get names(): string[] {
    return [...this.#tools.keys()];
  }

  /** Runs one tool call; never throws except when the request was aborted. */
  async run(call: ToolCall, context: ToolContext, logger: Logger): Promise<ToolOutcome> {
    const name = call.function?.name;
    const tool = typeof name === 'string' ? this.#tools.get(name) : undefined;
    if (!tool) {
      const known = this.names.join(', ');
      return refusal(`unknown tool "${String(name)}"; the tools are: ${known}`, { invalid: true });
    }
    const checked = validateArguments(tool.parameters, call.function.arguments);
    if (!checked.ok) return refusal(`${tool.name}: ${checked.error}`, { invalid: true });
    try {
      return await tool.run(checked.value, context);
    } catch (error) {
      if (context.signal.aborted) throw error;
      logger.warn(`tool ${tool.name} failed: ${(error as Error).message}`);
      return refusal(`${tool.name} failed: ${(error as Error).message}`);
    }
  }
}
