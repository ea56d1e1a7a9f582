// Why a model call failed, as an error code for metrics and logs, and what to say about it.
// Pure.
import type { PhraseKey } from './phrases.js';

export const AGENT_ERROR_CODES = [
  'ollama-unreachable',
  'ollama-timeout',
  'ollama-http-error',
  'ollama-model-missing',
  'ollama-no-tools',
  'ollama-error',
  'ollama-bad-response',
  'bad-tool-call',
  'tool-loop',
  'no-answer',
  'action-failed',
  'agent-failed',
  'aborted',
] as const;

export type AgentErrorCode = (typeof AGENT_ERROR_CODES)[number];

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The code of an error thrown by a model call (`aborted` when the request was cancelled). */
export function classifyError(error: unknown, requestAborted = false): AgentErrorCode {
  if (requestAborted) return 'aborted';
  if (!(error instanceof Error)) return 'agent-failed';
  if (error.name === 'TimeoutError') return 'ollama-timeout';
  const status = (error as { status_code?: unknown }).status_code;
  if (error.name === 'ResponseError' && typeof status === 'number') {
    if (status === 404) return 'ollama-model-missing';
    if (status === 400 && /does not support tools/i.test(error.message)) return 'ollama-no-tools';
    return 'ollama-http-error';
  }
  if (NETWORK_CODES.has(causeCode(error) ?? '')) return 'ollama-unreachable';
  if (error instanceof TypeError && /fetch failed|terminated/i.test(error.message)) {
    return 'ollama-unreachable';
  }
  if (/did not receive done/i.test(error.message)) return 'ollama-bad-response';
  return 'ollama-error';
}

/** What the user hears for each failure. */
export function apologyFor(code: AgentErrorCode): PhraseKey {
  switch (code) {
    case 'ollama-unreachable':
      return 'unreachable';
    case 'ollama-timeout':
      return 'timeout';
    case 'bad-tool-call':
      return 'badToolCall';
    case 'tool-loop':
      return 'toolLoop';
    case 'no-answer':
      return 'noAnswer';
    default:
      return 'failed';
  }
}
