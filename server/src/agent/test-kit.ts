// For the agent's tests: a real `ollama` client against the Ollama test server, the demo home
// (or any home), an in-process conversation store, and a helper that asks and collects the
// streamed answer.
import { Ollama } from 'ollama';
import {
  type ChatScript,
  OllamaTestServer,
  type OllamaTestServerOptions,
  type WireChatRequest,
} from '../../../tests/helpers/ollama-test-server.js';
import { InProcessConversationStore } from '../conversation/in-process-store.js';
import type { ConversationStore } from '../conversation/store.js';
import { DemoHome } from '../home/demo-home.js';
import type { Home } from '../home/home.js';
import type { AgentReply, AgentRequest } from './agent.js';
import { OllamaAgent, type OllamaAgentOptions } from './ollama-agent.js';

/** Monday 2 June 2025, 14:05 in Paris. */
export const TEST_NOW = new Date('2025-06-02T12:05:00Z');

export interface Asked {
  /** The text deltas, in order. */
  readonly deltas: string[];
  readonly reply: AgentReply;
}

export interface AgentKitOptions extends Partial<OllamaAgentOptions> {
  readonly script?: ChatScript;
  readonly server?: OllamaTestServerOptions;
}

export interface AgentKit {
  readonly server: OllamaTestServer;
  readonly ollama: Ollama;
  readonly home: Home;
  readonly conversations: ConversationStore;
  readonly agent: OllamaAgent;
  /** Codes passed to `onError`. */
  readonly errors: string[];
  ask(text: string, extra?: Partial<AgentRequest>): Promise<Asked>;
  stop(): Promise<void>;
}

export function testRequest(text: string, extra: Partial<AgentRequest> = {}): AgentRequest {
  return {
    text,
    conversationId: 'satellite-1',
    satellite: 'satellite-1',
    area: 'living_room',
    timers: [],
    now: TEST_NOW,
    ...extra,
  };
}

export async function collect(agent: OllamaAgent, request: AgentRequest): Promise<Asked> {
  const turn = agent.reply(request);
  const deltas: string[] = [];
  for await (const delta of turn.text) deltas.push(delta);
  return { deltas, reply: await turn.done };
}

export async function startAgentKit(options: AgentKitOptions = {}): Promise<AgentKit> {
  const { script, server: serverOptions, ...agentOptions } = options;
  const server = await new OllamaTestServer({ ...serverOptions, script }).start();
  const ollama = new Ollama({ host: server.url });
  const home = agentOptions.home ?? new DemoHome();
  const conversations = agentOptions.conversations ?? new InProcessConversationStore();
  const errors: string[] = [];
  let ids = 0;
  const agent = new OllamaAgent({
    ollama,
    model: 'llama3.1:8b',
    home,
    conversations,
    timeZone: 'Europe/Paris',
    newId: () => `timer-${++ids}`,
    onError: (code) => errors.push(code),
    ...agentOptions,
  });
  return {
    server,
    ollama,
    home,
    conversations,
    agent,
    errors,
    ask: (text, extra) => collect(agent, testRequest(text, extra)),
    async stop() {
      await agent.close();
      await server.stop();
      await conversations.close();
    },
  };
}

/** The system prompt of a chat request. */
export function systemOf(chat: WireChatRequest | undefined): string {
  return chat?.messages?.find((m) => m.role === 'system')?.content ?? '';
}

/** The names of the tools a chat request offered. */
export function toolNames(chat: WireChatRequest | undefined): string[] {
  return (chat?.tools ?? []).map((tool) => tool.function.name ?? '');
}

/** The last tool result in a chat request, parsed. */
export function lastToolResult(chat: WireChatRequest | undefined): Record<string, unknown> {
  const message = [...(chat?.messages ?? [])].reverse().find((m) => m.role === 'tool');
  return message ? (JSON.parse(message.content) as Record<string, unknown>) : {};
}
