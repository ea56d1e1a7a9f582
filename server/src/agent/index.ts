// The conversation agent: the interface the pipeline uses, and its Ollama implementation.
export type { AgentReply, AgentRequest, AgentTurn, ConversationAgent } from './agent.js';
export { OllamaAgent, type OllamaAgentOptions } from './ollama-agent.js';
export { checkOllamaModel, type OllamaModelInfo } from './check-model.js';
export { AGENT_ERROR_CODES, type AgentErrorCode } from './failures.js';
