/** A bad configuration value; `path` names the key or flag (`--threshold`, `mqtt.port`). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** An engine (VAD, wake word, STT, TTS, LLM...) failed: a missing model, a dead process. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly engine: string;
  /** True when trying again later may work (a service restarting), false for a bad model. */
  readonly retryable: boolean;

  constructor(
    engine: string,
    message: string,
    options: { retryable?: boolean; cause?: unknown } = {},
  ) {
    super(`${engine}: ${message}`, { cause: options.cause });
    this.engine = engine;
    this.retryable = options.retryable ?? false;
  }
}
