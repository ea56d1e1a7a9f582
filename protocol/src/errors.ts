/** Raised for bytes or events that break the Wyoming protocol. Never a clean end of stream. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  /** Short machine-readable reason, sent as the `code` of a Wyoming `error` event. */
  readonly code: string;

  constructor(message: string, code = 'protocol-error', options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Raised when a connect, a read or an idle period takes longer than allowed. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}
