// The start-up check of the configured model: it must exist in Ollama and be able to call
// tools, or Jarvis says so clearly instead of failing on the first question.
import type { Ollama, ShowResponse } from 'ollama';
import { untilAborted } from '../abort.js';
import { ConfigError, EngineError } from '../errors.js';
import { classifyError } from './failures.js';

export interface OllamaModelInfo {
  readonly model: string;
  readonly capabilities: readonly string[];
  readonly family?: string;
  readonly parameterSize?: string;
  readonly quantization?: string;
}

const PATH = 'ollama.model';

/** Capabilities from `/api/show`; older Ollama versions only tell through the template. */
function capabilitiesOf(shown: ShowResponse): string[] {
  if (Array.isArray(shown.capabilities)) return shown.capabilities;
  return typeof shown.template === 'string' && shown.template.includes('.Tools')
    ? ['completion', 'tools']
    : ['completion'];
}

/**
 * Resolves with the model's details when Ollama has it and it can call tools. Throws
 * `ConfigError` (naming `ollama.model`) when the model is missing or cannot call tools, and a
 * retryable `EngineError` when Ollama cannot be reached.
 */
export async function checkOllamaModel(
  ollama: Ollama,
  model: string,
  signal?: AbortSignal,
): Promise<OllamaModelInfo> {
  let shown: ShowResponse;
  try {
    shown = await untilAborted(ollama.show({ model }), signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const code = classifyError(error);
    if (code === 'ollama-model-missing') {
      throw new ConfigError(`model "${model}" is not in Ollama; run "ollama pull ${model}"`, PATH);
    }
    const retryable = code === 'ollama-unreachable' || code === 'ollama-http-error';
    const what = code === 'ollama-unreachable' ? 'cannot reach Ollama' : 'Ollama failed';
    throw new EngineError('ollama', `${what}: ${(error as Error).message}`, {
      retryable,
      cause: error,
    });
  }
  const capabilities = capabilitiesOf(shown);
  if (!capabilities.includes('tools')) {
    throw new ConfigError(
      `model "${model}" cannot call tools; use a tool-calling model such as llama3.1:8b or qwen2.5:7b-instruct`,
      PATH,
    );
  }
  return {
    model,
    capabilities,
    family: shown.details?.family || undefined,
    parameterSize: shown.details?.parameter_size || undefined,
    quantization: shown.details?.quantization_level || undefined,
  };
}
